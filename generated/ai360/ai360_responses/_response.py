"""`Response`: the vendor's `ResponseObject` model plus `output_text` and `raise_for_status()`."""

from __future__ import annotations

from pydantic import BaseModel

from . import models
from ._errors import ResponseFailedError

__all__ = ["Response"]


def _unwrap(node):
    """The member of a generated union wrapper (a RootModel), or the node itself."""
    return getattr(node, "root", node)


class Response(models.ResponseObject):
    """A model response, as the vendor's spec types it, with two conveniences."""

    @property
    def output_text(self) -> str:
        """The text of every `output_text` part of every `message` output item, concatenated."""
        texts = []
        for item in self.output:
            item = _unwrap(item)
            if getattr(item, "type", None) != "message":
                continue
            for part in item.content:
                part = _unwrap(part)
                if getattr(part, "type", None) == "output_text":
                    texts.append(part.text)
        return "".join(texts)

    def raise_for_status(self) -> Response:
        """Raise ResponseFailedError when `status` is `failed` (e.g. a rate limit sent as HTTP 200)."""
        if _unwrap(self.status) == "failed":
            raise ResponseFailedError(self)
        return self


def as_response(model: BaseModel) -> Response:
    """The same, already validated, `ResponseObject` as a `Response` (no re-validation)."""
    fields = dict(model.__dict__)
    fields.update(model.__pydantic_extra__ or {})
    return Response.model_construct(_fields_set=model.model_fields_set, **fields)
