"""JSON pointers (RFC 6901): how every part of the tool and the packages names a place in a document.

Self-contained (no imports), so the generator uses this same module.
"""


def escape(token: object) -> str:
    """One reference token: `~` as `~0`, `/` as `~1`."""
    return str(token).replace("~", "~0").replace("/", "~1")


def join(base: str, *tokens: object) -> str:
    """Append reference tokens to a pointer: join("/a", "b/c", 0) == "/a/b~1c/0"."""
    if len(tokens) == 1:  # the common case, called per node by every walk
        return f"{base}/{escape(tokens[0])}"
    return base + "".join("/" + escape(t) for t in tokens)


def from_path(tokens) -> str:
    """The pointer of a path of keys and indexes."""
    return join("", *tokens)


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def tokens(pointer: str) -> list[str]:
    """The unescaped reference tokens of a pointer: tokens("/a/b~1c") == ["a", "b/c"]."""
    return [unescape(token) for token in pointer.split("/")[1:]]
