"""Where payloads come from: files, directories and stdin, read as a stream of bytes.

- `.json`: one document (a top-level array is a list of payloads, split later);
- `.jsonl` / `.ndjson`: one payload per line (problems name the line);
- `.sse`: a recorded `text/event-stream` body; any other file, and stdin, is sniffed: an
  event stream when its first line is an SSE field, JSON Lines when its first line is a JSON
  value on its own and more follows, else one document;
- each of them gzip-compressed (`.gz`, or sniffed by the gzip magic bytes);
- a directory is walked for those suffixes (symbolic links to folders are not followed).

Every payload comes out as raw bytes with its place; input that cannot be a payload (empty,
binary, too large) comes out as a one-line problem instead, so one bad line never stops the
rest. Memory stays flat: lines are read one at a time and an oversized one is skipped in
bounded chunks, never held whole.
"""

from __future__ import annotations

import gzip
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol, runtime_checkable

from ._cli_sse import SseEvent, events, looks_like_sse

STDIN = "-"
LINE_SUFFIXES = (".jsonl", ".ndjson")
STREAM_SUFFIXES = (".sse",)
WALKED_SUFFIXES = (".json", *LINE_SUFFIXES, *STREAM_SUFFIXES)
GZIP_MAGIC = b"\x1f\x8b"
SKIP_CHUNK = 1 << 20
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


@runtime_checkable
class Peekable(Protocol):
    """A binary input that shows what comes next without consuming it: a file opened "rb", stdin's
    buffer, a gzip stream. Sniffing the gzip magic bytes and the first line needs `peek`; gzip's
    reader asks for `seek` too (it calls it only to rewind, which reading never does)."""

    def peek(self, size: int, /) -> bytes: ...

    def read(self, size: int = -1, /) -> bytes: ...

    def readline(self, size: int = -1, /) -> bytes: ...

    def seek(self, offset: int, whence: int = 0, /) -> int: ...


@dataclass
class Payload:
    """One payload's bytes and place, or the problem (rule, message) that kept it from being one."""

    source: str
    line: int | None
    data: bytes = b""  # empty when `problem` says why there is no payload
    problem: tuple[str, str] | None = None
    whole: bool = False  # a whole document: a top-level array holds several payloads
    column: int = 0  # bytes before the payload on its first line


@dataclass
class RecordedStream:
    """A recorded event stream; `events` reads it lazily (consume before the next item)."""

    source: str
    events: Iterator[SseEvent]


class Meter:
    """Bytes read so far, for a progress display."""

    def __init__(self) -> None:
        self.done = 0

    def advance(self, count: int) -> None:
        self.done += count


def _suffix(path: str) -> str:
    """The suffix that says how to read a file, under a `.gz`: `t.jsonl.gz` -> `.jsonl`."""
    name = os.path.basename(path).lower().removesuffix(".gz")
    return os.path.splitext(name)[1]


def _walk(top: str, errors: list[str], shown) -> list[str]:
    """The payload files below `top`, sorted; unreadable folders become errors (never skipped silently)."""
    found, pending = [], [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            errors.append(
                f"{shown(folder)}: cannot read this directory: {exc.strerror or exc}"
            )
            continue
        for entry in listed:
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                elif _suffix(entry.name) in WALKED_SUFFIXES and entry.is_file():
                    found.append(entry.path)
            except OSError as exc:
                errors.append(
                    f"{shown(entry.path)}: cannot read: {exc.strerror or exc}"
                )
    return sorted(found)


def expand(paths: list[str], shown) -> tuple[list[str], list[str]]:
    """The sources named by `paths` (directories walked) and the I/O errors, as shown names."""
    sources, errors = [], []
    for raw in paths:
        if raw == STDIN:
            sources.append(raw)
            continue
        try:
            mode = os.stat(raw).st_mode
        except OSError as exc:
            missing = isinstance(exc, FileNotFoundError)
            errors.append(
                f"{shown(raw)}: "
                + (
                    "no such file or directory"
                    if missing
                    else f"cannot read: {exc.strerror or exc}"
                )
            )
            continue
        if stat.S_ISDIR(mode):
            found = _walk(raw, errors, shown)
            sources.extend(found)
            if not found:
                errors.append(
                    f"{shown(raw)}: no {', '.join(WALKED_SUFFIXES)} files (or .gz of them) in this directory"
                )
        elif stat.S_ISREG(mode):
            sources.append(raw)
        else:
            errors.append(f"{shown(raw)}: not a regular file")
    return sources, errors


def total_bytes(sources: list[str]) -> int | None:
    """The combined size of the sources, or None when it says nothing of progress (stdin, gzip)."""
    if STDIN in sources or any(s.lower().endswith(".gz") for s in sources):
        return None
    total = 0
    for source in sources:
        try:
            total += os.path.getsize(source)
        except OSError:
            return None
    return total


def _checked(
    source: str, line: int | None, data: bytes, whole: bool = False, column: int = 0
) -> Payload:
    if not data.strip():
        return Payload(
            source, line, problem=("input-empty", "empty: expected a JSON payload")
        )
    nul = data.find(b"\0")
    if nul >= 0:
        return Payload(
            source,
            line,
            problem=(
                "input-binary",
                f"binary data (NUL byte at offset {nul}), not JSON text",
            ),
        )
    return Payload(source, line, data, whole=whole, column=column)


def too_large(limit: int) -> tuple[str, str]:
    return (
        "input-too-large",
        f"too large: more than {limit:,} bytes (raise --max-bytes to allow)",
    )


def _skip_line(stream: Peekable, meter: Meter) -> None:
    while True:
        rest = stream.readline(SKIP_CHUNK)
        meter.advance(len(rest))
        if not rest or rest.endswith(b"\n"):
            return


def _lines(
    stream: Peekable,
    source: str,
    limit: int,
    meter: Meter,
    first: bytes | None = None,
    start: int = 0,
):
    number = start
    while True:
        raw = first if first is not None else stream.readline(limit + 1)
        first = None
        if not raw:
            return
        number += 1
        meter.advance(len(raw))
        if len(raw) > limit:
            if not raw.endswith(b"\n"):
                _skip_line(stream, meter)
            yield Payload(source, number, problem=too_large(limit))
        elif raw.strip():
            yield _checked(source, number, raw)


def _whole(
    stream: Peekable, source: str, limit: int, meter: Meter, head: bytes = b""
) -> Payload:
    data = head + stream.read(limit + 1 - len(head))
    meter.advance(len(data) - len(head))
    if len(data) > limit:
        while chunk := stream.read(SKIP_CHUNK):
            meter.advance(len(chunk))
        return Payload(source, None, problem=too_large(limit))
    return _checked(source, None, data, whole=True)


def _one_value(line: bytes) -> bool:
    import orjson

    try:
        orjson.loads(line)
    except (ValueError, RecursionError):
        return False
    return True


def _sniffed(
    stream: Peekable, source: str, limit: int, meter: Meter
) -> Iterator[Payload | RecordedStream]:
    """An event stream, JSON Lines (a JSON value alone on the first line, more after it), or one document."""
    if looks_like_sse(stream.peek(4096)[:4096]):
        yield RecordedStream(source, events(_Metered(stream, meter), limit))
        return
    first = stream.readline(limit + 1)
    second = (
        stream.readline(limit + 1)
        if len(first) <= limit and first.endswith(b"\n")
        else b""
    )
    if second and _one_value(first):
        meter.advance(len(first))
        yield _checked(source, 1, first)
        yield from _lines(stream, source, limit, meter, first=second, start=1)
        return
    meter.advance(len(first) + len(second))
    yield _whole(stream, source, limit, meter, head=first + second)


class _Metered:
    """A binary stream whose reads advance the meter."""

    def __init__(self, stream: Peekable, meter: Meter):
        self.stream, self.meter = stream, meter

    def readline(self, size: int = -1) -> bytes:
        line = self.stream.readline(size)
        self.meter.advance(len(line))
        return line


def _reader(raw: Peekable) -> Peekable:
    """`raw`, or its decompressed content when it starts with the gzip magic bytes."""
    return (
        gzip.GzipFile(fileobj=raw, mode="rb") if raw.peek(2)[:2] == GZIP_MAGIC else raw
    )


def _peekable(stdin: BinaryIO) -> Peekable:
    """Standard input's buffer, which can peek unless stdin was replaced by something that cannot."""
    if not isinstance(stdin, Peekable):
        raise OSError(
            f"standard input cannot be sniffed: a {type(stdin).__name__} has no peek()"
        )
    return stdin


def items(
    source: str, shown: str, stdin: BinaryIO, limit: int, meter: Meter
) -> Iterator[Payload | RecordedStream]:
    """Every payload or recorded stream of one source. OSError propagates (the caller reports
    it as I/O); so do gzip's errors on a corrupt file (EOFError, zlib.error, BadGzipFile)."""
    if source == STDIN:
        yield from _sniffed(_reader(_peekable(stdin)), shown, limit, meter)
        return
    suffix = _suffix(source)
    with open(source, "rb") as raw:
        stream = _reader(raw)
        if suffix in LINE_SUFFIXES:
            yield from _lines(stream, shown, limit, meter)
        elif suffix in STREAM_SUFFIXES:
            yield RecordedStream(shown, events(_Metered(stream, meter), limit))
        elif suffix == ".json":
            yield _whole(stream, shown, limit, meter)
        else:
            yield from _sniffed(stream, shown, limit, meter)
