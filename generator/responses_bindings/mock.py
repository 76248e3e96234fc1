"""`responses-bindings mock`: an offline stand-in for one vendor's gateway, built from its bundled spec.

POST /v1/responses checks the auth header the spec's security scheme names, validates the
body against the request schema, and answers the documented 200 example — as JSON, or for
`stream: true` as a server-sent event stream synthesized from it (and checked against the
event schema). Anything wrong gets the vendor's error body. Tests queue `Fault`s to get slow
replies, error statuses, non-JSON bodies and streams cut mid-event.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jsonschema_rs

from .examples import documented_examples
from .jsonschemas import json_schemas
from .package import auth_header

RESPONSES_PATH = "/v1/responses"
TERMINAL = {"completed": "response.completed", "failed": "response.failed", "incomplete": "response.incomplete"}
FAULT_KINDS = ("status", "slow", "non_json", "cut_stream", "truncated_stream", "unknown_event", "error_event", "invalid_event", "failed")


class MockError(Exception):
    """The bundled document cannot drive a mock (e.g. no documented 200 example)."""


@dataclass
class Fault:
    """How to answer the next request(s) instead of normally.

    kind: `status` (answer `status` with the vendor's error body, `Retry-After: retry_after`
    when set), `slow` (wait `delay` seconds, then answer normally), `non_json` (answer `status`
    with an HTML body), `cut_stream` (chunked stream that breaks off mid-event), `truncated_stream`
    (close-delimited stream that ends mid-event), `unknown_event` (stream with one undocumented
    event), `error_event` (stream that sends an `error` event and ends), `invalid_event` (stream
    whose second event breaks its schema), `failed` (a 200 response whose status is `failed`).
    Applies to `times` requests.
    """

    kind: str
    status: int = 503
    delay: float = 0.0
    retry_after: float | None = None
    times: int = 1

    def __post_init__(self):
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; expected one of {', '.join(FAULT_KINDS)}")


def _sse(event: dict) -> bytes:
    return f"event: {event['type']}\ndata: {json.dumps(event, ensure_ascii=False)}\n\n".encode()


def _pieces(text: str) -> list[str]:
    """Token-like deltas: up to four non-space characters and their trailing space."""
    return re.findall(r"\S{1,4}\s*|\s+", text) or [text]


def synthesize_events(response: dict) -> list[dict]:
    """The event sequence a gateway would stream while producing `response`."""
    events: list[dict] = []

    def emit(kind: str, **fields) -> None:
        events.append({"type": kind, "sequence_number": len(events), **fields})

    pending = {k: v for k, v in copy.deepcopy(response).items() if k not in ("usage", "completed_at")}
    pending.update(status="in_progress", output=[])
    emit("response.created", response=pending)
    emit("response.in_progress", response=pending)
    for index, item in enumerate(response.get("output", [])):
        kind, item_id = item.get("type"), item.get("id", "")
        if kind == "message":
            emit("response.output_item.added", output_index=index, item={**item, "status": "in_progress", "content": []})
            for part_index, part in enumerate(item.get("content", [])):
                where = {"item_id": item_id, "output_index": index, "content_index": part_index}
                text_key, prefix = ("text", "response.output_text") if part["type"] == "output_text" else ("refusal", "response.refusal")
                empty = {**part, text_key: ""}
                if part["type"] == "output_text":
                    empty["annotations"] = []
                emit("response.content_part.added", **where, part=empty)
                for piece in _pieces(part[text_key]):
                    emit(f"{prefix}.delta", **where, delta=piece)
                emit(f"{prefix}.done", **where, **{text_key: part[text_key]})
                emit("response.content_part.done", **where, part=part)
        elif kind == "reasoning":
            emit("response.output_item.added", output_index=index, item={**item, "summary": []})
            for summary_index, summary in enumerate(item.get("summary", [])):
                where = {"item_id": item_id, "output_index": index, "summary_index": summary_index}
                for piece in _pieces(summary["text"]):
                    emit("response.reasoning_summary_text.delta", **where, delta=piece)
                emit("response.reasoning_summary_text.done", **where, text=summary["text"])
        elif kind == "function_call":
            emit("response.output_item.added", output_index=index, item={**item, "arguments": ""})
            where = {"item_id": item_id, "output_index": index}
            for piece in _pieces(item["arguments"]):
                emit("response.function_call_arguments.delta", **where, delta=piece)
            emit("response.function_call_arguments.done", **where, arguments=item["arguments"])
        else:
            emit("response.output_item.added", output_index=index, item=item)
        emit("response.output_item.done", output_index=index, item=item)
    emit(TERMINAL.get(response.get("status"), "response.completed"), response=response)
    return events


def _error_problems(validator, body: dict) -> list[str]:
    return [f"{'/' + '/'.join(map(str, e.instance_path)) if e.instance_path else '/'}: {e.message}" for e in validator.iter_errors(body)]


class VendorMock:
    """Everything the server answers, precomputed from one vendor's bundled OpenAPI document."""

    def __init__(self, vendor_id: str, document: dict, api_key: str | None = None):
        self.vendor_id = vendor_id
        self.auth_name, self.auth_prefix = auth_header(document)
        self.api_key = api_key
        schemas = json_schemas(document)
        self.request_validator = jsonschema_rs.validator_for(schemas["request"])
        self.error_validator = jsonschema_rs.validator_for(schemas["error"])
        event_validator = jsonschema_rs.validator_for(schemas["event"])
        response_validator = jsonschema_rs.validator_for(schemas["response"])
        examples = [e for e in documented_examples(vendor_id, document) if e.kind == "response"]
        if not examples:
            raise MockError(f"{vendor_id}: the spec documents no 200 response example to serve")
        self.response = examples[0].value
        self.response_body = json.dumps(self.response, ensure_ascii=False).encode()
        self.events = synthesize_events(self.response)
        failed = {**self.response, "status": "failed", "output": [], "error": {"code": "rate_limit_exceeded", "message": "mock: rate limited"}}
        self.failed_body = json.dumps(failed, ensure_ascii=False).encode()
        for number, event in enumerate(self.events):
            problems = _error_problems(event_validator, event)
            if problems:
                raise MockError(f"{vendor_id}: synthesized event #{number} ({event['type']}) does not fit the event schema: {problems[:3]}")
        if not response_validator.is_valid(failed):
            raise MockError(f"{vendor_id}: a failed response does not fit the response schema: {_error_problems(response_validator, failed)[:3]}")
        self.stream_body = b"".join(_sse(event) for event in self.events)
        failure = {"type": "error", "sequence_number": 1, "code": "server_error", "message": "mock: the model crashed", "param": None}
        self.error_stream_body = _sse(self.events[0]) + _sse(failure)
        broken = {**self.events[1], "sequence_number": "one"}
        self.invalid_stream_body = _sse(self.events[0]) + _sse(broken) + b"".join(_sse(e) for e in self.events[2:])

    def error_body(self, code: str, message: str, request_id: str) -> bytes:
        """The vendor's error shape: DashScope's `{request_id, code, message}` where the spec allows it, else OpenAI's envelope."""
        for body in (
            {"request_id": request_id, "code": code, "message": message},
            {"error": {"message": message, "type": "invalid_request_error", "param": None, "code": code}},
        ):
            if self.error_validator.is_valid(body):
                return json.dumps(body, ensure_ascii=False).encode()
        raise MockError(f"{self.vendor_id}: neither error shape fits the error schema")

    def auth_problem(self, value: str | None) -> str | None:
        """Why the auth header value is wrong, or None."""
        if not value:
            return f"missing {self.auth_name} header"
        if self.auth_prefix and not value.startswith(self.auth_prefix):
            return f"{self.auth_name} must be '{self.auth_prefix}<key>'"
        key = value[len(self.auth_prefix) :]
        if not self.auth_prefix and value.lower().startswith("bearer "):
            return f"{self.auth_name} must be the raw key, without 'Bearer '"
        if not key or (self.api_key is not None and key != self.api_key):
            return "invalid API key"
        return None

    def request_problems(self, raw: bytes) -> list[str]:
        try:
            body = json.loads(raw)
        except ValueError as exc:
            return [f"/: the body is not JSON: {exc}"]
        if self.request_validator.is_valid(body):
            return []
        return sorted(_error_problems(self.request_validator, body))

    @classmethod
    def from_generated(cls, out: Path, vendor_id: str, api_key: str | None = None) -> VendorMock:
        path = out / vendor_id / "openapi.json"
        if not path.is_file():
            raise MockError(f"{path}: no bundled spec; run `responses-bindings generate` first")
        return cls(vendor_id, json.loads(path.read_text("utf-8")), api_key)


@dataclass
class Recorded:
    """One request the mock received."""

    headers: dict[str, str]
    body: bytes
    at: float = field(default_factory=time.monotonic)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: MockServer

    def log_message(self, format: str, *args) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    def _reply(self, status: int, body: bytes, content_type: str = "application/json", extra: dict | None = None) -> None:
        head = [f"HTTP/1.1 {status} {self.responses.get(status, ('',))[0]}", f"Content-Type: {content_type}",
                f"Content-Length: {len(body)}", f"x-request-id: {self.request_id}"]
        head += [f"{name}: {value}" for name, value in (extra or {}).items()]
        self.wfile.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
        self.log_request(status, len(body))

    def _error(self, status: int, code: str, message: str, extra: dict | None = None) -> None:
        self._reply(status, self.server.mock.error_body(code, message, self.request_id), extra=extra)

    def _stream(self, body: bytes, cut: str | None = None) -> None:
        """An event stream, chunked; `cut` breaks it off mid-event (abruptly, or by closing cleanly)."""
        if cut:
            body = body[: body.index(b"\n\n", len(body) // 2) - 7]
        if cut == "truncated_stream":
            head = f"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\nx-request-id: {self.request_id}\r\n\r\n"
            self.wfile.write(head.encode() + body)
            self.close_connection = True
            return
        head = f"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\nx-request-id: {self.request_id}\r\n\r\n"
        chunks = [head.encode()]
        for start in range(0, len(body), 16384):
            piece = body[start : start + 16384]
            chunks.append(b"%x\r\n%s\r\n" % (len(piece), piece))
        if not cut:
            chunks.append(b"0\r\n\r\n")
        self.wfile.write(b"".join(chunks))
        if cut:
            self.close_connection = True

    def do_POST(self) -> None:
        mock = self.server.mock
        self.request_id = f"mock-{next(self.server.ids)}"
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.record(Recorded(dict(self.headers.items()), raw))
        if self.path.split("?", 1)[0] != RESPONSES_PATH:
            return self._error(404, "not_found", f"no route POST {self.path}")
        problem = mock.auth_problem(self.headers.get(mock.auth_name))
        if problem:
            return self._error(401, "invalid_api_key", problem)
        problems = mock.request_problems(raw)
        if problems:
            return self._error(400, "invalid_request", "; ".join(problems[:5]))
        fault = self.server.next_fault()
        if fault is not None and fault.kind == "slow":
            time.sleep(fault.delay)
        elif fault is not None and fault.kind == "status":
            extra = {"Retry-After": f"{fault.retry_after:g}"} if fault.retry_after is not None else None
            return self._error(fault.status, "mock_fault", f"mock fault: HTTP {fault.status}", extra)
        elif fault is not None and fault.kind == "non_json":
            return self._reply(fault.status, b"<html><body>502 Bad Gateway</body></html>", "text/html")
        elif fault is not None and fault.kind == "failed":
            return self._reply(200, mock.failed_body)
        if json.loads(raw).get("stream") is True:
            if fault is not None and fault.kind == "error_event":
                return self._stream(mock.error_stream_body)
            if fault is not None and fault.kind == "invalid_event":
                return self._stream(mock.invalid_stream_body)
            if fault is not None and fault.kind == "unknown_event":
                extra = _sse({"type": "response.vendor_heartbeat", "sequence_number": -1, "note": "undocumented"})
                return self._stream(extra + mock.stream_body)
            return self._stream(mock.stream_body, cut=fault.kind if fault is not None and "stream" in fault.kind else None)
        self._reply(200, mock.response_body)

    def do_GET(self) -> None:
        self.request_id = f"mock-{next(self.server.ids)}"
        self._error(404, "not_found", f"no route GET {self.path}")


class MockServer(ThreadingHTTPServer):
    """The mock gateway on a loopback port; `with MockServer(mock) as server:` serves in a thread."""

    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address) -> None:
        """A client that hung up (e.g. after its timeout) is not the mock's problem; stay quiet."""
        if self.verbose:
            super().handle_error(request, client_address)

    def __init__(self, mock: VendorMock, host: str = "127.0.0.1", port: int = 0, verbose: bool = False):
        super().__init__((host, port), _Handler)
        self.mock, self.verbose = mock, verbose
        self.ids = itertools.count(1)
        self.requests: list[Recorded] = []
        self._faults: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def inject(self, *faults: Fault) -> None:
        """Queue faults; each applies to the next `times` valid requests, in order."""
        with self._lock:
            self._faults.extend(copy.copy(fault) for fault in faults)

    def next_fault(self) -> Fault | None:
        with self._lock:
            if not self._faults:
                return None
            fault = self._faults[0]
            fault.times -= 1
            if fault.times <= 0:
                self._faults.popleft()
            return fault

    def record(self, request: Recorded) -> None:
        with self._lock:
            self.requests.append(request)

    def __enter__(self) -> MockServer:
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.shutdown()
        self.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)


def serve(out: Path, vendor_id: str, host: str, port: int, api_key: str | None, verbose: bool) -> None:
    """Run the mock in the foreground until interrupted (the CLI)."""
    mock = VendorMock.from_generated(out, vendor_id, api_key)
    server = MockServer(mock, host, port, verbose)
    shown = f"{mock.auth_prefix}<{'the --api-key' if api_key else 'any'} key>"
    print(f"mock {vendor_id} gateway on {server.url} (POST {RESPONSES_PATH}, {mock.auth_name}: {shown}); Ctrl-C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
