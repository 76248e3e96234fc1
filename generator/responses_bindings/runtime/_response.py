"""The base of the generated `models.Response`: `output_text` and `raise_for_status()`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from ._errors import ResponseFailedError
from ._model import Model


class ResponseBase(Model):
    """What `Response` adds to the fields the vendor's spec gives it."""

    if TYPE_CHECKING:  # fields of the generated subclass
        output: list[Any]
        status: Any

    @property
    def output_text(self) -> str:
        """The text of every `output_text` part of every `message` output item, concatenated."""
        texts = []
        for item in self.output:
            if item.type != "message":
                continue
            for part in item.content:
                if part.type == "output_text":
                    texts.append(part.text)
        return "".join(texts)

    def raise_for_status(self) -> Self:
        """Raise ResponseFailedError when `status` is `failed` (e.g. a rate limit sent as HTTP 200)."""
        if self.status == "failed":
            raise ResponseFailedError(self)
        return self
