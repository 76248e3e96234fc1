"""Typed server-sent events of a streamed response (`stream=True`), read by _sse.

Each SSE message becomes the model of its `type` (the `ResponseStreamEvent` member whose
`type` literal matches); a type the spec does not know is kept as an `UnknownEvent` with
every field. The terminal event (`response.completed` / `failed` / `incomplete`) provides
`final_response`; a stream that ends or breaks before it raises StreamInterruptedError.
"""

from __future__ import annotations

import typing
from functools import cache

import httpx
from pydantic import BaseModel, ConfigDict, ValidationError

from . import models
from ._errors import APITimeoutError, ResponseValidationError, StreamInterruptedError
from ._issues import Issue
from ._json import decode
from ._payloads import PARSE_MAX_ISSUES, validate
from ._response import Response, as_response
from ._sse import SSEError, aiter_events, iter_events
from ._transport import release_when_collected, request_id

__all__ = ["AsyncStream", "Stream", "UnknownEvent"]

TERMINAL_TYPES = frozenset(
    {"response.completed", "response.failed", "response.incomplete"}
)


class UnknownEvent(BaseModel):
    """An event whose `type` the spec does not document; every field is kept as an attribute."""

    model_config = ConfigDict(extra="allow")
    type: str


@cache
def event_classes() -> dict[str, type[BaseModel]]:
    """Event `type` value -> model class, read from the `ResponseStreamEvent` union."""
    members = typing.get_args(
        models.ResponseStreamEvent.model_fields["root"].annotation
    )
    table = {}
    for cls in members:
        for literal in typing.get_args(cls.model_fields["type"].annotation):
            table[literal] = cls
    return table


def _invalid(
    name: str, data: str, status_code: int, request_id: str | None, exc: Exception
) -> ResponseValidationError:
    issues = validate(data, "event", max_issues=PARSE_MAX_ISSUES)
    if not issues and isinstance(exc, ValidationError):
        issues = [
            Issue("/" + "/".join(map(str, e["loc"])), e["msg"])
            for e in exc.errors(include_url=False)
        ]
    label = f"stream event {name!r}" if name else "stream event"
    return ResponseValidationError(
        f"invalid {label}", issues or [Issue("", str(exc))], status_code, request_id
    )


def decode_event(
    sse, status_code: int = 200, request_id: str | None = None
) -> BaseModel:
    """The typed event of one SSE message; UnknownEvent for an undocumented `type`."""
    classes = event_classes()
    cls = classes.get(sse.event)
    try:
        data = decode(sse.data)
        if cls is not None:
            return cls.model_validate(data, strict=True)
        if not isinstance(data, dict):
            raise ValueError("an event's data must be a JSON object")
        kind = data.get("type") if isinstance(data.get("type"), str) else sse.event
        cls = classes.get(kind)
        if cls is not None:
            return cls.model_validate(data, strict=True)
        return UnknownEvent.model_validate({**data, "type": kind})
    except (ValueError, ValidationError) as exc:
        raise _invalid(sse.event, sse.data, status_code, request_id, exc) from None


class _StreamState:
    """What both stream flavours track: the final response and the last error event."""

    def __init__(self, response: httpx.Response):
        self.response = response
        self.request_id = request_id(response)
        self.final_response: Response | None = None
        self.error_event: BaseModel | None = None

    def feed(self, sse) -> BaseModel | None:
        if sse.data == "[DONE]":
            return None
        event = decode_event(sse, self.response.status_code, self.request_id)
        if event.type in TERMINAL_TYPES:
            self.final_response = as_response(event.response)
        elif event.type == "error":
            self.error_event = event
        return event

    def finish(self) -> None:
        if self.final_response is not None:
            return
        detail = ""
        if self.error_event is not None:
            detail = f"; last error event: {getattr(self.error_event, 'code', None) or 'error'}: {self.error_event.message}"
        raise StreamInterruptedError(
            f"the event stream ended before response.completed / failed / incomplete{detail}",
            self.request_id,
        )

    def broken(self, exc: Exception) -> Exception:
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(
                "timed out while reading the event stream", self.request_id
            )
        if isinstance(exc, SSEError):
            return ResponseValidationError(
                "not an event stream",
                [Issue("", str(exc))],
                self.response.status_code,
                self.request_id,
            )
        return StreamInterruptedError(
            f"the event stream broke: {type(exc).__name__}: {exc}", self.request_id
        )


class Stream:
    """Iterate typed events; use as a context manager so the connection is closed on exit."""

    def __init__(self, response: httpx.Response):
        self._state = _StreamState(response)
        self._events = self._iterate()
        release_when_collected(self, response)

    @property
    def response(self) -> httpx.Response:
        return self._state.response

    @property
    def final_response(self) -> Response | None:
        """The response of the terminal event, once it has arrived."""
        return self._state.final_response

    def _iterate(self):
        state = self._state
        try:
            for sse in iter_events(state.response):
                event = state.feed(sse)
                if event is None:
                    break
                yield event
        except (httpx.TransportError, SSEError) as exc:
            raise state.broken(exc) from None
        finally:
            state.response.close()
        state.finish()

    def __iter__(self):
        return self._events

    def __next__(self) -> BaseModel:
        return next(self._events)

    def get_final_response(self) -> Response:
        """Read the rest of the stream and return the terminal event's response."""
        for _ in self._events:
            pass
        if self._state.final_response is None:
            self._state.finish()
        return self._state.final_response

    def close(self) -> None:
        self._events.close()
        self._state.response.close()

    def __enter__(self) -> Stream:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class AsyncStream:
    """The asyncio twin of Stream: `async for event in stream`, `async with`."""

    def __init__(self, response: httpx.Response):
        self._state = _StreamState(response)
        self._events = self._iterate()
        release_when_collected(self, response)

    @property
    def response(self) -> httpx.Response:
        return self._state.response

    @property
    def final_response(self) -> Response | None:
        return self._state.final_response

    async def _iterate(self):
        state = self._state
        try:
            async for sse in aiter_events(state.response):
                event = state.feed(sse)
                if event is None:
                    break
                yield event
        except (httpx.TransportError, SSEError) as exc:
            raise state.broken(exc) from None
        finally:
            await state.response.aclose()
        state.finish()

    def __aiter__(self):
        return self._events

    async def __anext__(self) -> BaseModel:
        return await self._events.__anext__()

    async def get_final_response(self) -> Response:
        async for _ in self._events:
            pass
        if self._state.final_response is None:
            self._state.finish()
        return self._state.final_response

    async def close(self) -> None:
        await self._events.aclose()
        await self._state.response.aclose()

    async def __aenter__(self) -> AsyncStream:
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self.close()
