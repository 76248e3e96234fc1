"""The base of the generated `models.Response`: `output_text` and `raise_for_status()`."""

from __future__ import annotations

from typing import Any, Self

from ._errors import ResponseFailedError
from ._model import Model


def _get(node: object, name: str) -> Any:
    """A field of a typed part, or the key of a part kept as sent."""
    return node.get(name) if isinstance(node, dict) else getattr(node, name, None)


class ResponseBase(Model):
    """What `Response` adds to the fields the vendor's spec gives it."""

    @property
    def output_text(self) -> str:
        """The text of every `output_text` part of every `message` output item, concatenated
        (parts kept as sent because they did not fit the spec count when they hold text)."""
        texts = []
        for item in getattr(self, "output", None) or ():  # a field of the generated subclass
            if _get(item, "type") != "message":
                continue
            for part in _get(item, "content") or ():
                text = _get(part, "text")
                if _get(part, "type") == "output_text" and isinstance(text, str):
                    texts.append(text)
        return "".join(texts)

    def raise_for_status(self) -> Self:
        """Raise ResponseFailedError when `status` is `failed` (e.g. a rate limit sent as HTTP 200)."""
        if getattr(self, "status", None) == "failed":
            raise ResponseFailedError(self)
        return self
