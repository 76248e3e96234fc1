"""The mock gateway as an HTTP server on a loopback port."""

from __future__ import annotations

import copy
import itertools
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from ...common.document import RESPONSES_PATH
from ...common.serving import BackgroundServer
from .events import cut_mid_event, sse_block
from .faults import Fault
from .gateway import VendorMock

MAX_BODY_BYTES = 64 << 20


@dataclass
class Recorded:
    """One request the mock received."""

    headers: dict[str, str]
    body: bytes
    at: float = field(default_factory=time.monotonic)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    timeout = 30  # a client that stops sending mid-request frees its thread
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
            body = cut_mid_event(body)
        if cut == "truncated_stream":
            head = f"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\nx-request-id: {self.request_id}\r\n\r\n"
            self.wfile.write(head.encode() + body)
            self.log_request(200, len(body))
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
        self.log_request(200, len(body))
        if cut:
            self.close_connection = True

    def _body_length(self) -> int | None:
        """The announced body length; None after answering a bad one (and closing: the body is unread)."""
        text = (self.headers.get("Content-Length") or "0").strip()
        problem = None
        if not text.isascii() or not text.isdigit():
            problem = (400, f"Content-Length must be a number of bytes, not {text[:40]!r}")
        elif int(text) > MAX_BODY_BYTES:
            problem = (413, f"Content-Length {int(text):,} is over the mock's limit of {MAX_BODY_BYTES:,} bytes")
        if problem is None:
            return int(text)
        self.close_connection = True
        self._error(problem[0], "invalid_request", problem[1])
        return None

    def do_POST(self) -> None:
        mock = self.server.mock
        self.request_id = f"mock-{next(self.server.ids)}"
        length = self._body_length()
        if length is None:
            return
        raw = self.rfile.read(length)
        self.server.record(Recorded(dict(self.headers.items()), raw))
        if self.path.split("?", 1)[0] != RESPONSES_PATH:
            return self._error(404, "not_found", f"no route POST {self.path}")
        problem = mock.auth_problem(self.headers.get(mock.auth_name))
        if problem:
            return self._error(401, "invalid_api_key", problem)
        body, problems = mock.read_request(raw)
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
        if body.get("stream") is True:
            if fault is not None and fault.kind == "error_event":
                return self._stream(mock.error_stream_body)
            if fault is not None and fault.kind == "invalid_event":
                return self._stream(mock.invalid_stream_body)
            if fault is not None and fault.kind == "unknown_event":
                extra = sse_block({"type": "response.vendor_heartbeat", "sequence_number": -1, "note": "undocumented"})
                return self._stream(extra + mock.stream_body)
            return self._stream(mock.stream_body, cut=fault.kind if fault is not None and "stream" in fault.kind else None)
        self._reply(200, mock.response_body)

    def do_GET(self) -> None:
        self.request_id = f"mock-{next(self.server.ids)}"
        self._error(404, "not_found", f"no route GET {self.path}")


class MockServer(BackgroundServer):
    """The mock gateway on a loopback port; `with MockServer(mock) as server:` serves in a thread."""

    block_on_close = False
    request_queue_size = 1024  # the listen backlog: bursts of connections wait instead of being reset

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

