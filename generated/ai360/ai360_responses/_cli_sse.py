"""Server-sent events from a recorded `text/event-stream` body, with the line each starts on.

Parsed as the HTML standard's event-stream format says: lines end with CRLF, LF or CR; a
line starting with `:` is a comment (keep-alives such as `: ping`); `data:` lines of one
block are joined with newlines; a blank line ends a block, and a block without data is
ignored (`retry:`-only, `id:`-only, `event:`-only, empty `data:`). Memory stays bounded: a block whose data
grows past the limit is skipped in chunks and reported as too large.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

FIELD_PREFIXES = (b"data:", b"event:", b"id:", b"retry:", b":", b"data\n", b"data\r")
SKIP_CHUNK = 1 << 20


class LineReader(Protocol):
    """What reading an event stream needs of its input: `readline(size)` of a binary stream."""

    def readline(self, size: int = -1, /) -> bytes: ...


@dataclass
class SseEvent:
    """One dispatched event: its place, its `event:` name and its data (None when too large)."""

    index: int
    line: int  # the line of its first `data:` line
    name: str | None
    data: bytes | None
    column: int = 0  # how many bytes precede the data on that line (`data: `)
    unterminated: bool = (
        False  # the stream ended inside this block (a client would drop it)
    )


def looks_like_sse(head: bytes) -> bool:
    """Does this start of a body read as an event stream (its first non-blank line an SSE field)?"""
    first = head.lstrip(b"\r\n\t ").split(b"\n", 1)[0]
    return first.startswith(FIELD_PREFIXES) or first.rstrip(b"\r") == b"data"


def _lines(stream: LineReader, limit: int) -> Iterator[tuple[bytes, bool]]:
    """Lines without their ends, split at CRLF, LF or lone CR; (line, complete) with complete False
    for a line cut at the limit (the rest of it is skipped)."""
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        complete = raw.endswith(b"\n") or len(raw) <= limit
        if not complete:
            while (rest := stream.readline(SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
        body = raw.rstrip(b"\n").removesuffix(b"\r") if complete else raw
        parts = body.split(b"\r")
        for part in parts[:-1]:
            yield part, True
        yield parts[-1], complete


def events(stream: LineReader, limit: int) -> Iterator[SseEvent]:
    """Every event of a recorded stream, in order; a block over `limit` bytes has data None."""
    index, number = 0, 0
    data: list[bytes] = []
    size, start, column, name, seen, oversized = 0, 0, 0, None, False, False
    for line, complete in _lines(stream, limit):
        number += 1
        if not line:
            if oversized or any(data):
                yield SseEvent(
                    index, start, name, None if oversized else b"\n".join(data), column
                )
                index += 1
            data, size, name, seen, oversized = [], 0, None, False, False
            continue
        if line.startswith(b":"):
            continue
        field, _, value = line.partition(b":")
        if field == b"data":
            if not seen:
                start, column, seen = (
                    number,
                    len(line) - len(value) + value.startswith(b" "),
                    True,
                )
            value = value.removeprefix(b" ")
            size += len(value) + 1
            if not complete or size > limit:
                oversized, data = True, []
            elif not oversized:
                data.append(value)
        elif field == b"event":
            name = value.removeprefix(b" ").decode("utf-8", "replace")
    if oversized or any(data):
        yield SseEvent(
            index,
            start,
            name,
            None if oversized else b"\n".join(data),
            column,
            unterminated=True,
        )
