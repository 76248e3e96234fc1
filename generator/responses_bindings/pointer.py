"""JSON pointers (RFC 6901): the one way every stage names a place in a document."""

from __future__ import annotations

from collections.abc import Iterable


def escape(token: object) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def join(base: str, *tokens: object) -> str:
    """Append reference tokens to a pointer: join("/a", "b/c", 0) == "/a/b~1c/0"."""
    return base + "".join("/" + escape(t) for t in tokens)


def from_path(tokens: Iterable[object]) -> str:
    return join("", *tokens)
