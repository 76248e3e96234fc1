"""Where payloads come from: `.json` files, `.jsonl` lines, directories and stdin, streamed.

Every payload comes out as raw bytes with its place (source, line); input that cannot be a
payload (empty, binary, too large) comes out as a one-line problem instead, so one bad line
never stops the rest. Memory stays flat: JSONL is read line by line, and a line or file
larger than the limit is skipped in bounded chunks, never held whole.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

STDIN = "-"
PAYLOAD_SUFFIXES = (".json", ".jsonl")
LINE_SUFFIXES = (".jsonl", ".ndjson")
SKIP_CHUNK = 1 << 20
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Payload:
    """One payload's bytes, or the problem that kept it from being one."""

    source: str
    line: int | None
    data: bytes | None = None
    problem: str | None = None


class Meter:
    """Bytes read so far, for a progress display."""

    def __init__(self) -> None:
        self.done = 0

    def advance(self, count: int) -> None:
        self.done += count


def expand(paths: list[str]) -> tuple[list[str], list[str]]:
    """The sources named by `paths` (directories walked for .json/.jsonl) and the I/O errors."""
    sources, errors = [], []
    for raw in paths:
        path = Path(raw)
        if raw == STDIN:
            sources.append(raw)
        elif path.is_dir():
            found = sorted(str(p) for p in path.rglob("*") if p.suffix in PAYLOAD_SUFFIXES and p.is_file())
            sources.extend(found)
            if not found:
                errors.append(f"{raw}: no .json or .jsonl files in this directory")
        elif path.is_file():
            sources.append(raw)
        elif path.exists():
            errors.append(f"{raw}: not a regular file")
        else:
            errors.append(f"{raw}: no such file or directory")
    return sources, errors


def total_bytes(sources: list[str]) -> int | None:
    """The combined size of the sources, or None when one is stdin."""
    if STDIN in sources:
        return None
    return sum(os.path.getsize(source) for source in sources)


def _checked(source: str, line: int | None, data: bytes) -> Payload:
    if not data.strip():
        return Payload(source, line, problem="empty: expected a JSON payload")
    nul = data.find(b"\0")
    if nul >= 0:
        return Payload(source, line, problem=f"binary data (NUL byte at offset {nul}), not JSON text")
    return Payload(source, line, data)


def _too_large(source: str, line: int | None, limit: int) -> Payload:
    return Payload(source, line, problem=f"too large: more than {limit:,} bytes (raise --max-bytes to allow)")


def _skip_line(stream: BinaryIO, meter: Meter) -> None:
    while True:
        rest = stream.readline(SKIP_CHUNK)
        meter.advance(len(rest))
        if not rest or rest.endswith(b"\n"):
            return


def _lines(stream: BinaryIO, source: str, limit: int, meter: Meter, first: bytes | None = None, start: int = 0):
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
            yield _too_large(source, number, limit)
        elif raw.strip():
            yield _checked(source, number, raw)


def _whole(stream: BinaryIO, source: str, limit: int, meter: Meter, head: bytes = b"") -> Payload:
    data = head + stream.read(limit + 1 - len(head))
    meter.advance(len(data) - len(head))
    if len(data) > limit:
        while chunk := stream.read(SKIP_CHUNK):
            meter.advance(len(chunk))
        return _too_large(source, None, limit)
    return _checked(source, None, data)


def _looks_like_one_value(line: bytes) -> bool:
    import orjson

    try:
        orjson.loads(line)
    except ValueError:
        return False
    return True


def _sniffed(stream: BinaryIO, source: str, limit: int, meter: Meter) -> Iterator[Payload]:
    """JSON Lines when the first line is a JSON value on its own and more follows; else one payload."""
    first = stream.readline(limit + 1)
    second = stream.readline(limit + 1) if len(first) <= limit and first.endswith(b"\n") else b""
    if second and _looks_like_one_value(first):
        meter.advance(len(first))
        yield _checked(source, 1, first) if first.strip() else Payload(source, 1, problem="empty line")
        yield from _lines(stream, source, limit, meter, first=second, start=1)
        return
    meter.advance(len(first) + len(second))
    yield _whole(stream, source, limit, meter, head=first + second)


def payloads(source: str, stdin: BinaryIO, limit: int, meter: Meter) -> Iterator[Payload]:
    """Every payload of one source; OSError propagates (the caller reports it as I/O)."""
    if source == STDIN:
        yield from _sniffed(stdin, "<stdin>", limit, meter)
        return
    suffix = Path(source).suffix
    with open(source, "rb") as stream:
        if suffix in LINE_SUFFIXES:
            yield from _lines(stream, source, limit, meter)
        elif suffix == ".json":
            yield _whole(stream, source, limit, meter)
        else:
            yield from _sniffed(stream, source, limit, meter)
