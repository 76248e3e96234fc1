"""A loopback server that misbehaves on purpose, and the fault list the client must survive.

Run as a script (`python hostile.py VENDOR [SCENARIO ...]`) it plays every scenario against
the generated Client and AsyncClient of VENDOR, one at a time, and prints one JSON line per
scenario and mode: what the call raised, whether that is a ResponsesError, how long it took,
the peak of memory allocated while it ran (tracemalloc), how many requests reached the
server, and the scenario's own findings (`facts`). A call that does not end within HANG
seconds is reported as hung; every server stops by itself after LIFETIME seconds.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import socket
import struct
import sys
import threading
import time
import tracemalloc
import zlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GENERATED = REPO / "generated"
KEY = "sk-hostile-7f3a9c1e5b"
TIMEOUT = 1.0  # the clients' timeout in every scenario, seconds
HANG = 20.0  # a call still running after this long is reported as hung
LIFETIME = 25.0  # every server closes itself after this long
TRICKLE = 0.1  # seconds between the bytes of a trickling server


class Server:
    """Accepts connections on 127.0.0.1 and hands each request to `answer(server, conn, request)`."""

    def __init__(self, answer, lifetime: float = LIFETIME):
        self.answer, self.deadline = answer, time.monotonic() + lifetime
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=256)
        self.listener.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.requests: list[dict] = []
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.connections: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def running(self) -> bool:
        return not self.stopped.is_set() and time.monotonic() < self.deadline

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds` while the server runs; False once it has stopped."""
        end = min(time.monotonic() + seconds, self.deadline)
        while self.running() and time.monotonic() < end:
            time.sleep(min(0.02, max(0.0, end - time.monotonic())))
        return self.running()

    def hold(self) -> None:
        while self.wait(0.1):
            pass

    def _accept(self) -> None:
        while self.running():
            try:
                conn, _ = self.listener.accept()
            except (TimeoutError, OSError):
                continue
            with self.lock:
                self.connections.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()
        self.stopped.set()
        self._close_all()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(0.2)
        buffer = b""
        try:
            while self.running():
                request, buffer = _read_request(conn, buffer, self)
                if request is None:
                    return
                with self.lock:
                    self.requests.append(request)
                if self.answer(self, conn, request) == "close":
                    return
        except OSError:
            return
        finally:
            conn.close()

    def _close_all(self) -> None:
        self.listener.close()
        with self.lock:
            for conn in self.connections:
                conn.close()

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stopped.set()
        self.thread.join(timeout=5)
        self._close_all()


def _read_request(conn: socket.socket, buffer: bytes, server: Server) -> tuple[dict | None, bytes]:
    while b"\r\n\r\n" not in buffer:
        if not server.running() or len(buffer) > 1 << 20:
            return None, b""
        try:
            chunk = conn.recv(65536)
        except TimeoutError:
            continue
        if not chunk:
            return None, b""
        buffer += chunk
    head, _, buffer = buffer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    length = int(headers.get("content-length", "0"))
    while len(buffer) < length:
        try:
            chunk = conn.recv(65536)
        except TimeoutError:
            if not server.running():
                return None, b""
            continue
        if not chunk:
            return None, b""
        buffer += chunk
    body, buffer = buffer[:length], buffer[length:]
    return {"line": lines[0], "headers": headers, "body": body}, buffer


def reply(conn: socket.socket, status: str, body: bytes = b"", headers: dict | None = None, length: int | None = None) -> None:
    head = [f"HTTP/1.1 {status}", f"Content-Length: {len(body) if length is None else length}", "x-request-id: hostile-1"]
    head += [f"{name}: {value}" for name, value in (headers or {}).items()]
    conn.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)


def stream_head(conn: socket.socket, headers: dict | None = None) -> None:
    head = ["HTTP/1.1 200 OK", "Content-Type: text/event-stream", "Connection: close"]
    head += [f"{name}: {value}" for name, value in (headers or {}).items()]
    conn.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))


def trickle(server: Server, conn: socket.socket, data: bytes) -> None:
    """Send `data` one byte every TRICKLE seconds, then keep the connection open."""
    for index in range(len(data)):
        if not server.wait(TRICKLE):
            return
        conn.sendall(data[index : index + 1])
    server.hold()


def reset(conn: socket.socket) -> None:
    """Close with a TCP reset instead of an orderly shutdown."""
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


@cache
def vendor_mock(vendor: str):
    from responses_bindings.commands.mock import VendorMock

    return VendorMock.from_generated(GENERATED, vendor)


@cache
def gzip_bomb() -> bytes:
    """1 GiB of zeros, gzip-compressed (about 1 MB). After a full flush deflate starts afresh,
    so each further MiB of zeros compresses to the same bytes: they are compressed once and
    repeated, and the gzip trailer (CRC-32 and size of the whole) is written by hand."""
    mib, count = bytes(1 << 20), 1024
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = packer.compress(mib) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(mib) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.compress(mib) + packer.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(mib, crc)
    return first + again * (count - 2) + end[:-8] + struct.pack("<II", crc, (count << 20) & 0xFFFFFFFF)


def deep(levels: int) -> bytes:
    return b"[" * levels + b"]" * levels


@cache
def big_error() -> bytes:
    """An error body whose message is 20 million characters."""
    return b'{"error": {"message": "' + b"x" * 20_000_000 + b'"}}'


@cache
def long_line() -> bytes:
    """An event stream line of 8 MiB that never ends."""
    return b"data: " + b"x" * (8 << 20)


# --- the fault list --------------------------------------------------------------------------


@dataclass
class Scenario:
    """One fault: how the server answers, how the client calls, and what must come of it."""

    name: str
    answer: object  # (server, conn, request) -> "close" | None
    expect: str  # the class name the call must raise, or "ok"
    stream: bool = False
    seconds: float = 5.0  # the most the call may take
    requests: int | None = 1  # how many requests the server may see (None: any)
    megabytes: float = 200.0  # the most memory the call may allocate at its peak
    client: dict = field(default_factory=dict)  # extra Client arguments
    check: object = None  # (package, outcome, error) -> dict of facts that must all be true


def _echo_key(server, conn, request):
    said = request["headers"].get("authorization", "")
    body = {"error": {"message": f"invalid key {said}", "type": "invalid_request_error", "param": None, "code": said}}
    reply(conn, "401 Unauthorized", json.dumps(body).encode())


def _invalid_with_key(server, conn, request):
    body = {"id": "r", "object": KEY, "created_at": 1, "status": "completed", "model": "m", "output": []}
    reply(conn, "200 OK", json.dumps(body).encode())


def _failed_with_key(vendor):
    def answer(server, conn, request):
        failed = json.loads(vendor_mock(vendor).failed_body)
        failed["error"]["message"] = f"quota of key {KEY} used up"
        reply(conn, "200 OK", json.dumps(failed).encode(), {"Content-Type": "application/json"})

    return answer


def _error_event_with_key(server, conn, request):
    stream_head(conn)
    event = {"type": "error", "sequence_number": 0, "code": "server_error", "message": f"bad key {KEY}", "param": None}
    conn.sendall(f"event: error\ndata: {json.dumps(event)}\n\n".encode())
    return "close"


def _short_key_message(server, conn, request):
    body = {"error": {"message": "abcdef abcd xabcd", "type": "invalid_request_error", "param": None, "code": "bad"}}
    reply(conn, "400 Bad Request", json.dumps(body).encode())


def _no_data_blocks(vendor):
    def answer(server, conn, request):
        stream_head(conn)
        conn.sendall(b"retry: 1000\n\nid: 5\n\nevent: ping\n\ndata:\n\ndata:\ndata:\n\n: comment only\n\n")
        conn.sendall(vendor_mock(vendor).stream_body)
        return "close"

    return answer


def _keep_alive(vendor):
    def answer(server, conn, request):
        stream_head(conn)
        for _ in range(8):  # 2.4 s of comments, longer than the 1 s idle timeout
            if not server.wait(0.3):
                return "close"
            conn.sendall(b": ping\n\n")
        conn.sendall(vendor_mock(vendor).stream_body)
        return "close"

    return answer


def _cut_with_request_id(vendor):
    def answer(server, conn, request):
        stream_head(conn, {"x-dashscope-request-id": "ds-req-42"})
        body = vendor_mock(vendor).stream_body
        conn.sendall(body[: len(body) // 2])
        return "close"

    return answer


def _deep_event(server, conn, request):
    stream_head(conn)
    conn.sendall(b'data: {"type": "vendor.deep", "x": ' + deep(5000) + b"}\n\n")
    return "close"


def _streams_then_answer(vendor):
    """Streams get their headers and then nothing; other calls get the documented response."""

    def answer(server, conn, request):
        if b'"stream": true' in request["body"] or b'"stream":true' in request["body"]:
            stream_head(conn)
            server.hold()
            return "close"
        reply(conn, "200 OK", vendor_mock(vendor).response_body, {"Content-Type": "application/json"})

    return answer


def _key_free(package, outcome, error) -> dict:
    """The key appears in nothing the error carries: its text, body, issues or response."""
    texts = [str(error), repr(error), json.dumps(getattr(error, "body", None), default=str)]
    texts += [str(issue) for issue in getattr(error, "issues", ())]
    response = getattr(error, "response", None)
    if isinstance(response, package.Response):
        texts.append(response.model_dump_json())
    return {"key never shown": not any(KEY in text for text in texts)}


def scenarios(vendor: str) -> list[Scenario]:
    mock = vendor_mock(vendor)
    json_head = {"Content-Type": "application/json"}
    return [
        Scenario("headers trickle in", lambda s, c, r: trickle(s, c, b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 500),
                 "OutcomeUnknownError", client={"max_retries": 2}),
        Scenario("body trickles in", lambda s, c, r: (reply(c, "200 OK", b"", json_head, length=100_000), trickle(s, c, b"{" * 500)),
                 "OutcomeUnknownError", client={"max_retries": 2}),
        Scenario("no answer at all", lambda s, c, r: s.hold(), "APITimeoutError", requests=2, client={"max_retries": 1}),
        Scenario("Retry-After: 30 with timeout 1", lambda s, c, r: reply(c, "503 Service Unavailable", b"busy", {"Retry-After": "30"}),
                 "InternalServerError", client={"max_retries": 2}),
        Scenario("body shorter than Content-Length", lambda s, c, r: (reply(c, "200 OK", b'{"id": "r', json_head, length=1000), "close")[1],
                 "OutcomeUnknownError", client={"max_retries": 2}),
        Scenario("reset mid-body", lambda s, c, r: (reply(c, "200 OK", b'{"id": "r', json_head, length=1000), s.wait(0.1), reset(c), "close")[3],
                 "OutcomeUnknownError", client={"max_retries": 2}),
        Scenario("gzip header, body not gzip", lambda s, c, r: reply(c, "200 OK", b"this is not gzip", {**json_head, "Content-Encoding": "gzip"}),
                 "ResponseValidationError", client={"max_retries": 2}),
        Scenario("gzip header, stream not gzip",
                 lambda s, c, r: (stream_head(c, {"Content-Encoding": "gzip"}), c.sendall(b"data: not gzip\n\n"), "close")[2],
                 "ResponseValidationError", stream=True),
        Scenario("gzip bomb: 1 MB to 1 GiB", lambda s, c, r: reply(c, "200 OK", gzip_bomb(), {**json_head, "Content-Encoding": "gzip"}),
                 "ResponseTooLargeError", seconds=15.0, client={"max_retries": 2}),
        Scenario("error body nested 100,000 deep", lambda s, c, r: reply(c, "400 Bad Request", deep(100_000), json_head),
                 "BadRequestError"),
        Scenario("2xx body nested 1,000 deep", lambda s, c, r: reply(c, "200 OK", deep(1000), json_head), "ResponseValidationError",
                 client={"validation": "spec"}),
        Scenario("20 MB error message",
                 lambda s, c, r: reply(c, "400 Bad Request", big_error(), json_head),
                 "BadRequestError", seconds=10.0,
                 check=lambda p, o, e: {"message under 20,000 characters": len(str(e)) < 20_000}),
        Scenario("undocumented event nested 5,000 deep", _deep_event, "ResponseValidationError", stream=True),
        Scenario("SSE blocks without data", _no_data_blocks(vendor), "ok", stream=True,
                 check=lambda p, o, e: {"all events arrived": o == len(mock.events)}),
        Scenario("stream goes silent", lambda s, c, r: (stream_head(c), s.hold()), "APITimeoutError", stream=True),
        Scenario("stream trickles a line that never ends", lambda s, c, r: (stream_head(c), trickle(s, c, b"data: " + b"x" * 500)),
                 "APITimeoutError", stream=True),
        Scenario("keep-alive comments for 2.4 s", _keep_alive(vendor), "ok", stream=True, seconds=8.0,
                 check=lambda p, o, e: {"all events arrived": o == len(mock.events)}),
        Scenario("an 8 MiB line", lambda s, c, r: (stream_head(c), c.sendall(long_line()), s.hold()),
                 "ResponseValidationError", stream=True, client={"max_response_bytes": 1 << 20}),
        Scenario("cut mid-event, request id in x-dashscope-request-id", _cut_with_request_id(vendor), "StreamInterruptedError",
                 stream=True, check=lambda p, o, e: {"request id kept": e.request_id == "ds-req-42"}),
        Scenario("the server echoes the key in an error", _echo_key, "AuthenticationError", check=_key_free),
        Scenario("the server echoes the key in an invalid 2xx body", _invalid_with_key, "ResponseValidationError", check=_key_free,
                 client={"validation": "spec"}),
        Scenario("the server echoes the key in a failed response", _failed_with_key(vendor), "ResponseFailedError",
                 check=_key_free),
        Scenario("the server echoes the key in an error event", _error_event_with_key, "StreamInterruptedError", stream=True,
                 check=_key_free),
        Scenario("a short key is redacted as a token", _short_key_message, "BadRequestError", client={"api_key": "abcd"},
                 check=lambda p, o, e: {"only the token redacted": e.message == "abcdef *** xabcd"}),
        Scenario("100 streams dropped unread, then a call", _streams_then_answer(vendor), "ok", requests=None, seconds=10.0,
                 client={"max_retries": 0}),
    ]


# --- running them ----------------------------------------------------------------------------


async def _acall(package, scenario: Scenario, url: str):
    arguments = {"api_key": KEY, "base_url": url, "timeout": TIMEOUT, "max_retries": 0, **scenario.client}
    async with package.AsyncClient(**arguments) as client:
        if scenario.name.startswith("100 streams"):
            for _ in range(100):
                await client.responses.create(model="m", input="hi", stream=True)
            gc.collect()
            return len((await client.responses.create(model="m", input="hi")).output)
        if scenario.stream:
            async with await client.responses.create(model="m", input="hi", stream=True) as stream:
                return len([event async for event in stream])
        response = await client.responses.create(model="m", input="hi")
        response.raise_for_status()
        return len(response.output)


def _call(package, scenario: Scenario, url: str):
    arguments = {"api_key": KEY, "base_url": url, "timeout": TIMEOUT, "max_retries": 0, **scenario.client}
    with package.Client(**arguments) as client:
        if scenario.name.startswith("100 streams"):
            for _ in range(100):
                client.responses.create(model="m", input="hi", stream=True)
            gc.collect()
            return len(client.responses.create(model="m", input="hi").output)
        if scenario.stream:
            with client.responses.create(model="m", input="hi", stream=True) as stream:
                return len(list(stream))
        response = client.responses.create(model="m", input="hi")
        response.raise_for_status()
        return len(response.output)


def play(package, scenario: Scenario, mode: str) -> dict:
    """Run one scenario in one mode (sync/async) and report what happened."""
    result: dict = {"scenario": scenario.name, "mode": mode, "expect": scenario.expect, "limits": {
        "seconds": scenario.seconds, "requests": scenario.requests, "megabytes": scenario.megabytes}}
    with Server(scenario.answer) as server:
        done = threading.Event()

        def attempt() -> None:
            tracemalloc.start()
            start = time.perf_counter()
            outcome = error = None
            try:
                outcome = asyncio.run(_acall(package, scenario, server.url)) if mode == "async" else _call(package, scenario, server.url)
            except BaseException as exc:  # noqa: BLE001 - every outcome is data here
                error = exc
            result["seconds"] = round(time.perf_counter() - start, 3)
            result["megabytes"] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
            tracemalloc.stop()
            result["raised"] = "ok" if error is None else type(error).__name__
            result["typed"] = error is None or isinstance(error, package.ResponsesError)
            result["error"] = "" if error is None else str(error)[:300]
            if scenario.check is not None:
                try:
                    result["facts"] = scenario.check(package, outcome, error)
                except Exception as exc:  # noqa: BLE001
                    result["facts"] = {f"check failed: {type(exc).__name__}: {exc}": False}
            done.set()

        worker = threading.Thread(target=attempt, daemon=True)
        worker.start()
        if not done.wait(HANG):
            result.update(raised="hung", typed=False, seconds=HANG, megabytes=None, error=f"still running after {HANG:g} s")
        result["requests"] = len(server.requests)
    return result


def warm_up(package, vendor: str) -> None:
    """Import and build everything once, so no scenario measures first-use costs."""
    import jsonschema  # noqa: F401 - the validator's walk for big payloads uses it

    gzip_bomb(), big_error(), long_line()
    package.parse(vendor_mock(vendor).response_body)
    package.validate({"model": "m", "input": "hi", "tools": [1] * 2000}, "request")
    __import__(f"{vendor}_responses._streaming", fromlist=["event_types"]).event_types()
    with Server(lambda server, conn, request: reply(conn, "200 OK", vendor_mock(vendor).response_body)) as server:
        _call(package, Scenario("warm-up", None, "ok"), server.url)
        asyncio.run(_acall(package, Scenario("warm-up", None, "ok"), server.url))


def main(argv: list[str]) -> int:
    vendor, wanted = argv[0], set(argv[1:])
    generated = Path(os.environ.get("HOSTILE_GENERATED", GENERATED))  # e.g. an older tree, to compare
    sys.path[:0] = [str(generated / vendor), str(REPO / "generator")]
    package = __import__(f"{vendor}_responses")
    warm_up(package, vendor)
    for scenario in scenarios(vendor):
        if wanted and scenario.name not in wanted:
            continue
        for mode in ("sync", "async"):
            print(json.dumps(play(package, scenario, mode)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
