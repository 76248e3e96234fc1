"""`Client` and `AsyncClient`: `client.responses.create(...)` over httpx, for this vendor.

Everything vendor-specific (server, auth header and prefix, API key variable) comes from
`_vendor`, which the generator derives from the spec. Requests are checked against the
spec's request model before sending; answers are parsed strictly into `Response`.
Sending, retrying and the bounds on time, size and the key are _transport's (see there).
The API key never appears in `repr`, `str`, errors or logs.
"""

from __future__ import annotations

from typing import Any, Literal, overload

import httpx
from pydantic import BaseModel

from . import _transport, _vendor
from ._errors import ResponseValidationError
from ._issues import Issue, PayloadError
from ._json import JSONError, encode
from ._payloads import model_class, parse
from ._response import Response, as_response
from ._streaming import AsyncStream, Stream
from ._transport import DEFAULT_MAX_RESPONSE_BYTES, MAX_RETRIES, request_id

__all__ = ["AsyncClient", "Client"]

DEFAULT_TIMEOUT = 60.0


def _json_default(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    raise TypeError(f"cannot send a {type(value).__name__} as JSON")


def _encoded(body: dict) -> bytes:
    """Strict JSON of a request body; PayloadError naming the place of a NaN, a lone surrogate, ..."""
    try:
        return encode(body, default=_json_default)
    except JSONError as exc:
        raise PayloadError(
            "request",
            [Issue(exc.pointer, exc.message, "a JSON value", exc.found, "json")],
        ) from None


class _BaseClient:
    """Configuration and the pure steps shared by the sync and async clients."""

    def __init__(
        self,
        api_key: str | None,
        base_url: str | None,
        timeout,
        max_retries: int,
        default_headers,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ):
        key = _transport.api_key(api_key)
        self.base_url = (base_url or _vendor.SERVER_URL).rstrip("/")
        self.url = self.base_url + _vendor.RESPONSES_PATH
        self.timeout = _transport.checked_timeout(timeout)
        self.max_retries = _transport.checked_count(
            "max_retries", max_retries, 0, MAX_RETRIES
        )
        max_response_bytes = _transport.checked_count(
            "max_response_bytes", max_response_bytes, 1024, 1 << 40
        )
        self._policy = _transport.Policy(
            self.url, self.max_retries, max_response_bytes, _transport.Redactor(key)
        )
        self._timeout = httpx.Timeout(timeout).as_dict()
        self._headers = {
            "Accept": "application/json",
            "Accept-Encoding": "gzip, deflate",
            "Content-Type": "application/json",
            "User-Agent": f"{_vendor.VENDOR_ID}-responses",
            **(default_headers or {}),
            _vendor.AUTH_HEADER: _vendor.AUTH_PREFIX + key,
        }
        self._fields = frozenset(model_class("request").model_fields)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, api_key='***', max_retries={self.max_retries})"

    def _body(
        self, params: dict[str, Any], stream: bool, extra_body: dict | None
    ) -> bytes:
        """The JSON body: `params` checked against the vendor's request model, then `extra_body`."""
        unknown = sorted(set(params) - self._fields)
        if unknown:
            raise TypeError(
                f"{_vendor.VENDOR_ID} responses.create() got unknown parameter(s) {', '.join(unknown)}; "
                "pass fields the spec does not define in extra_body={...}"
            )
        body = dict(params, stream=True) if stream else dict(params)
        content = _encoded(body)
        parse(content, "request")
        if extra_body:
            body.update(extra_body)
            content = _encoded(body)
        return content

    def _request(
        self, content: bytes, stream: bool, extra_headers: dict | None, timeout
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

    def _parse(self, response: httpx.Response) -> Response:
        try:
            return as_response(parse(response.content, "response"))
        except PayloadError as exc:
            raise ResponseValidationError(
                "the response body does not fit the spec",
                exc.issues,
                response.status_code,
                request_id(response),
            ) from None


class _Responses:
    def __init__(self, client):
        self._client = client


class Responses(_Responses):
    """`client.responses`: POST /v1/responses."""

    @overload
    def create(self, *, stream: Literal[False] = False, **params: Any) -> Response: ...
    @overload
    def create(self, *, stream: Literal[True], **params: Any) -> Stream: ...

    def create(
        self,
        *,
        stream: bool = False,
        extra_body=None,
        extra_headers=None,
        timeout=None,
        **params,
    ):
        """Create a response; `params` are the request fields of the vendor's spec.

        With `stream=True` returns a Stream (a context manager of typed events); otherwise
        the parsed Response. Fields outside the spec go in `extra_body`.
        """
        client = self._client
        request = client._request(
            client._body(params, stream, extra_body), stream, extra_headers, timeout
        )
        response = client._send(request, stream)
        return Stream(response) if stream else client._parse(response)


class AsyncResponses(_Responses):
    """`client.responses` of AsyncClient."""

    async def create(
        self,
        *,
        stream: bool = False,
        extra_body=None,
        extra_headers=None,
        timeout=None,
        **params,
    ):
        """As Responses.create, awaited; `stream=True` gives an AsyncStream."""
        client = self._client
        request = client._request(
            client._body(params, stream, extra_body), stream, extra_headers, timeout
        )
        response = await client._send(request, stream)
        return AsyncStream(response) if stream else client._parse(response)


class Client(_BaseClient):
    """Synchronous client: `Client(api_key=None, base_url=None, timeout=60.0, max_retries=2)`;
    `max_response_bytes` (64 MiB) bounds an answer or a stream event, after decompression."""

    def __init__(
        self,
        api_key=None,
        base_url=None,
        timeout=DEFAULT_TIMEOUT,
        max_retries=2,
        default_headers=None,
        http_client=None,
        max_response_bytes=DEFAULT_MAX_RESPONSE_BYTES,
    ):
        super().__init__(
            api_key, base_url, timeout, max_retries, default_headers, max_response_bytes
        )
        self._own_http = http_client is None
        self._http = http_client or httpx.Client(timeout=timeout)
        self.responses = Responses(self)

    def _send(self, request: httpx.Request, stream: bool) -> httpx.Response:
        """Our own httpx client goes straight to its transport for the URL (same pool and proxies),
        skipping the redirect/cookie/auth layers a JSON POST does not use (measured: a third of
        httpx's per-call cost); a caller's `http_client` gets the full `send()`."""
        return _transport.send(
            self._http, request, stream, self._policy, self._own_http
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class AsyncClient(_BaseClient):
    """Asyncio client, same arguments as Client; `await client.responses.create(...)`."""

    def __init__(
        self,
        api_key=None,
        base_url=None,
        timeout=DEFAULT_TIMEOUT,
        max_retries=2,
        default_headers=None,
        http_client=None,
        max_response_bytes=DEFAULT_MAX_RESPONSE_BYTES,
    ):
        super().__init__(
            api_key, base_url, timeout, max_retries, default_headers, max_response_bytes
        )
        self._own_http = http_client is None
        self._http = http_client or httpx.AsyncClient(timeout=timeout)
        self.responses = AsyncResponses(self)

    async def _send(self, request: httpx.Request, stream: bool) -> httpx.Response:
        """As Client._send, awaited."""
        return await _transport.asend(
            self._http, request, stream, self._policy, self._own_http
        )

    async def close(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self.close()
