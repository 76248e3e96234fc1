"""Each payload kind's model: the class parse() validates it with, and the type it returns."""

from typing import TYPE_CHECKING, Literal, TypeAlias

Kind: TypeAlias = Literal["request", "response", "error", "event"]

KIND_MODELS = {
    "request": "CreateResponseRequest",
    "response": "Response",
    "error": "ErrorBodyPayload",
    "event": "ResponseStreamEventPayload",
}

if TYPE_CHECKING:
    from .models import CreateResponseRequest, ErrorBody, Response, ResponseStreamEvent

    RequestModel: TypeAlias = CreateResponseRequest
    ResponseModel: TypeAlias = Response
    ErrorModel: TypeAlias = ErrorBody
    EventModel: TypeAlias = ResponseStreamEvent
