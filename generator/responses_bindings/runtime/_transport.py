"""Sending one request: bounded in time, size and retries, with the API key never shown.

- Time: an attempt (waiting for a pooled connection, connecting, sending, receiving the whole
  answer) ends within its timeout whatever the server does: every socket operation gets only
  what is left of the attempt's deadline (see _deadlines). Streams get the same deadline until
  their headers arrive (see _sse for what bounds them after that).
- Route: the client's own httpx client sends through our transport (_deadlines.Transport),
  made on first use, straight (no redirect, cookie or auth layers: a JSON POST uses none);
  when the environment names a proxy, or the caller gave their own `http_client`, httpx's
  full `send()` routes the request, and the deadline is checked between reads.
- Size: bodies are decompressed in small steps (see _unzip) and stop at `max_response_bytes`
  (error bodies at ERROR_BODY_BYTES, then cut), so a compression bomb costs at most the limit.
- Retries: 408/409/429/5xx answers, timeouts and failed connections are retried with bounded,
  jittered backoff, or after the server's Retry-After when that fits in the timeout; never
  once an answer has begun and then broken off (OutcomeUnknownError: the server may have
  carried the request out).
- The key: refused at construction unless it is printable ASCII without spaces or quotes
  (never quoted in the refusal); redacted, as a whole token, from every answer before it is
  parsed, so no error, `body` or log line can show it.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import logging
import math
import os
import random
import re
import time
import urllib.request
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

import httpx

from . import _vendor
from ._deadlines import AsyncTransport, Transport, Watch, watching
from ._errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    OutcomeUnknownError,
    ResponsesError,
    ResponseTooLargeError,
    ResponseValidationError,
    clipped,
    status_error,
)
from ._issues import Issue
from ._unzip import Undecodable, Unzip

__all__: list[str] = []

DEFAULT_MAX_RESPONSE_BYTES = 64 << 20
ERROR_BODY_BYTES = 1 << 20  # a non-2xx body is read this far, then cut
RETRY_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504})
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-dashscope-request-id")
MAX_BACKOFF = 8.0
MAX_RETRY_AFTER = 60.0  # the longest Retry-After honoured when there is no timeout
MAX_RETRIES = 100
MIN_REDACTED_CHARS = 4  # a shorter "key" is no secret, and redacting it would mangle text
STREAM_POLICY = "responses_bindings.stream"  # where a streamed httpx.Response carries its StreamPolicy

log = logging.getLogger(__package__)


# --- configuration ---------------------------------------------------------------------------


def api_key(given: object) -> str:
    """The key to send: `given`, else the vendor's environment variable; refused (without being
    quoted) unless it is printable ASCII without whitespace, quotes or backslashes."""
    source = "api_key" if given is not None else f"${_vendor.API_KEY_ENV}"
    key = given if given is not None else os.environ.get(_vendor.API_KEY_ENV)
    if not key:
        raise ResponsesError(f"no API key: pass api_key=... or set the {_vendor.API_KEY_ENV} environment variable")
    if not isinstance(key, str):
        raise ResponsesError(f"the API key from {source} must be a str, not {type(key).__name__}")
    for index, char in enumerate(key):
        if "!" <= char <= "~" and char not in "\"\\":
            continue
        if char in "\r\n":
            what = "a line break (a key read from a file? strip its newline)"
        elif char.isspace():
            what = "whitespace"
        elif ord(char) < 32 or ord(char) == 127:
            what = "a control character"
        elif ord(char) > 127:
            what = "a non-ASCII character"
        else:
            what = "a quote or backslash"
        raise ResponsesError(f"the API key from {source} has {what} at position {index + 1} of {len(key)}; "
                             "keys are printable ASCII without spaces or quotes")
    return key


def checked_timeout(timeout: float | httpx.Timeout | None) -> float | httpx.Timeout | None:
    """`timeout` if it is None, an httpx.Timeout or a positive finite number of seconds."""
    values = timeout.as_dict().values() if isinstance(timeout, httpx.Timeout) else [timeout]
    for value in values:
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
            raise ResponsesError(f"timeout must be a positive number of seconds, an httpx.Timeout or None, not {timeout!r}")
    return timeout


def checked_headers(headers: object, argument: str) -> dict[str, str]:
    """`headers` (a mapping, or None) as a dict; ResponsesError naming the header unless each
    name and value is printable ASCII text (what HTTP/1.1 carries; httpx would raise a bare
    UnicodeEncodeError, and a line break would smuggle in a header of its own)."""
    if headers is None:
        return {}
    if not isinstance(headers, Mapping):
        raise ResponsesError(f"{argument} must be a mapping of header names to values, not {type(headers).__name__}")
    for name, value in headers.items():
        for part, text in (("name", name), ("value", value)):
            if not isinstance(text, str):
                raise ResponsesError(f"{argument}: header {name!r}: the {part} must be a str, not {type(text).__name__}")
            if not all(" " <= char <= "~" or char == "\t" for char in text):
                raise ResponsesError(f"{argument}: header {name!r}: the {part} must be printable ASCII text "
                                     "(percent-encode other characters, as RFC 8187 does)")
    return dict(headers)


def checked_count(name: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ResponsesError(f"{name} must be an integer from {low:,} to {high:,}, not {value!r}")
    return value


class Redactor:
    """Replaces the key with `***` wherever it stands as a whole token (not inside a longer
    word), in text and in raw answers, also where JSON writes `/` as `\\/`."""

    def __init__(self, key: str):
        forms = sorted({key, key.replace("/", "\\/")}, key=len, reverse=True) if len(key) >= MIN_REDACTED_CHARS else []
        self._forms = forms
        self._byte_forms = [form.encode() for form in forms]
        # A token boundary: no word character or "-" next to the key, or a JSON escape before it.
        before = r"(?:(?<![\w-])|(?<=\\[nrtbf\"/\\])|(?<=\\u[0-9a-fA-F]{4}))"
        pattern = before + "(?:" + "|".join(re.escape(form) for form in forms) + r")(?![\w-])"
        self._text = re.compile(pattern, re.ASCII)
        self._bytes = re.compile(pattern.encode(), re.ASCII)

    def text(self, text: str) -> str:
        if not any(form in text for form in self._forms):
            return text
        return self._text.sub("***", text)

    def bytes(self, data: bytes) -> bytes:
        if not any(form in data for form in self._byte_forms):
            return data
        return self._bytes.sub(b"***", data)


@dataclass(frozen=True)
class Policy:
    """One client's bounds: the endpoint, retries, the size of an answer, and its key's redactor."""

    url: str
    max_retries: int
    max_response_bytes: int
    redactor: Redactor


@dataclass
class StreamPolicy:
    """What bounds a stream once its headers have arrived (read by _sse)."""

    idle_timeout: float | None = None
    max_event_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    redact: Callable[[bytes], bytes] | None = None
    abandoned: deque[httpx.Response] | None = None  # where a stream collected unclosed leaves its response


def request_id(response: httpx.Response) -> str | None:
    """The request id from the first of the vendors' request-id headers the answer carries."""
    for name in REQUEST_ID_HEADERS:
        if name in response.headers:
            return clipped(response.headers[name], 200)
    return None


def stream_policy(response: httpx.Response) -> StreamPolicy:
    return response.extensions.get(STREAM_POLICY) or StreamPolicy()


def release_when_collected(owner: object, response: httpx.Response) -> None:
    """When `owner` (a stream) is garbage-collected unclosed, its response goes back to the
    client, which closes it (freeing its connection) before its next request."""
    abandoned = stream_policy(response).abandoned
    if abandoned is not None:
        weakref.finalize(owner, abandoned.append, response)


# --- routes: which transport sends, per httpx client -------------------------------------------


T = TypeVar("T", Transport, AsyncTransport)


@dataclass
class _Route(Generic[T]):
    """How requests of one httpx client reach the network: `transport` is ours (see _deadlines)
    for the client's own httpx client, None for a caller's or behind a proxy (httpx's full
    `send()`); `abandoned` holds the responses of streams collected unclosed."""

    transport: T | None
    abandoned: deque[httpx.Response]


_ROUTES: weakref.WeakKeyDictionary[httpx.Client, _Route[Transport]] = weakref.WeakKeyDictionary()
_AROUTES: weakref.WeakKeyDictionary[httpx.AsyncClient, _Route[AsyncTransport]] = weakref.WeakKeyDictionary()


def _proxied() -> bool:
    """Whether the environment names a proxy (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY), as httpx reads it."""
    return any(scheme in urllib.request.getproxies() for scheme in ("http", "https", "all"))


def http_client(timeout: float | httpx.Timeout | None) -> httpx.Client:
    """The client's own httpx client: over our guarded Transport (so closing it closes our pool),
    or, when the environment names a proxy, httpx's default one, whose routing honours it."""
    if _proxied():
        http = httpx.Client(timeout=timeout)
        _ROUTES[http] = _Route(None, deque())
    else:
        transport = Transport()
        http = httpx.Client(timeout=timeout, transport=transport)
        _ROUTES[http] = _Route(transport, deque())
    return http


def async_http_client(timeout: float | httpx.Timeout | None) -> httpx.AsyncClient:
    """http_client(), for AsyncClient."""
    if _proxied():
        http = httpx.AsyncClient(timeout=timeout)
        _AROUTES[http] = _Route(None, deque())
    else:
        transport = AsyncTransport()
        http = httpx.AsyncClient(timeout=timeout, transport=transport)
        _AROUTES[http] = _Route(transport, deque())
    return http


def _route(http: httpx.Client, own: bool) -> _Route[Transport]:
    """The route of `http`: as http_client() made it; else httpx's `send()` for a caller's client.
    An `own` client made elsewhere (plain httpx.Client()) gets our Transport on first use,
    closed when `http` is collected or found closed (httpx's `send()` then refuses)."""
    route = _ROUTES.get(http)
    if route is None:
        route = _ROUTES[http] = _Route(Transport() if own and not _proxied() else None, deque())
        if route.transport is not None:
            weakref.finalize(http, route.transport.close)
    if route.transport is not None and http.is_closed:
        route.transport.close()
        route.transport = None
    return route


async def _aroute(http: httpx.AsyncClient, own: bool) -> _Route[AsyncTransport]:
    """_route() for an async client (an `own` one made elsewhere leaves its pool's sockets to
    the garbage collector if it is never used after closing: closing them is awaited)."""
    route = _AROUTES.get(http)
    if route is None:
        route = _AROUTES[http] = _Route(AsyncTransport() if own and not _proxied() else None, deque())
    if route.transport is not None and http.is_closed:
        await route.transport.aclose()
        route.transport = None
    return route


# --- bodies ----------------------------------------------------------------------------------


class _TooLarge(Exception):
    pass


def _collect(pieces: Iterable[bytes], parts: list[bytes], size: int, limit: int, cut: bool) -> int:
    for piece in pieces:
        size += len(piece)
        if size > limit:
            if not cut:
                raise _TooLarge
            parts.append(piece[: len(piece) - (size - limit)])
            return -1
        parts.append(piece)
    return size


def _late(watch: Watch) -> None:
    """The deadline, for a caller's transport (whose sockets keep httpx's own timing): checked between reads."""
    if watch.deadline is not None and time.monotonic() > watch.deadline:
        raise httpx.ReadTimeout("the client's deadline passed")


class _Reader:
    """Reads an answer's body: decoded, redacted, at most the policy's size (an error body is cut there)."""

    def __init__(self, response: httpx.Response, policy: Policy, watch: Watch):
        self.response, self.policy, self.watch = response, policy, watch
        self.cut = not response.is_success
        self.limit = min(policy.max_response_bytes, ERROR_BODY_BYTES) if self.cut else policy.max_response_bytes
        self.parts: list[bytes] = []
        self.size = 0

    def start(self) -> Unzip | None:
        """The decoder of the body's Content-Encoding; None when this client cannot undo it (see `undecodable`)."""
        try:
            return Unzip(self.response.headers.get("content-encoding", ""))
        except Undecodable as exc:
            self.undecodable(exc)
            return None

    def feed(self, unzip: Unzip, chunk: bytes) -> bool:
        """Takes one raw chunk; False once the body is complete (cut at the limit)."""
        self.watch.received += len(chunk)
        try:
            self.size = _collect(unzip.feed(chunk), self.parts, self.size, self.limit, self.cut)
        except _TooLarge:
            limit = self.policy.max_response_bytes
            raise ResponseTooLargeError(f"the answer to POST {self.policy.url} is larger than max_response_bytes "
                                        f"({limit:,} bytes, after decompression)", request_id(self.response),
                                        limit=limit) from None
        except Undecodable as exc:
            self.undecodable(exc)
            return False
        _late(self.watch)
        return self.size >= 0

    def finish(self, unzip: Unzip) -> None:
        try:
            unzip.finish()
        except Undecodable as exc:
            self.undecodable(exc)

    def undecodable(self, exc: Undecodable) -> None:
        """A 2xx body that cannot be decoded is a ResponseValidationError; an error body becomes the reason."""
        if self.response.is_success:
            raise ResponseValidationError("the response body cannot be decoded", [Issue("", str(exc), keyword="encoding")],
                                          self.response.status_code, request_id(self.response))
        self.parts, self.size = [f"({exc})".encode()], -1

    def answer(self) -> httpx.Response:
        """The complete response holding the decoded, redacted body; APIStatusError for a non-2xx answer."""
        response, body = self.response, self.policy.redactor.bytes(b"".join(self.parts))
        if not response.is_success:
            raise status_error(response.status_code, body, request_id(response), self.policy.redactor.text)
        dropped = {b"content-encoding", b"content-length", b"transfer-encoding"}
        headers = [(name, value) for name, value in response.headers.raw if name.lower() not in dropped]
        extensions = {key: response.extensions[key] for key in ("http_version", "reason_phrase") if key in response.extensions}
        return httpx.Response(response.status_code, headers=headers, content=body, request=response.request,
                              extensions=extensions)


def _read(response: httpx.Response, policy: Policy, watch: Watch) -> httpx.Response:
    reader = _Reader(response, policy, watch)
    try:
        unzip = reader.start()
        if unzip is not None:
            for chunk in response.iter_raw():
                if not reader.feed(unzip, chunk):
                    break
            else:
                reader.finish(unzip)
    finally:
        response.close()
    return reader.answer()


async def _aread(response: httpx.Response, policy: Policy, watch: Watch) -> httpx.Response:
    reader = _Reader(response, policy, watch)
    try:
        unzip = reader.start()
        if unzip is not None:
            async for chunk in response.aiter_raw():
                if not reader.feed(unzip, chunk):
                    break
            else:
                reader.finish(unzip)
    finally:
        await response.aclose()
    return reader.answer()


# --- one call: attempts, outcomes, retries -----------------------------------------------------


def _budget(request: httpx.Request) -> float | None:
    """The attempt's time budget: the largest of the request's timeouts (None: no deadline)."""
    values = [value for value in (request.extensions.get("timeout") or {}).values() if value is not None]
    for value in values:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
            raise ResponsesError(f"timeout must be a positive number of seconds, an httpx.Timeout or None, not {value!r}")
    return max(values) if values else None


def _deadline(budget: float | None) -> float | None:
    return None if budget is None else time.monotonic() + budget


def _retry_after(response: httpx.Response | None) -> float | None:
    """Seconds the server asked us to wait (`retry-after-ms` or `Retry-After`), if readable."""
    if response is None:
        return None
    headers = response.headers
    try:
        if "retry-after-ms" in headers:
            seconds = float(headers["retry-after-ms"]) / 1000
        elif "retry-after" in headers:
            value = headers["retry-after"]
            try:
                seconds = float(value)
            except ValueError:
                seconds = email.utils.parsedate_to_datetime(value).timestamp() - time.time()
        else:
            return None
    except (TypeError, ValueError, OverflowError):
        return None
    return max(seconds, 0.0) if math.isfinite(seconds) else None


def _delay(attempt: int, response: httpx.Response | None, budget: float | None) -> float | None:
    """Seconds before the next attempt, or None when the server asks for longer than the timeout."""
    asked = _retry_after(response)
    if asked is not None:
        return asked if asked <= (budget if budget is not None else MAX_RETRY_AFTER) else None
    backoff = min(0.5 * 2**attempt, MAX_BACKOFF) * (1 - 0.25 * random.random())
    return backoff if budget is None else min(backoff, budget)


def _failure(exc: Exception, watch: Watch, policy: Policy, budget: float | None) -> APIConnectionError:
    what = policy.redactor.text(f"{type(exc).__name__}: {exc}")
    timed_out = isinstance(exc, httpx.TimeoutException)
    if watch.received:
        how = "the timeout passed" if timed_out else f"the connection broke ({what})"
        return OutcomeUnknownError(
            f"POST {policy.url}: {how} after part of the answer had arrived; the server may have carried the "
            "request out, so it was not sent again", timed_out=timed_out)
    if isinstance(exc, httpx.PoolTimeout):
        return APITimeoutError(f"POST {policy.url}: no free connection within {budget:g} s: every pooled connection is "
                               "in use (close streams you no longer read, e.g. with `with`)")
    if timed_out:
        return APITimeoutError(f"POST {policy.url}: no answer within the {budget:g} s timeout")
    return APIConnectionError(f"connection to {policy.url} failed: {what}")


def _streamed(response: httpx.Response, policy: Policy, budget: float | None, abandoned: deque[httpx.Response]) -> httpx.Response:
    response.extensions[STREAM_POLICY] = StreamPolicy(budget, policy.max_response_bytes, policy.redactor.bytes, abandoned)
    return response


def _retrying(error: APIError, attempt: int, response: httpx.Response | None, policy: Policy, budget: float | None) -> float:
    """The delay before the next attempt; raises `error` when there is none."""
    if isinstance(error, APIStatusError):
        retryable = error.status_code in RETRY_STATUSES  # the server answered, and said so: nothing was done
    else:
        retryable = isinstance(error, APIConnectionError) and not isinstance(error, OutcomeUnknownError)
    delay = _delay(attempt, response, budget) if retryable and attempt < policy.max_retries else None
    if delay is None:
        if retryable and attempt < policy.max_retries:
            log.info("not retrying POST %s: the server asked to wait %.0fs (Retry-After), longer than the timeout",
                     policy.url, _retry_after(response))
        raise error
    log.info("retrying POST %s in %.2fs (attempt %d of %d) after: %s", policy.url, delay, attempt + 2,
             policy.max_retries + 1, error)
    return delay


def send(http: httpx.Client, request: httpx.Request, stream: bool, policy: Policy, own: bool) -> httpx.Response:
    """The answer to `request`: a complete (decoded) response, or for a stream one whose headers
    have arrived; a typed ResponsesError otherwise. `own`: `http` was made by the client, so
    requests go straight to our guarded transport (no redirect, cookie or auth layers); a
    caller's `http_client` gets its full `send()`."""
    route = _route(http, own)
    while route.abandoned:
        with contextlib.suppress(httpx.HTTPError, OSError):
            route.abandoned.popleft().close()
    budget = _budget(request)
    attempt = 0
    while True:
        response: httpx.Response | None = None
        with watching(_deadline(budget)) as watch:
            try:
                if route.transport is not None:
                    response = route.transport.handle_request(request)
                else:
                    response = http.send(request, stream=True)
                watch.received = max(watch.received, 1)
                log.debug("POST %s -> %d", request.url, response.status_code)
                if stream and response.is_success:
                    return _streamed(response, policy, budget, route.abandoned)
                return _read(response, policy, watch)
            except httpx.TransportError as exc:
                error: APIError = _failure(exc, watch, policy, budget)
            except APIStatusError as exc:
                error = exc
        time.sleep(_retrying(error, attempt, response, policy, budget))
        attempt += 1


async def asend(http: httpx.AsyncClient, request: httpx.Request, stream: bool, policy: Policy, own: bool) -> httpx.Response:
    """send(), awaited."""
    route = await _aroute(http, own)
    while route.abandoned:
        with contextlib.suppress(httpx.HTTPError, OSError):
            await route.abandoned.popleft().aclose()
    budget = _budget(request)
    attempt = 0
    while True:
        response: httpx.Response | None = None
        with watching(_deadline(budget)) as watch:
            try:
                if route.transport is not None:
                    response = await route.transport.handle_async_request(request)
                else:
                    response = await http.send(request, stream=True)
                watch.received = max(watch.received, 1)
                log.debug("POST %s -> %d", request.url, response.status_code)
                if stream and response.is_success:
                    return _streamed(response, policy, budget, route.abandoned)
                return await _aread(response, policy, watch)
            except httpx.TransportError as exc:
                error: APIError = _failure(exc, watch, policy, budget)
            except APIStatusError as exc:
                error = exc
        await asyncio.sleep(_retrying(error, attempt, response, policy, budget))
        attempt += 1
