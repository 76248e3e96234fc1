"""Record real traffic through `record`, replay it with `mock --replay` and `testing.ReplayTransport`.

Everything runs over loopback: a stand-in upstream (below) that the tests script piece by
piece, the recording proxy in front of it, and the generated Client (sync and async,
plain and streaming) talking through it. A capturing transport keeps the bytes each client
read, so replays are compared byte for byte with what the upstream sent.
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import http
import importlib
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import textwrap
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from responses_bindings.commands.mock import MockServer, VendorMock
from responses_bindings.commands.mock.events import sse_block
from responses_bindings.commands.mock.replay import ReplayServer
from responses_bindings.commands.record import LiveCheck, RecordingProxy
from responses_bindings.runtime import _recording
from responses_bindings.runtime._recording import Exchange, Recordings, split_events, stream_events, write_exchange

from conftest import GENERATED, REPO, bundled_document, vendor_package

KEY = "sk-live-7c1e0b9a4d2f68e5"
AUTH = {"ai360": f"Bearer {KEY}", "zhixin": KEY}  # how each vendor's page says the key is sent
WAIT = 10.0  # seconds: the bound on every wait below
CLI = [sys.executable, "-m", "responses_bindings"]


# --- a stand-in upstream, scripted piece by piece -------------------------------------------


@dataclass
class Answer:
    """What the upstream sends for one request: its pieces one write at a time."""

    pieces: list[bytes]
    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=lambda: [("Content-Type", "application/json")])
    chunked: bool = False
    cut: bool = False  # end without the last chunk and close (a stream broken off)
    gate: threading.Event | None = None  # wait for it before piece number `gate_at`
    gate_at: int = 0
    sent: int = 0  # pieces written so far


class _UpstreamHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: Upstream

    def log_message(self, format, *args) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append((self.path, dict(self.headers.items()), body))
        answer = self.server.answers.popleft()
        head = [f"HTTP/1.1 {answer.status} {http.HTTPStatus(answer.status).phrase}"]
        head += [f"{name}: {value}" for name, value in answer.headers]
        head.append("Transfer-Encoding: chunked" if answer.chunked else f"Content-Length: {sum(map(len, answer.pieces))}")
        self.wfile.write(("\r\n".join(head) + "\r\n\r\n").encode())
        for index, piece in enumerate(answer.pieces):
            if answer.gate is not None and index == answer.gate_at:
                answer.gate.wait(WAIT)
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if answer.chunked else piece)
            answer.sent += 1
        if answer.cut:
            self.close_connection = True
        elif answer.chunked:
            self.wfile.write(b"0\r\n\r\n")


class Upstream(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, *answers: Answer):
        super().__init__(("127.0.0.1", 0), _UpstreamHandler)
        self.answers = deque(answers)
        self.requests: list[tuple[str, dict, bytes]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> Upstream:
        threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.shutdown()
        self.server_close()


# --- what the clients read --------------------------------------------------------------------


class _Tee(httpx.SyncByteStream, httpx.AsyncByteStream):
    def __init__(self, inner, sink: bytearray):
        self.inner, self.sink = inner, sink

    def __iter__(self):
        for chunk in self.inner:
            self.sink.extend(chunk)
            yield chunk

    async def __aiter__(self):
        async for chunk in self.inner:
            self.sink.extend(chunk)
            yield chunk

    def close(self) -> None:
        self.inner.close()

    async def aclose(self) -> None:
        await self.inner.aclose()


class Capture(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Wraps a transport (default: real sockets) and keeps every response body the client read, as bytes."""

    def __init__(self, inner=None):
        self.inner = inner
        self.bodies: list[bytearray] = []

    def _tee(self, response: httpx.Response) -> httpx.Response:
        self.bodies.append(bytearray())
        return httpx.Response(response.status_code, headers=response.headers, stream=_Tee(response.stream, self.bodies[-1]),
                              extensions=response.extensions)

    def handle_request(self, request):
        return self._tee((self.inner or httpx.HTTPTransport()).handle_request(request))

    async def handle_async_request(self, request):
        return self._tee(await (self.inner or httpx.AsyncHTTPTransport()).handle_async_request(request))


# --- payloads: the vendor's documented example and the events a gateway streams for it ------


@functools.cache
def documented(vendor: str) -> dict:
    operation = bundled_document(vendor)["paths"]["/v1/responses"]["post"]
    return operation["responses"]["200"]["content"]["application/json"]["examples"]["documented"]["value"]


@functools.cache
def vendor_mock(vendor: str) -> VendorMock:
    return VendorMock.from_generated(GENERATED, vendor)


def json_answer(vendor: str, **changes) -> Answer:
    body = json.dumps({**documented(vendor), **changes}, ensure_ascii=False, indent=1).encode()  # pretty: bytes matter
    return Answer([body[: len(body) // 2], body[len(body) // 2 :]])


def stream_answer(vendor: str, events: list[dict] | None = None, **options) -> Answer:
    blocks = [sse_block(event) for event in (events or vendor_mock(vendor).events)]
    blocks.insert(1, b": keep-alive\n\n")  # a comment block: replays keep it, clients skip it
    return Answer(blocks, headers=[("Content-Type", "text/event-stream"), ("x-request-id", "up-1")], chunked=True, **options)


def body_of(answer: Answer) -> bytes:
    return b"".join(answer.pieces)


def run_client(pkg, transport, calls: list[tuple[str, bool]], asynchronous: bool, base_url: str = "http://127.0.0.1:9") -> list:
    """Make each (input, stream) call with the package's Client over `transport`; what each gave:
    the response's JSON, or (event JSONs, the final response's JSON)."""

    def outcome(result):
        return result.model_dump(mode="json")

    if not asynchronous:
        results = []
        with pkg.Client(api_key=KEY, max_retries=0, base_url=base_url, http_client=httpx.Client(transport=transport)) as client:
            for text, stream in calls:
                if not stream:
                    results.append(outcome(client.responses.create(model="m", input=text)))
                    continue
                with client.responses.create(model="m", input=text, stream=True) as events:
                    results.append(([outcome(e) for e in events], outcome(events.final_response)))
        return results

    async def scenario():
        results = []
        http_client = httpx.AsyncClient(transport=transport)
        async with pkg.AsyncClient(api_key=KEY, max_retries=0, base_url=base_url, http_client=http_client) as client:
            for text, stream in calls:
                if not stream:
                    results.append(outcome(await client.responses.create(model="m", input=text)))
                    continue
                async with await client.responses.create(model="m", input=text, stream=True) as events:
                    results.append(([outcome(e) async for e in events], outcome(events.final_response)))
        return results

    return asyncio.run(scenario())


def vendor_testing(vendor: str):
    """The package's testing module (imported on purpose: the package facade never loads it)."""
    return importlib.import_module(f"{vendor}_responses.testing")


def recorded(folder: Path) -> list[Exchange]:
    return _recording.read_folder(folder)


# --- record, then replay ----------------------------------------------------------------------


CALLS = [("plain", False), ("streamed", True)]


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_replays_give_the_client_the_bytes_and_events_the_upstream_sent(vendor, asynchronous, tmp_path):
    pkg = vendor_package(vendor)
    answers = [json_answer(vendor), stream_answer(vendor)]
    said: list[str] = []
    with Upstream(*answers) as upstream, RecordingProxy(upstream.url, tmp_path, LiveCheck(pkg), say=said.append) as proxy:
        live = Capture()
        through_record = run_client(pkg, live, CALLS, asynchronous, proxy.url)

    sent = [body_of(answer) for answer in answers]
    assert [bytes(body) for body in live.bodies] == sent
    # forwarded unchanged: the body the client sent, and its key in the vendor's header
    assert [path for path, _, _ in upstream.requests] == ["/v1/responses"] * 2
    assert all(headers["Authorization"] == AUTH[vendor] for _, headers, _ in upstream.requests)
    assert [json.loads(body)["input"] for _, _, body in upstream.requests] == ["plain", "streamed"]
    assert said == [f"0001 POST /v1/responses -> 200, {len(sent[0])} bytes (3 files)",
                    f"0002 POST /v1/responses -> 200, {len(vendor_mock(vendor).events)} events (3 files)"]
    exchanges = recorded(tmp_path)
    assert [e.body for e in exchanges] == sent
    assert [e.request_body for e in exchanges] == [body for _, _, body in upstream.requests]
    assert split_events(exchanges[1].body) == stream_answer(vendor).pieces  # the recorded event boundaries

    with ReplayServer(Recordings(tmp_path), vendor_mock(vendor)) as mock:
        replayed = Capture()
        through_mock = run_client(pkg, replayed, CALLS, asynchronous, mock.url)
    in_process = Capture(vendor_testing(vendor).ReplayTransport(tmp_path))
    through_transport = run_client(pkg, in_process, CALLS, asynchronous)

    assert through_mock == through_transport == through_record
    assert [bytes(b) for b in replayed.bodies] == [bytes(b) for b in in_process.bodies] == sent
    events, final = through_record[1]
    assert events[0]["type"] == "response.created" and final == through_record[0]


def test_streams_pass_through_event_by_event(vendor, tmp_path):
    """The upstream holds back the rest of its stream until the client has read the first events."""
    pkg = vendor_package(vendor)
    gate = threading.Event()
    answer = stream_answer(vendor, gate=gate, gate_at=4)  # 3 events and the keep-alive, then wait
    with Upstream(answer) as upstream, RecordingProxy(upstream.url, tmp_path, LiveCheck(pkg), say=lambda _: None) as proxy:
        client = pkg.Client(api_key=KEY, base_url=proxy.url, max_retries=0, timeout=WAIT)
        with client.responses.create(model="m", input="hi", stream=True) as stream:
            first = [next(stream).type for _ in range(3)]
            # read while the upstream holds back at the gate (its count of pieces written may lag by one: it counts after writing)
            assert answer.sent <= 4 and not gate.is_set()
            gate.set()
            rest = [event.type for event in stream]
    assert first == ["response.created", "response.in_progress", "response.output_item.added"]
    assert len(first) + len(rest) == len(vendor_mock(vendor).events)


def test_a_stream_broken_off_is_recorded_and_replayed_broken_off(vendor, tmp_path):
    pkg = vendor_package(vendor)
    events = vendor_mock(vendor).events
    answer = stream_answer(vendor, cut=True)
    answer.pieces = answer.pieces[:6] + [answer.pieces[6][:20]]  # 5 events, a keep-alive, half an event
    with Upstream(answer) as upstream, RecordingProxy(upstream.url, tmp_path, LiveCheck(pkg), say=lambda _: None) as proxy:
        live = pkg.Client(api_key=KEY, base_url=proxy.url, max_retries=0, timeout=WAIT)
        got_live, error_live = _read_until_broken(pkg, live)
    [exchange] = recorded(tmp_path)
    assert exchange.incomplete and exchange.notes[0].startswith("incomplete: the upstream broke off")
    assert exchange.body == body_of(answer)
    with ReplayServer(Recordings(tmp_path), vendor_mock(vendor)) as mock:
        got_mock, error_mock = _read_until_broken(pkg, pkg.Client(api_key=KEY, base_url=mock.url, max_retries=0, timeout=WAIT))
    transport = vendor_testing(vendor).ReplayTransport(tmp_path)
    got_replay, error_replay = _read_until_broken(pkg, pkg.Client(api_key=KEY, http_client=httpx.Client(transport=transport)))
    assert got_live == got_mock == got_replay == [e["type"] for e in events[:5]]
    assert error_live is error_mock is error_replay is pkg.StreamInterruptedError


def _read_until_broken(pkg, client) -> tuple[list[str], type]:
    got = []
    with pytest.raises(pkg.StreamInterruptedError) as caught:
        with client.responses.create(model="m", input="hi", stream=True) as stream:
            for event in stream:
                got.append(event.type)
    return got, type(caught.value)


def test_a_gzipped_answer_is_recorded_decoded_and_replayed_as_the_client_read_it(vendor, tmp_path):
    pkg = vendor_package(vendor)
    plain = body_of(json_answer(vendor))
    answer = Answer([gzip.compress(plain)], headers=[("Content-Type", "application/json"), ("Content-Encoding", "gzip")])
    with Upstream(answer) as upstream, RecordingProxy(upstream.url, tmp_path, LiveCheck(pkg), say=lambda _: None) as proxy:
        live = pkg.Client(api_key=KEY, base_url=proxy.url, max_retries=0).responses.create(model="m", input="hi")
    [exchange] = recorded(tmp_path)
    assert exchange.body == plain and "content-encoding" not in {name.lower() for name, _ in exchange.headers}
    replayed = pkg.Client(api_key=KEY, http_client=httpx.Client(transport=vendor_testing(vendor).ReplayTransport(tmp_path)))
    assert replayed.responses.create(model="m", input="hi") == live


# --- the key ------------------------------------------------------------------------------------


def test_a_recording_never_holds_the_key(vendor, tmp_path):
    """The key echoed everywhere a gateway might: a header, an error message, a stream event split
    across writes, a gzipped body, the query string; all of it reaches the client, none of it the disk."""
    pkg = vendor_package(vendor)
    events = [dict(event) for event in vendor_mock(vendor).events]
    events[2] = {**events[2], "note": f"key {KEY} and JSON-escaped {json.dumps(KEY)}"}
    streamed = stream_answer(vendor, events)
    block = streamed.pieces[3]
    cut_at = block.index(KEY.encode()) + 5
    streamed.pieces[3:4] = [block[:cut_at], block[cut_at:]]  # the key split across two writes
    error = json.dumps({"error": {"message": f"Incorrect API key provided: {KEY}", "type": "invalid_request_error",
                                  "param": None, "code": "invalid_api_key"}}).encode()
    answers = [
        Answer([error], status=401, headers=[("Content-Type", "application/json"), ("x-echo-key", KEY)]),
        streamed,
        Answer([gzip.compress(json.dumps({**documented(vendor), "user": KEY}).encode())],
               headers=[("Content-Type", "application/json"), ("Content-Encoding", "gzip"), ("Set-Cookie", f"k={KEY}")]),
    ]
    said: list[str] = []
    with Upstream(*answers) as upstream, RecordingProxy(upstream.url, tmp_path, LiveCheck(pkg, strict=True), say=said.append) as proxy:
        headers = {"Authorization": AUTH[vendor], "Content-Type": "application/json"}
        with httpx.Client(base_url=proxy.url, headers=headers, timeout=WAIT) as client:
            first = client.post(f"/v1/responses?key={KEY}", content=json.dumps({"model": "m", "input": KEY}))
            second = client.post("/v1/responses", content=json.dumps({"model": "m", "input": "hi", "stream": True}))
            third = client.post("/v1/responses", content=json.dumps({"model": "m", "input": "hi"}))
    # the client got every echo unchanged
    assert first.headers["x-echo-key"] == KEY and KEY in first.text and KEY in second.text and KEY in third.text
    assert upstream.requests[0][0] == f"/v1/responses?key={KEY}"
    files = sorted(tmp_path.iterdir())
    assert len(files) == 9
    for path in files:
        data = path.read_bytes()
        for form in (KEY, json.dumps(KEY)[1:-1], AUTH[vendor]):
            assert form.encode() not in data, path.name
    assert "authorization" not in (tmp_path / "0001.http").read_text().lower()
    assert b"Incorrect API key provided: ***" in (tmp_path / "0001.response.json").read_bytes()
    assert all(KEY not in line for line in said)


# --- limits and failures ----------------------------------------------------------------------


def test_limits_and_failures_are_answered_and_said(tmp_path):
    vendor = "zhixin"
    big = body_of(json_answer(vendor))
    answers = [Answer([big]), Answer([b"\x00" * 50], headers=[("Content-Type", "application/json"), ("Content-Encoding", "br")])]
    said: list[str] = []
    headers = {"Authorization": AUTH[vendor]}
    with Upstream(*answers) as upstream, RecordingProxy(upstream.url, tmp_path, say=said.append, max_bytes=1000) as proxy:
        with httpx.Client(base_url=proxy.url, headers=headers, timeout=WAIT) as client:
            too_big = client.post("/v1/responses", content=b"x" * 1001)
            forwarded = client.post("/v1/responses", json={"model": "m"})
            unreadable = client.post("/v1/responses", json={"model": "m", "input": "br"})
        with socket.create_connection(proxy.server_address, timeout=WAIT) as raw:
            raw.sendall(b"GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n")
            elsewhere = raw.recv(1000)
    assert too_big.status_code == 413 and "limited to 1000 bytes" in too_big.json()["error"]["message"]
    assert forwarded.content == big  # forwarded whole; only the recording stops
    assert unreadable.content == b"\x00" * 50
    assert elsewhere.startswith(b"HTTP/1.1 400 ") and len(upstream.requests) == 2
    first, second = recorded(tmp_path)
    assert first.body == big[:1000] and first.notes == ("incomplete: only the first 1000 bytes of the body were recorded (--max-bytes)",)
    assert second.body == b"" and second.notes[0].startswith("withheld: Content-Encoding 'br'")
    with RecordingProxy("http://127.0.0.1:9", tmp_path / "none", say=said.append) as proxy:  # nothing listens on port 9
        refused = httpx.post(proxy.url + "/v1/responses", json={"model": "m"}, headers=headers, timeout=WAIT)
    assert refused.status_code == 502 and "the upstream did not answer" in said[-1]
    assert not (tmp_path / "none").exists()


# --- deviations, live and afterwards ------------------------------------------------------------


def test_deviations_are_reported_live_and_by_validating_the_recording(vendor, tmp_path):
    pkg = vendor_package(vendor)
    events = [dict(event) for event in vendor_mock(vendor).events]
    events[1] = {**events[1], "sequence_number": "one"}  # a bad value in the stream
    gate = threading.Event()
    streamed = stream_answer(vendor, events, gate=gate, gate_at=3)
    answers = [json_answer(vendor, status="half_done", x_new_field=1), streamed]
    said: queue.Queue[str] = queue.Queue()
    with Upstream(*answers) as upstream, RecordingProxy(upstream.url, tmp_path, LiveCheck(pkg, strict=True), say=said.put) as proxy:
        headers = {"Authorization": AUTH[vendor]}
        with httpx.Client(base_url=proxy.url, headers=headers, timeout=WAIT) as client:
            client.post("/v1/responses", json={"model": "m", "input": "hi", "temperature": "hot"})
            lines = [said.get(timeout=WAIT) for _ in range(4)]
            with client.stream("POST", "/v1/responses", json={"model": "m", "input": "hi", "stream": True}) as answer:
                live = said.get(timeout=WAIT)  # printed while the upstream still holds back the rest
                assert not gate.is_set() and streamed.sent == 3
                gate.set()
                answer.read()
    folder = str(tmp_path)
    assert lines[0].startswith(f"{folder}/0001.request.json: /temperature: expected number") and lines[0].endswith('found string "hot"')
    assert lines[1:3] == [
        f"{folder}/0001.response.json: /status: expected one of " + lines[1].split("one of ", 1)[1],
        f"{folder}/0001.response.json: /x_new_field: expected only the properties the schema declares, found unknown property",
    ] and "found \"half_done\"" in lines[1]
    assert lines[3].startswith("0001 POST /v1/responses -> 200,") and "3 problem(s)" in lines[3]
    assert live == f"{folder}/0002.response.sse: event #1 (response.in_progress): /sequence_number: expected integer, found string \"one\""

    # afterwards: the recorded bodies say the same when validated
    exchanges = recorded(tmp_path)
    assert [str(i) for i in pkg.validate(exchanges[0].body, "response", strict=True)] == [line.split(": ", 1)[1] for line in lines[1:3]]
    problems = [(index, str(issue)) for index, (_, data) in enumerate(stream_events(exchanges[1].body))
                for issue in pkg.validate(data, "event")]
    assert problems == [(1, "/sequence_number: expected integer, found string \"one\"")]
    cli = subprocess.run([*CLI, "--out", str(GENERATED), "validate", "--vendor", vendor, "--strict", str(tmp_path)],
                         capture_output=True, text=True, cwd=REPO, timeout=60)
    assert cli.returncode == 1, cli.stdout + cli.stderr
    reported = {(line.split(":", 1)[0], pointer) for line in cli.stdout.splitlines()
                for pointer in ("/status:", "/x_new_field:", "/temperature:") if pointer in line}
    assert reported == {(f"{folder}/0001.response.json", "/status:"), (f"{folder}/0001.response.json", "/x_new_field:"),
                        (f"{folder}/0001.request.json", "/temperature:")}


def test_allowed_classes_are_not_problems(vendor):
    pkg = vendor_package(vendor)
    body = json.dumps({"model": "m", "input": "hi", "x_extra": 1})
    assert LiveCheck(pkg, strict=True).problems(body.encode(), "request") == ["/x_extra: expected only the properties "
                                                                              "the schema declares, found unknown property"]
    assert LiveCheck(pkg, strict=True, allow=("unknown-field",)).problems(body.encode(), "request") == []


# --- finding the recording for a request ------------------------------------------------------


def _write(folder: Path, name: str, request: dict, body: bytes, status: int = 200) -> None:
    exchange = Exchange(name, "POST", "/v1/responses", json.dumps(request).encode(), status, "OK",
                        (("Content-Type", "application/json"),), body, (), folder)
    write_exchange(exchange, [])


def test_an_unmatched_request_names_the_closest_recording(vendor, tmp_path):
    pkg = vendor_package(vendor)
    _write(tmp_path, "0001", {"model": "m", "input": "hello", "temperature": 0.5}, body_of(json_answer(vendor)))
    _write(tmp_path, "0002", {"model": "m", "input": [{"role": "user", "content": "x"}]}, body_of(json_answer(vendor)))
    client = pkg.Client(api_key=KEY, http_client=httpx.Client(transport=vendor_testing(vendor).ReplayTransport(tmp_path)))
    with pytest.raises(vendor_testing(vendor).RecordingNotFound) as caught:
        client.responses.create(model="m", input="hello", temperature=0.7)
    expected = (f"no recording in {tmp_path} matches this POST /v1/responses body; the closest is 0001 "
                f"({tmp_path}/0001.request.json), which differs at /temperature")
    assert str(caught.value) == expected
    with ReplayServer(Recordings(tmp_path), vendor_mock(vendor)) as mock:
        answer = httpx.post(mock.url + "/v1/responses", json={"model": "m", "input": "hello", "temperature": 0.7},
                            headers={"Authorization": AUTH[vendor]}, timeout=WAIT)
        wrong_key = httpx.post(mock.url + "/v1/responses", json={"model": "m"}, headers={"Authorization": ""}, timeout=WAIT)
    assert answer.status_code == 404 and expected in answer.text
    assert wrong_key.status_code == 401 and len(mock.requests) == 2


def test_repeated_requests_get_their_recordings_in_order(vendor, tmp_path):
    pkg = vendor_package(vendor)
    request = {"model": "m", "input": "again"}
    _write(tmp_path, "0001", request, body_of(json_answer(vendor, id="resp_first")))
    _write(tmp_path, "0002", {"model": "m", "input": "other"}, body_of(json_answer(vendor, id="resp_other")))
    _write(tmp_path, "0003", request, body_of(json_answer(vendor, id="resp_second")))
    client = pkg.Client(api_key=KEY, http_client=httpx.Client(transport=vendor_testing(vendor).ReplayTransport(tmp_path)))
    ids = [client.responses.create(**request).id for _ in range(3)]
    assert ids == ["resp_first", "resp_second", "resp_first"]


def test_a_bad_recording_is_named_with_file_and_line(tmp_path):
    (tmp_path / "0001.http").write_text("POST /v1/responses HTTP/1.1\n\nHTTP/1.1 200 OK\nno colon here\n")
    with pytest.raises(_recording.RecordingError, match=r"0001\.http:4: expected a header line"):
        Recordings(tmp_path)
    with pytest.raises(_recording.RecordingError, match="no such folder"):
        Recordings(tmp_path / "missing")


@pytest.mark.parametrize("line_end", [b"\n", b"\r\n", b"\r"], ids=["LF", "CRLF", "CR"])
def test_event_blocks_come_out_the_same_however_the_bytes_arrive(line_end):
    wire = b"".join(
        line_end.join(lines) + line_end * 2
        for lines in ([b"event: a", b"data: {\"n\": 1}"], [b": ping"], [b"data: x", b"data: y"], [b"data: [DONE]"])
    )
    splitter = _recording.EventSplitter()
    one_by_one = [block for offset in range(len(wire)) for block in splitter.feed(wire[offset : offset + 1])]
    one_by_one += [rest] if (rest := splitter.rest()) else []  # a lone CR at the very end waits for what follows
    assert one_by_one == split_events(wire) and b"".join(one_by_one) == wire and len(one_by_one) == 4
    assert stream_events(wire) == [("a", b'{"n": 1}'), ("", b"x\ny")]


# --- the command lines ----------------------------------------------------------------------------


def _start(args: list[str]) -> tuple[subprocess.Popen, queue.Queue, str]:
    """Start a CLI server; its output lines arrive in the queue; returns its URL from the banner."""
    process = subprocess.Popen([*CLI, "--out", str(GENERATED), *args], cwd=REPO, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line.rstrip("\n")) for line in process.stdout], daemon=True).start()
    banner = lines.get(timeout=60)
    url = next((word.rstrip(",") for word in banner.split() if word.startswith("http://127.0.0.1:")), None)
    assert url, banner
    return process, lines, url


def _stop(process: subprocess.Popen) -> int:
    process.send_signal(signal.SIGINT)
    return process.wait(timeout=WAIT)


def test_the_command_lines_record_and_replay(tmp_path):
    vendor = "zhixin"
    pkg = vendor_package(vendor)
    folder = tmp_path / "recordings"
    answers = [json_answer(vendor), stream_answer(vendor)]
    with Upstream(*answers) as upstream:
        process, lines, url = _start(["record", "--vendor", vendor, "--upstream", upstream.url, "--port", "0",
                                      "--dir", str(folder), "--allow", "unknown-field"])
        try:
            live = run_client(pkg, Capture(), CALLS, False, url)
            summaries = [lines.get(timeout=WAIT) for _ in range(2)]
        finally:
            assert _stop(process) == 0
    assert summaries[0].startswith("0001 POST /v1/responses -> 200,") and summaries[1].startswith("0002 POST")
    process, lines, url = _start(["mock", "--vendor", vendor, "--replay", str(folder), "--port", "0", "--verbose"])
    try:
        assert run_client(pkg, Capture(), CALLS, False, url) == live
        logged = [lines.get(timeout=WAIT) for _ in range(2)]
    finally:
        assert _stop(process) == 0
    assert "200 from 0001" in logged[0] and "200 from 0002" in logged[1] and "chunks" in logged[1]


def test_the_record_command_refuses_an_upstream_that_is_not_a_url(tmp_path):
    result = subprocess.run([*CLI, "--out", str(GENERATED), "record", "--vendor", "zhixin", "--upstream", "ftp://x",
                             "--dir", str(tmp_path)], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stderr.startswith("error: --upstream 'ftp://x': expected an http://")


def test_mock_verbose_logs_streamed_replies(vendor, capsys):
    with MockServer(vendor_mock(vendor), verbose=True) as server:
        with httpx.stream("POST", server.url + "/v1/responses", json={"model": "m", "input": "hi", "stream": True},
                          headers={"Authorization": AUTH[vendor]}, timeout=WAIT) as answer:
            answer.read()
    assert '"POST /v1/responses HTTP/1.1" 200' in capsys.readouterr().err


# --- in users' own tests ------------------------------------------------------------------------


def readme_block(after: str) -> str:
    """The first Python code block of the README after the text `after`."""
    text = (REPO / "README.md").read_text("utf-8")
    return text[text.index(after) :].split("```python\n", 1)[1].split("```", 1)[0]


def run_pytest(folder: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(GENERATED / "zhixin")}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args], cwd=cwd or folder,
                          env=env, capture_output=True, text=True, timeout=120)


def test_the_readme_replay_example_and_the_pytest_plugin_work(tmp_path):
    """The README's ReplayTransport and fixture example, run by pytest as a user's test file would be;
    plus the fixture's other source of folder, the ini option."""
    vendor = "zhixin"
    story = {"model": "qwen-plus", "input": "Tell me a story."}
    _write(tmp_path / "recordings" / "story", "0001", story, body_of(json_answer(vendor)))
    _write(tmp_path / "recordings", "0001", story, body_of(json_answer(vendor)))
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["zhixin_responses.testing"]\n')
    (tmp_path / "test_readme.py").write_text(readme_block("In your tests, with only the generated package"))
    (tmp_path / "test_ini.py").write_text(textwrap.dedent("""
        import httpx
        import zhixin_responses

        def test_the_ini_option_names_the_folder(zhixin_replay):
            client = zhixin_responses.Client(api_key="test", http_client=httpx.Client(transport=zhixin_replay))
            assert client.responses.create(model="qwen-plus", input="Tell me a story.").output_text
    """))
    (tmp_path / "pytest.ini").write_text("[pytest]\nzhixin_recordings = recordings\naddopts = --strict-markers\n")
    result = run_pytest(tmp_path)
    assert result.returncode == 0 and "2 passed" in result.stdout, result.stdout + result.stderr


def test_the_package_readme_example_works(vendor, tmp_path, monkeypatch):
    _write(tmp_path / "recordings", "0001", {"model": "m", "input": "Hello"}, body_of(json_answer(vendor)))
    text = (GENERATED / vendor / "README.md").read_text("utf-8")
    block = text[text.index("## Testing with recorded traffic") :].split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(block, scope)
    assert scope["client"].responses.create(model="m", input="Hello").id == documented(vendor)["id"]


def test_the_readme_mock_fixture_works(tmp_path):
    (tmp_path / "test_gateway.py").write_text(readme_block("### The mock gateway"))
    result = run_pytest(tmp_path, str(tmp_path / "test_gateway.py"), "--rootdir", str(tmp_path), cwd=REPO)
    assert result.returncode == 0 and "1 passed" in result.stdout, result.stdout + result.stderr


def test_the_testing_module_stays_light():
    """Importing the package loads neither the testing module nor httpx; the testing module never loads pytest."""
    code = ("import sys, zhixin_responses; assert 'httpx' not in sys.modules and 'zhixin_responses.testing' not in sys.modules; "
            "from zhixin_responses.testing import ReplayTransport; assert 'pytest' not in sys.modules; print('ok')")
    env = {**os.environ, "PYTHONPATH": str(GENERATED / "zhixin")}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "ok", result.stderr
