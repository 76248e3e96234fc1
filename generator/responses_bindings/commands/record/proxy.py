"""The recording proxy: 127.0.0.1 in front of one upstream URL, passing answers through as they arrive.

Each request goes to the upstream unchanged (but for the hop-by-hop headers and `Host`); the
answer comes back to the client piece by piece as the upstream sends it (an event stream
event by event, never gathered first), while a Tap checks and records it. An upstream that
breaks off mid-body is passed on the same way: the client's connection ends there too.
Everything is bounded: request and recorded body size, concurrent exchanges, socket timeouts.
"""

from __future__ import annotations

import http.client
import itertools
import json
import threading
import urllib.parse
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from ...common.serving import BackgroundServer
from ...errors import UsageError
from ...runtime._recording import next_number, secrets_in
from .checks import LiveCheck
from .tap import Tap

# Per connection, not forwarded (RFC 9110 7.6.1), plus what this hop sets itself.
HOP_BY_HOP = frozenset({
    "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
    "proxy-authorization", "proxy-authenticate", "host", "expect",
})
READ_SIZE = 64 * 1024
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
DEFAULT_TIMEOUT = 300.0
MAX_EXCHANGES = 16  # at once
NO_BODY_STATUSES = frozenset({204, 304})


def parse_upstream(url: str) -> urllib.parse.SplitResult:
    """The upstream URL, checked: http(s), a host, no query or fragment."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"--upstream {url!r}: expected an http:// or https:// URL with a host")
    if parts.query or parts.fragment or parts.username or parts.password:
        raise UsageError(f"--upstream {url!r}: give the server's base URL only (no query, fragment or credentials)")
    return parts


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: RecordingProxy

    def setup(self) -> None:
        self.timeout = self.server.timeout_seconds
        super().setup()

    def log_message(self, format: str, *args) -> None:
        pass  # the Tap prints one line per exchange

    def _refuse(self, status: int, message: str) -> None:
        error = {"message": f"record: {message}", "type": "proxy_error", "code": f"record_{status}"}
        body = json.dumps({"error": error}).encode()
        head = f"HTTP/1.1 {status} {self.responses.get(status, ('',))[0]}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        self.wfile.write((head + "Connection: close\r\n\r\n").encode("latin-1") + body)
        self.close_connection = True

    def _handle(self) -> None:
        server = self.server
        if not server.slots.acquire(blocking=False):
            return self._refuse(503, f"more than {MAX_EXCHANGES} exchanges at once")
        try:
            self._exchange()
        finally:
            server.slots.release()

    do_POST = do_GET = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_HEAD = _handle

    def _exchange(self) -> None:
        server = self.server
        if not self.path.startswith("/"):
            return self._refuse(400, "expected a path such as /v1/responses (this proxy forwards only to its upstream)")
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._refuse(411, "send the request with a Content-Length")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return self._refuse(400, "bad Content-Length")
        if not 0 <= length <= server.max_bytes:
            return self._refuse(413, f"request bodies are limited to {server.max_bytes} bytes")
        body = self.rfile.read(length)
        secrets = secrets_in(self.headers.get("Authorization"))
        server.warn_short(secrets)
        tap = Tap(server.folder, server.next_name(), self.command, self.path, body, secrets,
                  check=server.check, say=server.say, max_bytes=server.max_bytes)
        upstream = server.connect()
        try:
            upstream.putrequest(self.command, server.base_path + self.path, skip_host=True, skip_accept_encoding=True)
            for name, value in self.headers.items():
                if name.lower() not in HOP_BY_HOP:
                    upstream.putheader(name, value)
            upstream.putheader("Host", server.host_header)
            upstream.endheaders(body or None)
            answer = upstream.getresponse()
        except (OSError, http.client.HTTPException) as exc:
            upstream.close()
            tap.say(f"{tap.name} {self.command} {self.path}: not recorded, the upstream did not answer: {type(exc).__name__}: {exc}")
            return self._refuse(502, f"the upstream did not answer ({type(exc).__name__})")
        try:
            self._relay(answer, tap)
        finally:
            upstream.close()

    def _relay(self, answer: http.client.HTTPResponse, tap: Tap) -> None:
        """Pass the answer on as it arrives; the Tap sees every piece."""
        headers = answer.getheaders()
        tap.answer(answer.status, answer.reason, headers)
        has_body = self.command != "HEAD" and answer.status not in NO_BODY_STATUSES and answer.status >= 200
        chunked = has_body and answer.length is None
        head = [f"HTTP/1.1 {answer.status} {answer.reason}"]
        head += [f"{name}: {value}" for name, value in headers if name.lower() not in HOP_BY_HOP]
        head += ["Transfer-Encoding: chunked"] if chunked else []
        broken = None
        try:
            self.wfile.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
        except OSError:
            has_body, broken = False, "the client hung up"
        while has_body:
            try:
                data = answer.read1(READ_SIZE)
            except (OSError, http.client.HTTPException) as exc:
                broken = f"the upstream broke off: {type(exc).__name__}"
                break
            if not data:
                if answer.length:  # http.client ends a short Content-Length body silently
                    broken = f"the upstream closed the connection {answer.length} bytes short of its Content-Length"
                break
            tap.feed(data)
            try:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)
            except OSError:
                broken = "the client hung up"
                break
        if broken:
            self.close_connection = True
        elif chunked:
            try:
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                self.close_connection = True
        tap.finish(broken)


class RecordingProxy(BackgroundServer):
    """The proxy on 127.0.0.1:`port`; `with RecordingProxy(...) as proxy:` serves in a thread."""

    block_on_close = False

    def __init__(self, upstream: str, folder: Path, check: LiveCheck | None = None, *, port: int = 0,
                 say: Callable[[str], None] = print, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = DEFAULT_TIMEOUT):
        self.upstream = parse_upstream(upstream)
        super().__init__(("127.0.0.1", port), _Handler)
        self.folder, self.check, self.max_bytes, self.timeout_seconds = Path(folder), check, max_bytes, timeout
        self.base_path = self.upstream.path.rstrip("/")
        self.host_header = self.upstream.netloc
        self.slots = threading.BoundedSemaphore(MAX_EXCHANGES)
        self._say_lock = threading.Lock()
        self._say = say
        self._numbers = itertools.count(next_number(self.folder) if self.folder.is_dir() else 1)
        self._numbers_lock = threading.Lock()
        self._warned = False

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def say(self, line: str) -> None:
        with self._say_lock:
            self._say(line)

    def warn_short(self, secrets: list[str]) -> None:
        """Once: a key this short is replaced wherever its text occurs, which may change bodies."""
        if not self._warned and secrets and len(min(secrets, key=len)) < 8:
            self._warned = True
            self.say("note: the API key is shorter than 8 characters; every occurrence of it in a recording is "
                     "replaced by ***, which may alter bodies")

    def next_name(self) -> str:
        """The next exchange's number, in arrival order."""
        with self._numbers_lock:
            return f"{next(self._numbers):04d}"

    def connect(self) -> http.client.HTTPConnection:
        kind = http.client.HTTPSConnection if self.upstream.scheme == "https" else http.client.HTTPConnection
        return kind(self.upstream.hostname, self.upstream.port, timeout=self.timeout_seconds)

