"""JSON pointers (RFC 6901): the runtime's own module, so the tool and the packages agree."""

from ..runtime._pointer import escape, from_path, join, tokens, unescape

__all__ = ["escape", "from_path", "join", "tokens", "unescape"]
