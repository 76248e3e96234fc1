"""`Client` and `AsyncClient`: `client.responses.create(...)` over httpx, for this vendor.

Everything vendor-specific (server, auth header and prefix, API key variable) comes from
`_vendor`, which the generator derives from the spec. `create()` takes the request fields as
keyword arguments typed by `params.ResponseCreateParams`; they are checked against the
request's JSON Schema before sending; answers are parsed strictly into `Response`.
Retries: bounded exponential backoff on 408/409/429/5xx, timeouts and connection errors,
honouring `Retry-After`. The API key never appears in `repr`, `str`, errors or logs.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import os
import random
import time
import typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal, Unpack, overload

import httpx
from pydantic import BaseModel

from . import _vendor
from ._errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ResponsesError,
    ResponseValidationError,
    status_error,
)
from ._issues import Issue, PayloadError
from ._payloads import model_class, parse, validate
from ._streaming import AsyncStream, Stream
from .models import Response, ResponseStreamEvent

if TYPE_CHECKING:
    from .params import ResponseCreateParams

__all__ = ["AsyncClient", "Client"]

DEFAULT_TIMEOUT = 60.0
RETRY_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-dashscope-request-id")

Timeout = float | httpx.Timeout | None

log = logging.getLogger(__package__)


def _json_default(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_unset=True)
    raise TypeError(f"cannot send a {type(value).__name__} as JSON")


def _request_id(response: httpx.Response) -> str | None:
    for name in REQUEST_ID_HEADERS:
        if name in response.headers:
            return response.headers[name]
    return None


def _retry_after(response: httpx.Response | None) -> float | None:
    """Seconds the server asked us to wait (`retry-after-ms` or `Retry-After`), if sane."""
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
    except (TypeError, ValueError):
        return None
    return seconds if 0 <= seconds <= MAX_RETRY_AFTER else None


def responses_url(base_url: str) -> str:
    """The endpoint under `base_url`, written with or without the API version (`…/v1`)."""
    version, _, endpoint = _vendor.RESPONSES_PATH.rpartition("/")
    return base_url + (
        f"/{endpoint}"
        if version and base_url.endswith(version)
        else _vendor.RESPONSES_PATH
    )


class _BaseClient:
    """Configuration and the pure steps shared by the sync and async clients."""

    def __init__(
        self,
        api_key: str | None,
        base_url: str | None,
        timeout: Timeout,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
    ) -> None:
        key = api_key if api_key is not None else os.environ.get(_vendor.API_KEY_ENV)
        if not key:
            raise ResponsesError(
                f"no API key: pass api_key=... or set the {_vendor.API_KEY_ENV} environment variable"
            )
        self.__key = key
        self.base_url = (
            base_url or os.environ.get(_vendor.BASE_URL_ENV) or _vendor.SERVER_URL
        ).rstrip("/")
        self.url = responses_url(self.base_url)
        self.timeout = timeout
        self.max_retries = max_retries
        self._timeout = httpx.Timeout(timeout).as_dict()
        self._headers = {
            "Accept": "application/json",
            "Accept-Encoding": "gzip, deflate",
            "Content-Type": "application/json",
            "User-Agent": f"{_vendor.VENDOR_ID}-responses",
            **(default_headers or {}),
            _vendor.AUTH_HEADER: _vendor.AUTH_PREFIX + key,
        }
        self._fields = frozenset(
            field.alias or name
            for name, field in model_class("request").model_fields.items()
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, api_key='***', max_retries={self.max_retries})"

    def _redact(self, text: str) -> str:
        return text.replace(self.__key, "***")

    def _body(
        self,
        params: Mapping[str, object],
        stream: bool,
        extra_body: Mapping[str, object] | None,
    ) -> bytes:
        """The JSON body: `params` checked against the vendor's request schema, then `extra_body`."""
        unknown = sorted(set(params) - self._fields)
        if unknown:
            hint = (
                "not a request field of the spec; pass such fields in extra_body={...}"
            )
            raise PayloadError(
                "request",
                [
                    Issue(
                        f"/{name}",
                        f"{name}: {hint}",
                        "a request field",
                        "unknown parameter",
                    )
                    for name in unknown
                ],
            )
        body = dict(params, stream=True) if stream else dict(params)
        content = json.dumps(body, default=_json_default, ensure_ascii=False).encode()
        issues = validate(content, "request")
        if issues:
            raise PayloadError("request", issues)
        if extra_body:
            body.update(extra_body)
            content = json.dumps(
                body, default=_json_default, ensure_ascii=False
            ).encode()
        return content

    def _request(
        self,
        content: bytes,
        stream: bool,
        extra_headers: Mapping[str, str] | None,
        timeout: Timeout,
    ) -> httpx.Request:
        headers = self._headers
        if stream or extra_headers:
            headers = {**headers, **(extra_headers or {})}
            if stream:
                headers["Accept"] = "text/event-stream"
        chosen = self._timeout if timeout is None else httpx.Timeout(timeout).as_dict()
        return httpx.Request(
            "POST",
            self.url,
            content=content,
            headers=headers,
            extensions={"timeout": chosen},
        )

    def _failure(self, exc: Exception) -> APIConnectionError:
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(f"request to {self.url} timed out")
        return APIConnectionError(
            self._redact(
                f"connection to {self.url} failed: {type(exc).__name__}: {exc}"
            )
        )

    def _delay(
        self, attempt: int, response: httpx.Response | None, error: Exception
    ) -> float:
        """Seconds before retry `attempt + 1`: the server's Retry-After, else jittered backoff."""
        asked = _retry_after(response)
        delay = (
            asked
            if asked is not None
            else min(0.5 * 2**attempt, 8.0) * (1 - 0.25 * random.random())
        )
        log.info(
            "retrying POST %s in %.2fs (attempt %d of %d) after: %s",
            self.url,
            delay,
            attempt + 2,
            self.max_retries + 1,
            error,
        )
        return delay

    def _parse(self, response: httpx.Response) -> Response:
        try:
            return typing.cast(
                Response, parse(response.content, "response")
            )  # the response kind's class
        except PayloadError as exc:
            raise ResponseValidationError(
                "the response body does not fit the spec",
                exc.issues,
                response.status_code,
                _request_id(response),
            ) from None

    def _status_error(self, response: httpx.Response) -> APIStatusError:
        return status_error(
            response.status_code, response.content, _request_id(response), self._redact
        )


class Responses:
    """`client.responses`: POST /v1/responses."""

    def __init__(self, client: Client) -> None:
        self._client = client

    @overload
    def create(
        self,
        *,
        stream: Literal[False] | None = None,
        extra_body: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
        **params: Unpack[ResponseCreateParams],
    ) -> Response: ...
    @overload
    def create(
        self,
        *,
        stream: Literal[True],
        extra_body: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
        **params: Unpack[ResponseCreateParams],
    ) -> Stream[ResponseStreamEvent]: ...
    @overload
    def create(
        self,
        *,
        stream: bool | None = None,
        extra_body: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
        **params: Unpack[ResponseCreateParams],
    ) -> Response | Stream[ResponseStreamEvent]: ...

    def create(
        self,
        *,
        stream: bool | None = None,
        extra_body: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
        **params: Unpack[ResponseCreateParams],
    ) -> Response | Stream[ResponseStreamEvent]:
        """Create a response; `params` are the request fields of the vendor's spec.

        With `stream=True` returns a Stream (a context manager of typed events); otherwise
        the parsed Response. Fields outside the spec go in `extra_body`; `timeout` (seconds
        or an `httpx.Timeout`) overrides the client's for this call.
        """
        client = self._client
        request = client._request(
            client._body(params, bool(stream), extra_body),
            bool(stream),
            extra_headers,
            timeout,
        )
        response = client._send(request, bool(stream))
        return Stream(response) if stream else client._parse(response)


class AsyncResponses:
    """`client.responses` of AsyncClient."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    @overload
    async def create(
        self,
        *,
        stream: Literal[False] | None = None,
        extra_body: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
        **params: Unpack[ResponseCreateParams],
    ) -> Response: ...
    @overload
    async def create(
        self,
        *,
        stream: Literal[True],
        extra_body: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
        **params: Unpack[ResponseCreateParams],
    ) -> AsyncStream[ResponseStreamEvent]: ...
    @overload
    async def create(
        self,
        *,
        stream: bool | None = None,
        extra_body: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
        **params: Unpack[ResponseCreateParams],
    ) -> Response | AsyncStream[ResponseStreamEvent]: ...

    async def create(
        self,
        *,
        stream: bool | None = None,
        extra_body: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
        **params: Unpack[ResponseCreateParams],
    ) -> Response | AsyncStream[ResponseStreamEvent]:
        """As Responses.create, awaited; `stream=True` gives an AsyncStream."""
        client = self._client
        request = client._request(
            client._body(params, bool(stream), extra_body),
            bool(stream),
            extra_headers,
            timeout,
        )
        response = await client._send(request, bool(stream))
        return AsyncStream(response) if stream else client._parse(response)


class Client(_BaseClient):
    """Synchronous client for this vendor's POST /v1/responses.

    `api_key` defaults to the vendor's API key variable; `base_url` (with or without `/v1`) to
    its base URL variable, else the spec's server; `timeout` in seconds (or an `httpx.Timeout`); `max_retries` bounds
    the retries; `default_headers` are sent with every request; `http_client` is your own
    `httpx.Client` (then you close it).
    """

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(api_key, base_url, timeout, max_retries, default_headers)
        self._own_http = http_client is None
        self._http = http_client or httpx.Client(timeout=timeout)
        self.responses = Responses(self)

    def _transmit(self, request: httpx.Request, stream: bool) -> httpx.Response:
        """Our own httpx client: straight to its transport for the URL (same pool and proxies),
        skipping the redirect/cookie/auth layers a JSON POST does not use (measured: a third
        of httpx's per-call cost). A caller's `http_client` gets the full `send()`."""
        if not self._own_http:
            return self._http.send(request, stream=stream)
        response = self._http._transport_for_url(request.url).handle_request(request)
        response.request = request
        if not stream:
            response.read()
        log.debug("POST %s -> %d", request.url, response.status_code)
        return response

    def _send(self, request: httpx.Request, stream: bool) -> httpx.Response:
        for attempt in range(self.max_retries + 1):
            response = None
            try:
                response = self._transmit(request, stream)
            except httpx.TransportError as exc:
                error = self._failure(exc)
            else:
                if response.is_success:
                    return response
                if stream:
                    response.read()
                    response.close()
                error = self._status_error(response)
                if response.status_code not in RETRY_STATUSES:
                    raise error
            if attempt == self.max_retries:
                raise error
            time.sleep(self._delay(attempt, response, error))
        raise AssertionError("unreachable")

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncClient(_BaseClient):
    """Asyncio client, same arguments as Client (`http_client` an `httpx.AsyncClient`);
    `await client.responses.create(...)`."""

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(api_key, base_url, timeout, max_retries, default_headers)
        self._own_http = http_client is None
        self._http = http_client or httpx.AsyncClient(timeout=timeout)
        self.responses = AsyncResponses(self)

    async def _transmit(self, request: httpx.Request, stream: bool) -> httpx.Response:
        """As Client._transmit, awaited."""
        if not self._own_http:
            return await self._http.send(request, stream=stream)
        response = await self._http._transport_for_url(
            request.url
        ).handle_async_request(request)
        response.request = request
        if not stream:
            await response.aread()
        log.debug("POST %s -> %d", request.url, response.status_code)
        return response

    async def _send(self, request: httpx.Request, stream: bool) -> httpx.Response:
        for attempt in range(self.max_retries + 1):
            response = None
            try:
                response = await self._transmit(request, stream)
            except httpx.TransportError as exc:
                error = self._failure(exc)
            else:
                if response.is_success:
                    return response
                if stream:
                    await response.aread()
                    await response.aclose()
                error = self._status_error(response)
                if response.status_code not in RETRY_STATUSES:
                    raise error
            if attempt == self.max_retries:
                raise error
            await asyncio.sleep(self._delay(attempt, response, error))
        raise AssertionError("unreachable")

    async def close(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
