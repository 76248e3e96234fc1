"""Each payload kind's model: the class parse() validates it with, and the type it returns."""

from typing import TYPE_CHECKING, Literal, TypeAlias

Kind: TypeAlias = Literal["request", "response", "error", "event"]

KIND_MODELS = {
    "request": "Request",
    "response": "Response",
    "error": "Error",
    "event": "EventPayload",
}

if TYPE_CHECKING:
    from .models import Error, Event, Request, Response

    RequestModel: TypeAlias = Request
    ResponseModel: TypeAlias = Response
    ErrorModel: TypeAlias = Error
    EventModel: TypeAlias = Event
