"""Typed server-sent events of a streamed response (`stream=True`), read by _sse.

Each SSE message goes through `parse(data, "event")` (the event's JSON Schema, then the
`ResponseStreamEvent` member its `type` names); an event whose `type` the spec does not know is
kept as an `UnknownEvent` with every field. The terminal event (`response.completed` / `failed`
/ `incomplete`) provides `final_response`; a stream that ends or breaks before it raises
StreamInterruptedError.
"""

from __future__ import annotations

import typing
from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator
from functools import cache
from typing import Any, Generic, TypeVar

import httpx

from ._errors import APITimeoutError, ResponseValidationError, StreamInterruptedError
from ._issues import Issue, PayloadError
from ._json import decode
from ._model import UnknownEvent
from ._payloads import PARSE_MAX_ISSUES, Validation, log, parse, validate
from ._sse import Event, SSEError, aiter_events, iter_events
from ._transport import release_when_collected, request_id
from .models import Response, ResponseStreamEvent

__all__ = ["AsyncStream", "Stream", "UnknownEvent"]

TERMINAL_TYPES = frozenset({"response.completed", "response.failed", "response.incomplete"})

EventT = TypeVar("EventT")


def _members(alias: object) -> tuple[Any, ...]:
    """The classes of a generated union alias (`Annotated[A | B | ..., Field(...)]`)."""
    value = getattr(alias, "__value__", alias)
    while typing.get_origin(value) is typing.Annotated:
        value = typing.get_args(value)[0]
    return typing.get_args(value)


@cache
def event_types() -> frozenset[str]:
    """The `type` values of the `ResponseStreamEvent` members."""
    return frozenset(
        literal for cls in _members(ResponseStreamEvent) for literal in typing.get_args(cls.model_fields["type"].annotation)
    )


def decode_event(
    sse: Event, status_code: int = 200, request_id: str | None = None, validation: Validation = "spec",
    headers: httpx.Headers | None = None,
) -> ResponseStreamEvent | UnknownEvent:
    """The typed event of one SSE message by the `validation` policy (see parse()); an
    undocumented `type` is an UnknownEvent, except under "strict", which raises."""
    def failure(issues: list) -> ResponseValidationError:
        label = f"stream event {sse.event!r}" if sse.event != "message" else "stream event"
        return ResponseValidationError(f"invalid {label}", issues, status_code, request_id,
                                       body=sse.data.encode("utf-8", "surrogatepass"), headers=headers)

    try:
        if sse.event not in event_types():  # data-only SSE ("message") or an undocumented name
            data = decode(sse.data)
            if not isinstance(data, dict):
                raise ValueError("an event's data must be a JSON object")
            tag = data.get("type")
            kind = tag if isinstance(tag, str) else sse.event
            if kind not in event_types():
                return _unknown(data, kind, validation, failure)
        return typing.cast(ResponseStreamEvent, parse(sse.data, "event", validation=validation))
    except PayloadError as exc:
        raise failure(exc.issues) from None
    except ValueError as exc:
        raise failure(validate(sse.data, "event", max_issues=PARSE_MAX_ISSUES) or [Issue("", str(exc))]) from None


def _unknown(data: dict, kind: str, validation: Validation, failure) -> UnknownEvent:
    """An event of a type the spec does not list: kept whole (the SSE name stands in for a
    missing `type` but is not written back), an `unknown-variant` issue unless "off"."""
    event = UnknownEvent.model_construct(_fields_set=set(data), **{**data, "type": kind})
    if validation == "off":
        return event
    issue = Issue("/type", f"expected a documented event type, found {kind!r}", "a documented event type", repr(kind), "enum")
    if validation == "strict":
        raise failure([issue])
    if validation == "warn":
        log.warning("event payload deviates from the spec at /type (undocumented type %r)", kind)
    event._record([issue], kept_as_sent=False)
    return event


class _StreamState:
    """What both stream flavours track: the final response and the last error event."""

    def __init__(self, response: httpx.Response, validation: Validation):
        self.response = response
        self.request_id = request_id(response)
        self.validation: Validation = validation
        self.final_response: Response | None = None
        self.error_event: ResponseStreamEvent | UnknownEvent | None = None

    def feed(self, sse: Event) -> ResponseStreamEvent | UnknownEvent | None:
        if sse.data == "[DONE]":
            return None
        event = decode_event(sse, self.response.status_code, self.request_id, self.validation, self.response.headers)
        if event.type in TERMINAL_TYPES:
            final = getattr(event, "response", None)
            self.final_response = final if isinstance(final, Response) else None
        elif event.type == "error":
            self.error_event = event
        return event

    def finish(self) -> Response:
        if self.final_response is not None:
            return self.final_response
        detail = ""
        if self.error_event is not None:
            code = getattr(self.error_event, "code", None) or "error"
            detail = f"; last error event: {code}: {getattr(self.error_event, 'message', '')}"
        raise StreamInterruptedError(
            f"the event stream ended before response.completed / failed / incomplete{detail}", self.request_id
        )

    def broken(self, exc: Exception) -> Exception:
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError("timed out while reading the event stream", self.request_id)
        if isinstance(exc, SSEError):
            return ResponseValidationError("not an event stream", [Issue("", str(exc), keyword="encoding")],
                                           self.response.status_code, self.request_id, headers=self.response.headers)
        return StreamInterruptedError(f"the event stream broke: {type(exc).__name__}: {exc}", self.request_id)


class Stream(Generic[EventT]):
    """Iterate typed events (`EventT`, or `UnknownEvent` for an undocumented type); use as a
    context manager so the connection is closed on exit."""

    def __init__(self, response: httpx.Response, validation: Validation = "spec"):
        self._state = _StreamState(response, validation)
        self._events = self._iterate()
        release_when_collected(self, response)

    @property
    def response(self) -> httpx.Response:
        """The HTTP response the events are read from."""
        return self._state.response

    @property
    def final_response(self) -> Response | None:
        """The response of the terminal event, once it has arrived."""
        return self._state.final_response

    def _iterate(self) -> Generator[EventT | UnknownEvent, None, None]:
        state = self._state
        try:
            for sse in iter_events(state.response):
                event = state.feed(sse)
                if event is None:
                    break
                yield typing.cast("EventT | UnknownEvent", event)
        except (httpx.TransportError, SSEError) as exc:
            raise state.broken(exc) from None
        finally:
            state.response.close()
        state.finish()

    def __iter__(self) -> Iterator[EventT | UnknownEvent]:
        return self._events

    def __next__(self) -> EventT | UnknownEvent:
        return next(self._events)

    def get_final_response(self) -> Response:
        """Read the rest of the stream and return the terminal event's response."""
        for _ in self._events:
            pass
        return self._state.finish()

    def close(self) -> None:
        self._events.close()
        self._state.response.close()

    def __enter__(self) -> Stream[EventT]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncStream(Generic[EventT]):
    """The asyncio twin of Stream: `async for event in stream`, `async with`."""

    def __init__(self, response: httpx.Response, validation: Validation = "spec"):
        self._state = _StreamState(response, validation)
        self._events = self._iterate()
        release_when_collected(self, response)

    @property
    def response(self) -> httpx.Response:
        """The HTTP response the events are read from."""
        return self._state.response

    @property
    def final_response(self) -> Response | None:
        """The response of the terminal event, once it has arrived."""
        return self._state.final_response

    async def _iterate(self) -> AsyncGenerator[EventT | UnknownEvent, None]:
        state = self._state
        try:
            async for sse in aiter_events(state.response):
                event = state.feed(sse)
                if event is None:
                    break
                yield typing.cast("EventT | UnknownEvent", event)
        except (httpx.TransportError, SSEError) as exc:
            raise state.broken(exc) from None
        finally:
            await state.response.aclose()
        state.finish()

    def __aiter__(self) -> AsyncIterator[EventT | UnknownEvent]:
        return self._events

    async def __anext__(self) -> EventT | UnknownEvent:
        return await anext(self._events)

    async def get_final_response(self) -> Response:
        """Read the rest of the stream and return the terminal event's response."""
        async for _ in self._events:
            pass
        return self._state.finish()

    async def close(self) -> None:
        await self._events.aclose()
        await self._state.response.aclose()

    async def __aenter__(self) -> AsyncStream[EventT]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
