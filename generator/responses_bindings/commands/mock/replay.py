"""`responses-bindings mock --replay DIR`: the mock answers with exchanges `record` wrote, not the documented example.

The key is checked as the mock checks it (the vendor's header and prefix; any non-empty key,
or only `--api-key`). Then the request is matched to a recording by method, path and JSON
body (several matches: in recorded order, then from the first again) and the recorded
status, headers and body are sent: an event stream one recorded event per chunk, a recording
that ended early broken off at the same place. A request nothing matches gets 404 with the
vendor's error body, naming the closest recording and where it differs.
"""

from __future__ import annotations

import argparse
import sys
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from ...common.document import RESPONSES_PATH
from ...common.serving import serve_until_interrupted
from ...runtime._recording import Exchange, RecordingError, RecordingNotFound, Recordings
from .gateway import MockError, VendorMock
from .server import MockServer, Recorded

MAX_REQUEST_BYTES = 64 * 1024 * 1024


class _ReplayHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: ReplayServer

    def log_message(self, format: str, *args) -> None:
        if self.server.verbose:
            super().log_message(format, *args)

    def _error(self, status: int, code: str, message: str) -> None:
        body = self.server.mock.error_body(code, message, self.request_id)
        head = (f"HTTP/1.1 {status} {self.responses.get(status, ('',))[0]}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\nx-request-id: {self.request_id}\r\n\r\n")
        self.wfile.write(head.encode("latin-1") + body)
        self.log_message('"%s" %d (%s)', self.requestline, status, message)

    def _handle(self) -> None:
        server = self.server
        self.request_id = f"replay-{next(server.ids)}"
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_REQUEST_BYTES:
            self.close_connection = True
            return self._error(413, "request_too_large", f"request bodies are limited to {MAX_REQUEST_BYTES} bytes")
        body = self.rfile.read(length)
        server.record(Recorded(dict(self.headers.items()), body))
        problem = server.mock.auth_problem(self.headers.get(server.mock.auth_name))
        if problem:
            return self._error(401, "invalid_api_key", problem)
        try:
            exchange = server.recordings.answer(self.command, self.path, body)
        except RecordingNotFound as exc:
            return self._error(404, "no_recording", str(exc))
        self._replay(exchange)

    do_POST = do_GET = do_PUT = do_PATCH = do_DELETE = _handle

    def _replay(self, exchange: Exchange) -> None:
        """The recorded answer: whole with its length, or chunked (one event per chunk) for a
        stream or a body that ended early, which ends without the last chunk."""
        chunks = exchange.chunks()
        chunked = exchange.is_stream or exchange.incomplete
        head = [f"HTTP/1.1 {exchange.status} {exchange.reason}".rstrip()]
        head += [f"{name}: {value}" for name, value in exchange.headers]
        head.append("Transfer-Encoding: chunked" if chunked else f"Content-Length: {len(exchange.body)}")
        self.wfile.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1", "replace"))
        for chunk in chunks:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk)
        if exchange.incomplete:
            self.close_connection = True
        elif chunked:
            self.wfile.write(b"0\r\n\r\n")
        shape = f"{len(chunks)} chunks" if chunked else f"{len(exchange.body)} bytes"
        ended = ", broken off as recorded" if exchange.incomplete else ""
        self.log_message('"%s" %d from %s (%s%s)', self.requestline, exchange.status, exchange.name, shape, ended)


class ReplayServer(MockServer):
    """The mock server answering from recordings (`requests` lists what it received); use as
    `with ReplayServer(Recordings(folder), VendorMock.from_generated(...)) as server:`."""

    def __init__(self, recordings: Recordings, mock: VendorMock, host: str = "127.0.0.1", port: int = 0, verbose: bool = False):
        super().__init__(mock, host, port, verbose)
        self.recordings = recordings
        self.RequestHandlerClass = _ReplayHandler


def run(args: argparse.Namespace) -> int:
    """Serve the recordings in `args.replay` until interrupted; 2 when they cannot be read."""
    try:
        recordings = Recordings(args.replay)
        mock = VendorMock.from_generated(args.out, args.vendor, args.api_key)
        server = ReplayServer(recordings, mock, args.host, args.port, args.verbose)
    except (RecordingError, MockError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    shown = f"{mock.auth_prefix}<{'the --api-key' if args.api_key else 'any'} key>"
    print(f"mock {args.vendor} gateway replaying {len(recordings.exchanges)} recordings from {Path(args.replay)}/ on "
          f"{server.url} (POST {RESPONSES_PATH}, {mock.auth_name}: {shown}); Ctrl-C stops", flush=True)
    serve_until_interrupted(server)
    return 0
