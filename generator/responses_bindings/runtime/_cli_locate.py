"""Where a JSON pointer's value starts in JSON text: a byte offset, then a line and column.

Used only for reported problems, so that annotations land on the line (and column) of the
bad value inside pretty-printed files. The text has already parsed as JSON; values are
skipped with regular expressions, so a lookup costs one pass over the text before the value.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

_SPACE = re.compile(rb"[ \t\r\n]*")
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(rb"[^,\]}\s]*")
_NEXT = re.compile(rb'["\[\]{}]')
LOCATE_LIMIT = 16 * 1024 * 1024  # larger texts are reported by line only


def _end(pattern: re.Pattern[bytes], text: bytes, at: int) -> int:
    """The offset just past what `pattern` matches at `at`; ValueError when nothing does (broken JSON text)."""
    found = pattern.match(text, at)
    if found is None:
        raise ValueError(f"no {pattern.pattern!r} at byte {at}")
    return found.end()


def _skip_space(text: bytes, at: int) -> int:
    return _end(_SPACE, text, at)


def _skip_value(text: bytes, at: int) -> int:
    """The offset just past the value starting at `at`."""
    opener = text[at : at + 1]
    if opener == b'"':
        return _end(_STRING, text, at)
    if opener not in (b"[", b"{"):
        return _end(_SCALAR, text, at)
    depth = 0
    while True:
        found = _NEXT.search(text, at)
        if found is None:
            return len(text)
        char = found.group()
        if char == b'"':
            at = _end(_STRING, text, found.start())
            continue
        depth += 1 if char in (b"[", b"{") else -1
        at = found.end()
        if depth == 0:
            return at


def _child(text: bytes, at: int, token: str) -> int | None:
    """The offset of member `token` of the object or array starting at `at`, or None."""
    opener = text[at : at + 1]
    at = _skip_space(text, at + 1)
    if opener == b"[":
        if not token.isdigit():
            return None
        for _ in range(int(token)):
            if text[at : at + 1] == b"]":
                return None
            at = _skip_space(text, _skip_value(text, at))
            if text[at : at + 1] != b",":
                return None
            at = _skip_space(text, at + 1)
        return None if text[at : at + 1] == b"]" else at
    if opener != b"{":
        return None
    while text[at : at + 1] == b'"':
        end = _end(_STRING, text, at)
        key = json.loads(text[at:end])
        at = _skip_space(text, end)
        at = _skip_space(text, at + 1)  # past the colon
        if key == token:
            return at
        at = _skip_space(text, _skip_value(text, at))
        if text[at : at + 1] != b",":
            return None
        at = _skip_space(text, at + 1)
    return None


def offset_of(text: bytes, tokens: list[str], start: int = 0) -> int | None:
    """The byte offset where the value at `tokens` starts in `text` (from `start`), or None."""
    if len(text) > LOCATE_LIMIT:
        return None
    try:
        at = _skip_space(text, start)
        for token in tokens:
            found = _child(text, at, token)
            if found is None:
                return at  # the deepest place that exists: good enough to land an annotation
            at = found
    except (ValueError, RecursionError):
        return None
    return at


def item_offsets(text: bytes) -> list[int] | None:
    """The offsets of the items of the top-level array `text` holds, in one pass; None if too large."""
    if len(text) > LOCATE_LIMIT:
        return None
    at = _skip_space(text, 0)
    if text[at : at + 1] != b"[":
        return None
    offsets = []
    at = _skip_space(text, at + 1)
    while at < len(text) and text[at : at + 1] != b"]":
        offsets.append(at)
        at = _skip_space(text, _skip_value(text, at))
        if text[at : at + 1] == b",":
            at = _skip_space(text, at + 1)
    return offsets


@dataclass(frozen=True)
class Anchor:
    """A known place in a text: byte offset, 1-based line, 0-based column in characters."""

    offset: int
    line: int
    column: int


def advance(text: bytes, anchor: Anchor, offset: int) -> Anchor:
    """The place of `offset` (at or after `anchor`), counting only the bytes between them."""
    newlines = text.count(b"\n", anchor.offset, offset)
    if newlines == 0:
        return Anchor(offset, anchor.line, anchor.column + len(text[anchor.offset : offset].decode("utf-8", "replace")))
    line_start = text.rfind(b"\n", anchor.offset, offset) + 1
    return Anchor(offset, anchor.line + newlines, len(text[line_start:offset].decode("utf-8", "replace")))


def line_and_column(text: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    place = advance(text, Anchor(0, 1, 0), offset)
    return place.line, place.column + 1
