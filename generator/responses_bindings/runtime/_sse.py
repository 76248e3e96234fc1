"""Server-sent events read from a streamed response, bounded in size and in silence.

The format is the event stream of the HTML standard (html.spec.whatwg.org, "Server-sent
events"): lines end with CRLF, LF or CR; `event:`, `data:`, `id:` and `retry:` set fields,
a line starting with `:` is a comment, a blank line ends the event. A block without data
(`retry:` or `id:` or `event:` alone, or only empty `data:` lines) carries nothing and is
skipped.

Bounds: a line or an event's data longer than the client's `max_response_bytes` ends the
stream with SSEError, and so does the body's encoding being undecodable; silence longer
than the client's timeout ends it with httpx.ReadTimeout. Any complete line is activity
(keep-alive comments included: a model may think for minutes between events), a trickle of
bytes that never completes a line is not. The API key is redacted from each line.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass

import httpx

from ._deadlines import watching
from ._transport import StreamPolicy, stream_policy
from ._unzip import Undecodable, Unzip

__all__: list[str] = []


class SSEError(Exception):
    """The body is not an event stream this client can read within its limits."""


@dataclass(frozen=True)
class Event:
    """One dispatched event: its type (`message` when it named none), data, last id, retry."""

    event: str
    data: str
    id: str | None = None
    retry: int | None = None


class Decoder:
    """Bytes in, events out; keeps at most `max_bytes` of an unfinished line or event."""

    def __init__(self, max_bytes: int, redact: Callable[[bytes], bytes] | None = None):
        self._max, self._redact = max_bytes, redact
        self._partial: list[bytes] = []  # the unfinished line, in pieces
        self._partial_size = 0
        self._skip_lf = False  # the last piece ended with CR: a LF right after belongs to it
        self._data: list[str] = []
        self._data_size = 0
        self._event = ""
        self._id: str | None = None
        self._retry: int | None = None

    def feed(self, chunk: bytes) -> tuple[list[Event], bool]:
        """The events `chunk` completes, and whether it completed any line.

        The lines `chunk` completes are redacted and split as one block (a key never spans a
        line end), so the per-line work is only reading each line's field."""
        if self._skip_lf and chunk.startswith(b"\n"):
            chunk = chunk[1:]
        self._skip_lf = chunk.endswith(b"\r")
        cut = max(chunk.rfind(b"\n"), chunk.rfind(b"\r")) + 1
        rest = chunk[cut:]
        if cut:
            block = chunk[:cut]
            if self._partial:
                block = b"".join([*self._partial, block])
                self._partial, self._partial_size = [], 0
            if self._redact is not None:
                block = self._redact(block)
            events = [event for event in map(self._line, block.splitlines()) if event is not None]
        else:
            events = []
        if rest:
            self._partial.append(rest)
            self._partial_size += len(rest)
            if self._partial_size > self._max:
                raise SSEError(f"a line longer than {self._max:,} bytes (max_response_bytes)")
        return events, cut > 0

    def _line(self, raw: bytes) -> Event | None:
        line = raw.decode("utf-8", "replace")
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            self._data.append(value)
            self._data_size += len(raw)
            if self._data_size > self._max:
                raise SSEError(f"an event larger than {self._max:,} bytes (max_response_bytes)")
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._id = value
        elif name == "retry" and value.isascii() and value.isdigit():
            self._retry = int(value)
        return None

    def _dispatch(self) -> Event | None:
        lines, event = self._data, self._event or "message"
        self._data, self._data_size, self._event = [], 0, ""
        if not any(lines):
            return None
        return Event(event, "\n".join(lines), self._id, self._retry)


def _check_type(response: httpx.Response) -> None:
    kind = response.headers.get("content-type", "").partition(";")[0].strip().lower()
    if kind != "text/event-stream":
        raise SSEError(f"expected Content-Type text/event-stream, found {kind or 'none'!r}")


def _decoders(response: httpx.Response) -> tuple[StreamPolicy, Unzip, Decoder]:
    policy = stream_policy(response)
    try:
        unzip = Unzip(response.headers.get("content-encoding", ""))
    except Undecodable as exc:
        raise SSEError(str(exc)) from None
    return policy, unzip, Decoder(policy.max_event_bytes, policy.redact)


def _events(unzip: Unzip, decoder: Decoder, chunk: bytes) -> tuple[list[Event], bool]:
    events: list[Event] = []
    active = False
    try:
        for piece in unzip.feed(chunk):
            found, line = decoder.feed(piece)
            events += found
            active = active or line
    except Undecodable as exc:
        raise SSEError(str(exc)) from None
    return events, active


def _silent(last: float, idle: float | None) -> None:
    if idle is not None and time.monotonic() - last > idle:
        raise httpx.ReadTimeout(f"nothing arrived on the event stream for {idle:g} s")


def iter_events(response: httpx.Response) -> Iterator[Event]:
    """The events of a streamed response, until its body ends."""
    _check_type(response)
    policy, unzip, decoder = _decoders(response)
    idle, last = policy.idle_timeout, time.monotonic()
    chunks = response.iter_raw()
    while True:
        with watching(None if idle is None else last + idle):
            chunk = next(chunks, None)
        if chunk is None:
            return
        events, active = _events(unzip, decoder, chunk)
        if active:
            last = time.monotonic()
        else:
            _silent(last, idle)
        yield from events


async def aiter_events(response: httpx.Response) -> AsyncIterator[Event]:
    """iter_events(), for an async response."""
    _check_type(response)
    policy, unzip, decoder = _decoders(response)
    idle, last = policy.idle_timeout, time.monotonic()
    chunks = response.aiter_raw()
    while True:
        with watching(None if idle is None else last + idle):
            chunk = await anext(chunks, None)
        if chunk is None:
            return
        events, active = _events(unzip, decoder, chunk)
        if active:
            last = time.monotonic()
        else:
            _silent(last, idle)
        for event in events:
            yield event
