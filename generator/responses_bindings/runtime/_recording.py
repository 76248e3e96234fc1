"""Recorded exchanges with a gateway: the files `responses-bindings record` writes, and what the
replays (`responses-bindings mock --replay`, `testing.ReplayTransport`) read.

An exchange is numbered in the order its request arrived and kept in up to three files:

    0001.http            notes (`# ...` lines), the request line, a blank line, the status line
                         and the response headers, as HTTP/1.1 text
    0001.request.json    the request body as it was sent
    0001.response.sse    the response body as it was received: `.sse` for an event stream (its
                         wire text, every event boundary kept), `.json`, else `.txt` or `.bin`

Bodies are stored decoded (never gzip), so `Content-Encoding`, `Content-Length` and the
hop-by-hop headers are left out. The API key is never written: not the `Authorization`
header, no header whose name or value holds the key, and inside a body (or the request line)
every occurrence of it is replaced by `***`. The note `# incomplete: why` marks a body that
ended early; a replay ends it early too.

Here: writing and reading exchanges (`write_exchange`, `read_folder`), an event stream's
blocks and events (`EventSplitter`, `stream_events`), the key's redaction, and `Recordings`,
which finds the exchange that answers a request. Only the standard library is imported: the
generator uses this module as well.
"""

from __future__ import annotations

import json
import os
import re
import threading
import urllib.parse
from dataclasses import dataclass, field, replace
from pathlib import Path

from ._pointer import join

REDACTED = "***"
HEAD_SUFFIX = ".http"
INCOMPLETE = "incomplete"
# Never written: credentials, and what describes the wire form rather than the body we keep.
UNRECORDED_HEADERS = frozenset({
    "authorization", "proxy-authorization", "content-length", "content-encoding", "transfer-encoding",
    "connection", "keep-alive", "te", "trailer", "upgrade", "proxy-connection",
})
_NUMBERED = re.compile(r"(\d+)\.http")
_EOL = rb"(?:\r\n|\r(?!\n)|\n)"
_BLANK_LINE = re.compile(_EOL + _EOL)
_LINE_END = re.compile(_EOL)
SHOWN_POINTERS = 5


class RecordingError(ValueError):
    """A recording that cannot be read: names the file (and line) and what is wrong."""


class RecordingNotFound(LookupError):
    """No recorded exchange matches a request; the message names the closest recording."""


# --- event streams ------------------------------------------------------------------------


class EventSplitter:
    """Cuts an event stream's wire text into blocks (each up to and including its blank line),
    fed in pieces as they arrive; `b"".join` of every block and `rest()` is the input."""

    def __init__(self) -> None:
        self._pending = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        resume = max(0, len(self._pending) - 3)  # a blank line is at most 4 bytes: scan only what is new
        self._pending += data
        blocks, start = [], 0
        for match in _BLANK_LINE.finditer(self._pending, resume):
            if match.end() == len(self._pending) and self._pending.endswith(b"\r"):
                break  # a CR at the very end may be the first half of a CRLF
            blocks.append(bytes(self._pending[start : match.end()]))
            start = match.end()
        if start:
            del self._pending[:start]
        return blocks

    def rest(self) -> bytes:
        """What followed the last complete block (a stream that ended mid-event)."""
        rest, self._pending = bytes(self._pending), bytearray()
        return rest


def split_events(body: bytes) -> list[bytes]:
    """The blocks of an event stream's wire text, the last one possibly incomplete."""
    splitter = EventSplitter()
    blocks = splitter.feed(body)
    rest = splitter.rest()
    return blocks + [rest] if rest else blocks


def event_fields(block: bytes) -> tuple[str, bytes | None]:
    """(event name, data) of one block; data is None when the block dispatches no event (a comment,
    a keep-alive, empty data)."""
    name, data = "", []
    for line in _LINE_END.split(block):
        if not line or line.startswith(b":"):
            continue
        key, _, value = line.partition(b":")
        value = value[1:] if value.startswith(b" ") else value
        if key == b"event":
            name = value.decode("utf-8", "replace")
        elif key == b"data":
            data.append(value)
    joined = b"\n".join(data)
    return name, joined if joined else None  # an empty data buffer dispatches nothing (the SSE spec)


def stream_events(body: bytes) -> list[tuple[str, bytes]]:
    """(event name, data) of each event that carries data, in order; a final `[DONE]` is not an event."""
    found = [event_fields(block) for block in split_events(body)]
    return [(name, data) for name, data in found if data is not None and data != b"[DONE]"]


# --- the key ------------------------------------------------------------------------------


def secrets_in(authorization: str | None) -> list[str]:
    """What to keep out of recordings for an auth header value: the value and, after a scheme
    such as `Bearer `, the credential alone."""
    if not authorization:
        return []
    scheme, _, credential = authorization.partition(" ")
    found = {authorization}
    if credential and re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", scheme):
        found.add(credential.strip())
    return sorted(filter(None, found), key=len, reverse=True)


def _secret_forms(secrets: list[str]) -> list[bytes]:
    """Each secret as it may appear in bytes: raw, JSON-escaped, URL-quoted; longest first."""
    forms = set()
    for secret in secrets:
        forms |= {
            secret.encode(), json.dumps(secret)[1:-1].encode(), json.dumps(secret, ensure_ascii=False)[1:-1].encode(),
            urllib.parse.quote(secret, safe="").encode(), urllib.parse.quote_plus(secret).encode(),
        }
    return sorted(filter(None, forms), key=len, reverse=True)


def redact(data: bytes, secrets: list[str]) -> bytes:
    """`data` with every form of every secret replaced by `***`."""
    for form in _secret_forms(secrets):
        data = data.replace(form, REDACTED.encode())
    return data


def redact_text(text: str, secrets: list[str]) -> str:
    """`text` with every form of every secret replaced by `***`."""
    return redact(text.encode("utf-8", "surrogateescape"), secrets).decode("utf-8", "surrogateescape")


def _holds_secret(text: str, secrets: list[str]) -> bool:
    data = text.encode("utf-8", "surrogateescape")
    return any(form in data for form in _secret_forms(secrets))


# --- one exchange ---------------------------------------------------------------------------


def media_type_of(headers) -> str:
    """The media type a Content-Type header names, lower-case, without parameters ("" when absent)."""
    for name, value in headers:
        if name.lower() == "content-type":
            return value.split(";", 1)[0].strip().lower()
    return ""


def body_suffix(media_type: str, body: bytes) -> str:
    """The file suffix for a body of this media type: .sse, .json, else .txt (UTF-8) or .bin."""
    if media_type == "text/event-stream":
        return ".sse"
    if media_type == "application/json" or media_type.endswith("+json"):
        return ".json"
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return ".bin"
    return ".txt"


@dataclass(frozen=True)
class Exchange:
    """One recorded request and the gateway's answer."""

    name: str  # the number, e.g. "0001"
    method: str
    path: str
    request_body: bytes
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    notes: tuple[str, ...] = ()
    folder: Path = field(default=Path("."), compare=False)

    @property
    def media_type(self) -> str:
        return media_type_of(self.headers)

    @property
    def is_stream(self) -> bool:
        return self.media_type == "text/event-stream"

    @property
    def incomplete(self) -> bool:
        """The body ended early (the upstream broke off); a replay breaks off there too."""
        return any(note.startswith(INCOMPLETE) for note in self.notes)

    @property
    def request_file(self) -> Path:
        return self.folder / f"{self.name}.request.json"

    @property
    def response_file(self) -> Path:
        return self.folder / f"{self.name}.response{body_suffix(self.media_type, self.body)}"

    def chunks(self) -> list[bytes]:
        """The body as a replay sends it: an event stream one event per chunk, else whole."""
        if self.is_stream:
            return split_events(self.body)
        return [self.body] if self.body else []

    def head(self) -> str:
        """The `.http` file's text."""
        lines = [f"# {' '.join(note.splitlines())}" for note in self.notes]
        lines += [f"{self.method} {self.path} HTTP/1.1", "", f"HTTP/1.1 {self.status} {self.reason}".rstrip()]
        lines += [f"{name}: {value}" for name, value in self.headers]
        return "\n".join(lines) + "\n"


def redacted(exchange: Exchange, secrets: list[str]) -> Exchange:
    """The exchange as it may be written: no credential header, no header holding a secret,
    no secret in the request line or a body."""
    headers = tuple(
        (name, value) for name, value in exchange.headers
        if name.lower() not in UNRECORDED_HEADERS and not _holds_secret(f"{name}: {value}", secrets)
    )
    return replace(
        exchange, path=redact_text(exchange.path, secrets), request_body=redact(exchange.request_body, secrets),
        headers=headers, body=redact(exchange.body, secrets), notes=tuple(redact_text(n, secrets) for n in exchange.notes),
    )


def _write_atomically(path: Path, data: bytes) -> None:
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    os.replace(part, path)


def write_exchange(exchange: Exchange, secrets: list[str]) -> list[Path]:
    """Write the exchange (redacted) into its folder; the `.http` file last, so a reader never
    sees half an exchange. Returns the files written."""
    clean = redacted(exchange, secrets)
    clean.folder.mkdir(parents=True, exist_ok=True)
    written = []
    if clean.request_body:
        _write_atomically(clean.request_file, clean.request_body)
        written.append(clean.request_file)
    if clean.body:
        _write_atomically(clean.response_file, clean.body)
        written.append(clean.response_file)
    head = clean.folder / f"{clean.name}{HEAD_SUFFIX}"
    _write_atomically(head, clean.head().encode("utf-8"))
    return [*written, head]


def next_number(folder: Path) -> int:
    """1 + the highest exchange number already in `folder` (1 when there is none)."""
    numbers = [int(m.group(1)) for p in folder.glob(f"*{HEAD_SUFFIX}") if (m := _NUMBERED.fullmatch(p.name))]
    return max(numbers, default=0) + 1


def _body_file(folder: Path, name: str, role: str) -> bytes:
    found = sorted(folder.glob(f"{name}.{role}.*"))
    found = [p for p in found if not p.name.endswith(".part")]
    if len(found) > 1:
        raise RecordingError(f"{folder / name}.{role}.*: {len(found)} files ({', '.join(p.name for p in found)}); keep one")
    return found[0].read_bytes() if found else b""


def read_exchange(head_file: Path) -> Exchange:
    """The exchange whose `.http` file is `head_file` (and its body files beside it)."""
    name = head_file.name.removesuffix(HEAD_SUFFIX)
    try:
        lines = head_file.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RecordingError(f"{head_file}: cannot read: {exc}") from None
    notes = []
    number = 0
    while number < len(lines) and lines[number].startswith("#"):
        notes.append(lines[number][1:].strip())
        number += 1

    def problem(line: int, what: str) -> RecordingError:
        return RecordingError(f"{head_file}:{line + 1}: {what}")

    request = lines[number].split(" ") if number < len(lines) else []
    if len(request) != 3 or not request[2].startswith("HTTP/"):
        raise problem(number, "expected the request line, e.g. 'POST /v1/responses HTTP/1.1'")
    if number + 1 >= len(lines) or lines[number + 1]:
        raise problem(number + 1, "expected a blank line after the request line")
    status_at = number + 2
    status = lines[status_at].split(" ", 2) if status_at < len(lines) else []
    if len(status) < 2 or not status[0].startswith("HTTP/") or not status[1].isdigit():
        raise problem(status_at, "expected the status line, e.g. 'HTTP/1.1 200 OK'")
    headers = []
    for at in range(status_at + 1, len(lines)):
        if not lines[at]:
            continue
        key, colon, value = lines[at].partition(":")
        if not colon or not key.strip():
            raise problem(at, "expected a header line 'Name: value'")
        headers.append((key.strip(), value.strip()))
    folder = head_file.parent
    return Exchange(
        name, request[0], request[1], _body_file(folder, name, "request"), int(status[1]),
        status[2] if len(status) > 2 else "", tuple(headers), _body_file(folder, name, "response"), tuple(notes), folder,
    )


def read_folder(folder: str | os.PathLike) -> list[Exchange]:
    """Every exchange recorded in `folder`, in recorded order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise RecordingError(f"{folder}: no such folder of recordings")
    heads = [(int(m.group(1)), p) for p in folder.iterdir() if (m := _NUMBERED.fullmatch(p.name))]
    return [read_exchange(path) for _, path in sorted(heads)]


# --- finding the exchange for a request ----------------------------------------------------


def _request_value(body: bytes) -> object:
    try:
        return json.loads(body) if body else None
    except ValueError:
        return body


def _leaves(value: object, pointer: str = "") -> dict[str, str]:
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _leaves(item, join(pointer, key)).items()}
    if isinstance(value, list):
        return {k: v for index, item in enumerate(value) for k, v in _leaves(item, join(pointer, index)).items()}
    return {pointer: json.dumps(value, sort_keys=True) if not isinstance(value, bytes) else repr(value)}


def differences(recorded: object, sent: object) -> list[str]:
    """The JSON pointers where two request bodies differ."""
    old, new = _leaves(recorded), _leaves(sent)
    return sorted(key or "/" for key in old.keys() | new.keys() if old.get(key) != new.get(key))


class Recordings:
    """The exchanges of a folder, found by request: same method, path (without query) and JSON
    body. When several match, each request gets the next one in recorded order, and after the
    last the first again. Thread-safe."""

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        self.exchanges = read_folder(self.folder)
        self._bodies = [_request_value(e.request_body) for e in self.exchanges]
        self._served: dict[tuple[str, ...], int] = {}
        self._lock = threading.Lock()

    def answer(self, method: str, path: str, body: bytes) -> Exchange:
        """The recorded exchange for this request; RecordingNotFound naming the closest one."""
        route = (method.upper(), path.split("?", 1)[0])
        sent = _request_value(body)
        on_route = [(e, b) for e, b in zip(self.exchanges, self._bodies, strict=True) if (e.method, e.path.split("?", 1)[0]) == route]
        matches = [e for e, recorded in on_route if recorded == sent]
        if not matches:
            raise RecordingNotFound(self._closest(route, on_route, sent))
        key = tuple(e.name for e in matches)
        with self._lock:
            turn = self._served.get(key, 0)
            self._served[key] = turn + 1
        return matches[turn % len(matches)]

    def _closest(self, route: tuple[str, str], on_route: list, sent: object) -> str:
        asked = f"{route[0]} {route[1]}"
        if not self.exchanges:
            return f"{self.folder} holds no recordings (no NNNN.http files), so nothing answers {asked}"
        if not on_route:
            recorded = sorted({f"{e.method} {e.path.split('?', 1)[0]}" for e in self.exchanges})
            return f"no recording in {self.folder} is of {asked}; recorded: {', '.join(recorded)}"
        scored = [(len(differences(recorded, sent)), e, recorded) for e, recorded in on_route]
        count, closest, recorded = min(scored, key=lambda row: row[0])
        where = differences(recorded, sent)
        shown = ", ".join(where[:SHOWN_POINTERS]) + (f" and {len(where) - SHOWN_POINTERS} more" if len(where) > SHOWN_POINTERS else "")
        return (f"no recording in {self.folder} matches this {asked} body; the closest is {closest.name} "
                f"({closest.request_file}), which differs at {shown}")
