"""Sending one request: bounded in time, size and retries, with the API key never shown.

- Time: an attempt (waiting for a pooled connection, connecting, sending, receiving the whole
  answer) ends within its timeout whatever the server does: every socket operation gets only
  what is left of the attempt's deadline (see _deadlines). Streams get the same deadline until
  their headers arrive (see _sse for what bounds them after that).
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
import itertools
import logging
import math
import os
import random
import re
import time
import weakref
from collections import deque
from dataclasses import dataclass

import httpx

from . import _vendor
from ._deadlines import Watch, guard_pools, watching
from ._errors import (
    APIConnectionError,
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
MIN_REDACTED_CHARS = (
    4  # a shorter "key" is no secret, and redacting it would mangle text
)
STREAM_POLICY = "responses_bindings.stream"  # where a streamed httpx.Response carries its StreamPolicy

log = logging.getLogger(__package__)


# --- configuration ---------------------------------------------------------------------------


def api_key(given: object) -> str:
    """The key to send: `given`, else the vendor's environment variable; refused (without being
    quoted) unless it is printable ASCII without whitespace, quotes or backslashes."""
    source = "api_key" if given is not None else f"${_vendor.API_KEY_ENV}"
    key = given if given is not None else os.environ.get(_vendor.API_KEY_ENV)
    if not key:
        raise ResponsesError(
            f"no API key: pass api_key=... or set the {_vendor.API_KEY_ENV} environment variable"
        )
    if not isinstance(key, str):
        raise ResponsesError(
            f"the API key from {source} must be a str, not {type(key).__name__}"
        )
    for index, char in enumerate(key):
        if "!" <= char <= "~" and char not in '"\\':
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
        raise ResponsesError(
            f"the API key from {source} has {what} at position {index + 1} of {len(key)}; "
            "keys are printable ASCII without spaces or quotes"
        )
    return key


def checked_timeout(timeout: object) -> object:
    """`timeout` if it is None, an httpx.Timeout or a positive finite number of seconds."""
    values = (
        timeout.as_dict().values() if isinstance(timeout, httpx.Timeout) else [timeout]
    )
    for value in values:
        if value is None:
            continue
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or value <= 0
        ):
            raise ResponsesError(
                f"timeout must be a positive number of seconds, an httpx.Timeout or None, not {timeout!r}"
            )
    return timeout


def checked_count(name: str, value: object, low: int, high: int) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not low <= value <= high
    ):
        raise ResponsesError(
            f"{name} must be an integer from {low:,} to {high:,}, not {value!r}"
        )
    return value


class Redactor:
    """Replaces the key with `***` wherever it stands as a whole token (not inside a longer
    word), in text and in raw answers, also where JSON writes `/` as `\\/`."""

    def __init__(self, key: str):
        forms = (
            sorted({key, key.replace("/", "\\/")}, key=len, reverse=True)
            if len(key) >= MIN_REDACTED_CHARS
            else []
        )
        self._forms = forms
        # A token boundary: no word character or "-" next to the key, or a JSON escape before it.
        before = r"(?:(?<![\w-])|(?<=\\[nrtbf\"/\\])|(?<=\\u[0-9a-fA-F]{4}))"
        pattern = (
            before + "(?:" + "|".join(re.escape(form) for form in forms) + r")(?![\w-])"
        )
        self._text = re.compile(pattern, re.ASCII) if forms else None
        self._bytes = re.compile(pattern.encode(), re.ASCII) if forms else None

    def text(self, text: str) -> str:
        if not any(form in text for form in self._forms):
            return text
        return self._text.sub("***", text)

    def bytes(self, data: bytes) -> bytes:
        if not any(form.encode() in data for form in self._forms):
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
    redact: object = None  # bytes -> bytes
    abandoned: deque | None = (
        None  # where a stream collected unclosed leaves its response
    )


def request_id(response: httpx.Response) -> str | None:
    """The request id from the first of the vendors' request-id headers the answer carries."""
    for name in REQUEST_ID_HEADERS:
        if name in response.headers:
            return clipped(response.headers[name], 200)
    return None


def stream_policy(response: httpx.Response) -> StreamPolicy:
    return response.extensions.get(STREAM_POLICY) or StreamPolicy()


_GUARDED: weakref.WeakKeyDictionary = (
    weakref.WeakKeyDictionary()
)  # http client -> its abandoned responses


def _guard(http: httpx.Client | httpx.AsyncClient) -> deque:
    """Once per httpx client: its pools keep deadlines (see _deadlines); the queue of responses
    whose streams were collected unclosed."""
    abandoned = _GUARDED.get(http)
    if abandoned is None:
        guard_pools(http)
        abandoned = _GUARDED.setdefault(http, deque())
    return abandoned


def release_when_collected(owner: object, response: httpx.Response) -> None:
    """When `owner` (a stream) is garbage-collected unclosed, its response goes back to the
    client, which closes it (freeing its connection) before its next request."""
    abandoned = stream_policy(response).abandoned
    if abandoned is not None:
        weakref.finalize(owner, abandoned.append, response)


# --- bodies ----------------------------------------------------------------------------------


class _TooLarge(Exception):
    pass


def _collect(pieces, parts: list, size: int, limit: int, cut: bool) -> int:
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
    """Deadlines for transports without the guarded backend: checked between reads."""
    if watch.deadline is not None and time.monotonic() > watch.deadline:
        raise httpx.ReadTimeout("the client's deadline passed")


def _read(response: httpx.Response, limit: int, watch: Watch, cut: bool) -> bytes:
    """The decoded body, at most `limit` bytes (`cut`: stop there; else _TooLarge)."""
    unzip, parts, size = Unzip(response.headers.get("content-encoding", "")), [], 0
    try:
        for chunk in response.iter_raw():
            watch.received += len(chunk)
            size = _collect(unzip.feed(chunk), parts, size, limit, cut)
            if size < 0:
                return b"".join(parts)
            _late(watch)
        unzip.finish()
    finally:
        response.close()
    return b"".join(parts)


async def _aread(
    response: httpx.Response, limit: int, watch: Watch, cut: bool
) -> bytes:
    unzip, parts, size = Unzip(response.headers.get("content-encoding", "")), [], 0
    try:
        async for chunk in response.aiter_raw():
            watch.received += len(chunk)
            size = _collect(unzip.feed(chunk), parts, size, limit, cut)
            if size < 0:
                return b"".join(parts)
            _late(watch)
        unzip.finish()
    finally:
        await response.aclose()
    return b"".join(parts)


def _decoded(response: httpx.Response, body: bytes) -> httpx.Response:
    """A complete response holding the decoded `body`, as httpx would have built it."""
    dropped = {b"content-encoding", b"content-length", b"transfer-encoding"}
    headers = [
        (name, value)
        for name, value in response.headers.raw
        if name.lower() not in dropped
    ]
    extensions = {
        key: response.extensions[key]
        for key in ("http_version", "reason_phrase")
        if key in response.extensions
    }
    return httpx.Response(
        response.status_code,
        headers=headers,
        content=body,
        request=response.request,
        extensions=extensions,
    )


# --- one call: attempts, outcomes, retries -----------------------------------------------------


def _budget(request: httpx.Request) -> float | None:
    """The attempt's time budget: the largest of the request's timeouts (None: no deadline)."""
    values = [
        value
        for value in (request.extensions.get("timeout") or {}).values()
        if value is not None
    ]
    for value in values:
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or value <= 0
        ):
            raise ResponsesError(
                f"timeout must be a positive number of seconds, an httpx.Timeout or None, not {value!r}"
            )
    return max(values) if values else None


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
                seconds = (
                    email.utils.parsedate_to_datetime(value).timestamp() - time.time()
                )
        else:
            return None
    except (TypeError, ValueError, OverflowError):
        return None
    return max(seconds, 0.0) if math.isfinite(seconds) else None


def _delay(
    attempt: int, response: httpx.Response | None, budget: float | None
) -> float | None:
    """Seconds before the next attempt, or None when the server asks for longer than the timeout."""
    asked = _retry_after(response)
    if asked is not None:
        return (
            asked
            if asked <= (budget if budget is not None else MAX_RETRY_AFTER)
            else None
        )
    backoff = min(0.5 * 2**attempt, MAX_BACKOFF) * (1 - 0.25 * random.random())
    return backoff if budget is None else min(backoff, budget)


def _failure(
    exc: Exception, watch: Watch, policy: Policy, budget: float | None
) -> APIConnectionError:
    what = policy.redactor.text(f"{type(exc).__name__}: {exc}")
    timed_out = isinstance(exc, httpx.TimeoutException)
    if watch.received:
        how = "the timeout passed" if timed_out else f"the connection broke ({what})"
        return OutcomeUnknownError(
            f"POST {policy.url}: {how} after part of the answer had arrived; the server may have carried the "
            "request out, so it was not sent again",
            timed_out=timed_out,
        )
    if isinstance(exc, httpx.PoolTimeout):
        return APITimeoutError(
            f"POST {policy.url}: no free connection within {budget:g} s: every pooled connection is "
            "in use (close streams you no longer read, e.g. with `with`)"
        )
    if timed_out:
        return APITimeoutError(
            f"POST {policy.url}: no answer within the {budget:g} s timeout"
        )
    return APIConnectionError(f"connection to {policy.url} failed: {what}")


def _undecodable(response: httpx.Response, exc: Undecodable) -> ResponseValidationError:
    return ResponseValidationError(
        "the response body cannot be decoded",
        [Issue("", str(exc), keyword="encoding")],
        response.status_code,
        request_id(response),
    )


def _too_large(response: httpx.Response, policy: Policy) -> ResponseTooLargeError:
    limit = policy.max_response_bytes
    return ResponseTooLargeError(
        f"the answer to POST {policy.url} is larger than max_response_bytes ({limit:,} bytes, "
        "after decompression)",
        request_id(response),
        limit=limit,
    )


def _outcome(response: httpx.Response, body: bytes | None, policy: Policy):
    """(the decoded response, or None) and (the error, or None) of a fully read answer."""
    if body is None:
        return None, None
    body = policy.redactor.bytes(body)
    if response.is_success:
        return _decoded(response, body), None
    return None, status_error(
        response.status_code, body, request_id(response), policy.redactor.text
    )


def _streamed(
    response: httpx.Response, policy: Policy, budget: float | None, abandoned: deque
) -> httpx.Response:
    response.extensions[STREAM_POLICY] = StreamPolicy(
        budget, policy.max_response_bytes, policy.redactor.bytes, abandoned
    )
    return response


def _retrying(
    error: Exception, attempt: int, response, policy: Policy, budget: float | None
) -> float:
    """The delay before the next attempt; raises `error` when there is none."""
    if isinstance(error, APIStatusError):
        retryable = (
            error.status_code in RETRY_STATUSES
        )  # the server answered, and said so: nothing was done
    else:
        retryable = isinstance(error, APIConnectionError) and not isinstance(
            error, OutcomeUnknownError
        )
    delay = (
        _delay(attempt, response, budget)
        if retryable and attempt < policy.max_retries
        else None
    )
    if delay is None:
        if retryable and attempt < policy.max_retries:
            log.info(
                "not retrying POST %s: the server asked to wait %.0fs (Retry-After), longer than the timeout",
                policy.url,
                _retry_after(response),
            )
        raise error
    log.info(
        "retrying POST %s in %.2fs (attempt %d of %d) after: %s",
        policy.url,
        delay,
        attempt + 2,
        policy.max_retries + 1,
        error,
    )
    return delay


def send(
    http: httpx.Client, request: httpx.Request, stream: bool, policy: Policy, own: bool
) -> httpx.Response:
    """The answer to `request`: a complete (decoded) response, or for a stream one whose headers
    have arrived; a typed ResponsesError otherwise. `own`: `http` was made by the client, so
    it is sent straight to its transport (no redirect, cookie or auth layers)."""
    abandoned = _guard(http)
    while abandoned:
        with contextlib.suppress(httpx.HTTPError, OSError):
            abandoned.popleft().close()
    budget = _budget(request)
    for attempt in itertools.count():
        response = body = None
        with watching(None if budget is None else time.monotonic() + budget) as watch:
            try:
                if own:
                    response = http._transport_for_url(request.url).handle_request(
                        request
                    )
                    response.request = request
                else:
                    response = http.send(request, stream=True)
                watch.received = max(watch.received, 1)
                log.debug("POST %s -> %d", request.url, response.status_code)
                if stream and response.is_success:
                    return _streamed(response, policy, budget, abandoned)
                limit = (
                    policy.max_response_bytes
                    if response.is_success
                    else min(policy.max_response_bytes, ERROR_BODY_BYTES)
                )
                body = _read(response, limit, watch, cut=not response.is_success)
                error = None
            except httpx.TransportError as exc:
                error = _failure(exc, watch, policy, budget)
            except Undecodable as exc:
                error, body = (
                    (_undecodable(response, exc), None)
                    if response.is_success
                    else (None, f"({exc})".encode())
                )
            except _TooLarge:
                error = _too_large(response, policy)
        done, status = _outcome(response, body, policy)
        if done is not None:
            return done
        time.sleep(_retrying(error or status, attempt, response, policy, budget))


async def asend(
    http: httpx.AsyncClient,
    request: httpx.Request,
    stream: bool,
    policy: Policy,
    own: bool,
) -> httpx.Response:
    """send(), awaited."""
    abandoned = _guard(http)
    while abandoned:
        with contextlib.suppress(httpx.HTTPError, OSError):
            await abandoned.popleft().aclose()
    budget = _budget(request)
    for attempt in itertools.count():
        response = body = None
        with watching(None if budget is None else time.monotonic() + budget) as watch:
            try:
                if own:
                    response = await http._transport_for_url(
                        request.url
                    ).handle_async_request(request)
                    response.request = request
                else:
                    response = await http.send(request, stream=True)
                watch.received = max(watch.received, 1)
                log.debug("POST %s -> %d", request.url, response.status_code)
                if stream and response.is_success:
                    return _streamed(response, policy, budget, abandoned)
                limit = (
                    policy.max_response_bytes
                    if response.is_success
                    else min(policy.max_response_bytes, ERROR_BODY_BYTES)
                )
                body = await _aread(response, limit, watch, cut=not response.is_success)
                error = None
            except httpx.TransportError as exc:
                error = _failure(exc, watch, policy, budget)
            except Undecodable as exc:
                error, body = (
                    (_undecodable(response, exc), None)
                    if response.is_success
                    else (None, f"({exc})".encode())
                )
            except _TooLarge:
                error = _too_large(response, policy)
        done, status = _outcome(response, body, policy)
        if done is not None:
            return done
        await asyncio.sleep(
            _retrying(error or status, attempt, response, policy, budget)
        )
