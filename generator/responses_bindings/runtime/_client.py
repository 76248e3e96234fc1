"""`Client` and `AsyncClient`: `client.responses.create(...)` over httpx, for this vendor.

Everything vendor-specific (server, auth header and prefix, API key variable) comes from
`_vendor`, which the generator derives from the spec. `create()` takes the request fields as
keyword arguments typed by `params.ResponseCreateParams`; they are checked against the
request's JSON Schema before sending; answers are parsed strictly into `Response`.
Sending, retrying and the bounds on time, size and the key are _transport's (see there).
The API key never appears in `repr`, `str`, errors or logs.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Generic, Literal, TypeVar, Unpack, overload

import httpx
from pydantic import BaseModel

from . import _transport, _vendor
from ._errors import ResponseValidationError
from ._issues import Issue, PayloadError
from ._json import JSONError, encode
from ._payloads import Validation, check_policy, kind_type, parse, validate
from ._streaming import AsyncStream, Stream
from ._transport import DEFAULT_MAX_RESPONSE_BYTES, MAX_RETRIES, request_id
from .models import Response, ResponseStreamEvent

if TYPE_CHECKING:
    from .params import ResponseCreateParams

__all__ = ["AsyncClient", "Client"]

DEFAULT_TIMEOUT = 60.0
Timeout = float | httpx.Timeout | None


def _json_default(value: object) -> object:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_unset=True)
    raise TypeError(f"cannot send a {type(value).__name__} as JSON")


def _encoded(body: dict) -> bytes:
    """Strict JSON of a request body; PayloadError naming the place of a NaN, a lone surrogate, ..."""
    try:
        return encode(body, default=_json_default)
    except JSONError as exc:
        raise PayloadError("request", [Issue(exc.pointer, exc.message, "a JSON value", exc.found, "json")]) from None


def responses_url(base_url: str) -> str:
    """The endpoint under `base_url`, written with or without the API version (`…/v1`)."""
    version, _, endpoint = _vendor.RESPONSES_PATH.rpartition("/")
    return base_url + (f"/{endpoint}" if version and base_url.endswith(version) else _vendor.RESPONSES_PATH)


HTTP = TypeVar("HTTP", httpx.Client, httpx.AsyncClient)


class _BaseClient(Generic[HTTP]):
    """Configuration and the pure steps shared by the sync and async clients."""

    def __init__(
        self,
        api_key: str | None,
        base_url: str | None,
        timeout: Timeout,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        max_response_bytes: int,
        validation: Validation,
    ) -> None:
        key = _transport.api_key(api_key)
        check_policy(validation)
        self.validation: Validation = validation
        self.base_url = (base_url or os.environ.get(_vendor.BASE_URL_ENV) or _vendor.SERVER_URL).rstrip("/")
        self.url = responses_url(self.base_url)
        self.timeout = _transport.checked_timeout(timeout)
        self.max_retries = _transport.checked_count("max_retries", max_retries, 0, MAX_RETRIES)
        max_response_bytes = _transport.checked_count("max_response_bytes", max_response_bytes, 1024, 1 << 40)
        self._policy = _transport.Policy(self.url, self.max_retries, max_response_bytes, _transport.Redactor(key))
        self._timeout = httpx.Timeout(timeout).as_dict()
        self._headers = {
            "Accept": "application/json",
            "Accept-Encoding": "gzip, deflate",
            "Content-Type": "application/json",
            "User-Agent": f"{_vendor.VENDOR_ID}-responses",
            **_transport.checked_headers(default_headers, "default_headers"),
            _vendor.AUTH_HEADER: _vendor.AUTH_PREFIX + key,
        }
        self._fields = frozenset(field.alias or name for name, field in kind_type("request").model_fields.items())
        self._callers_http: HTTP | None = None
        self._own_http_client: HTTP | None = None
        self._making = threading.Lock()  # one own httpx client, made at the first request
        self._closed = False

    def _new_http(self) -> HTTP:
        """A new httpx client of our own (sync or async: the subclass says)."""
        raise NotImplementedError

    @property
    def _http(self) -> HTTP:
        """The caller's httpx client, else our own, made at the first request (making one loads
        the TLS certificates, which would make Client() itself cost 50-90 ms)."""
        if self._callers_http is not None:
            return self._callers_http
        with self._making:
            if self._own_http_client is None:
                if self._closed:
                    raise RuntimeError("Cannot send a request, as the client has been closed.")  # httpx's words
                self._own_http_client = self._new_http()
            return self._own_http_client

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, api_key='***', max_retries={self.max_retries})"

    def _body(self, params: Mapping[str, object], stream: bool, extra_body: Mapping[str, object] | None) -> bytes:
        """The JSON body: `params` checked against the vendor's request schema, then `extra_body`."""
        unknown = sorted(set(params) - self._fields)
        if unknown:
            hint = "not a request field of the spec; pass such fields in extra_body={...}"
            raise PayloadError("request", [
                Issue(f"/{name}", f"{name}: {hint}", "a request field", "unknown parameter", "additionalProperties")
                for name in unknown
            ])
        body = dict(params, stream=True) if stream else dict(params)
        content = _encoded(body)
        issues = validate(content, "request")
        if issues:
            raise PayloadError("request", issues)
        if extra_body:
            body.update(extra_body)
            content = _encoded(body)
        return content

    def _request(self, content: bytes, stream: bool, extra_headers: Mapping[str, str] | None, timeout: Timeout) -> httpx.Request:
        headers = self._headers
        if stream or extra_headers:
            headers = {**headers, **_transport.checked_headers(extra_headers, "extra_headers")}
            if stream:
                headers["Accept"] = "text/event-stream"
        extensions = {"timeout": self._timeout if timeout is None else httpx.Timeout(timeout).as_dict()}
        if self._callers_http is not None:  # its own headers, cookies and event hooks apply, as in httpx
            return self._callers_http.build_request("POST", self.url, content=content, headers=headers, extensions=extensions)
        return httpx.Request("POST", self.url, content=content, headers=headers, extensions=extensions)

    def _policy_of(self, validation: Validation | None) -> Validation:
        """The call's policy, else the client's."""
        if validation is None:
            return self.validation
        check_policy(validation)
        return validation

    def _parse(self, response: httpx.Response, validation: Validation) -> Response:
        try:
            return parse(response.content, "response", validation=validation)
        except PayloadError as exc:
            raise ResponseValidationError(
                "the response body does not fit the spec", exc.issues, response.status_code, request_id(response),
                body=response.content, headers=response.headers,
            ) from None


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
        validation: Validation | None = None,
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
        validation: Validation | None = None,
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
        validation: Validation | None = None,
        **params: Unpack[ResponseCreateParams],
    ) -> Response | Stream[ResponseStreamEvent]: ...

    def create(
        self,
        *,
        stream: bool | None = None,
        extra_body: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
        validation: Validation | None = None,
        **params: Unpack[ResponseCreateParams],
    ) -> Response | Stream[ResponseStreamEvent]:
        """Create a response; `params` are the request fields of the vendor's spec.

        With `stream=True` returns a Stream (a context manager of typed events); otherwise
        the parsed Response. Fields outside the spec go in `extra_body`; `timeout` (seconds
        or an `httpx.Timeout`) and `validation` (see parse()) override the client's for this call.
        """
        client = self._client
        policy = client._policy_of(validation)
        request = client._request(client._body(params, bool(stream), extra_body), bool(stream), extra_headers, timeout)
        response = client._send(request, bool(stream))
        return Stream(response, policy) if stream else client._parse(response, policy)


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
        validation: Validation | None = None,
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
        validation: Validation | None = None,
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
        validation: Validation | None = None,
        **params: Unpack[ResponseCreateParams],
    ) -> Response | AsyncStream[ResponseStreamEvent]: ...

    async def create(
        self,
        *,
        stream: bool | None = None,
        extra_body: Mapping[str, object] | None = None,
        extra_headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
        validation: Validation | None = None,
        **params: Unpack[ResponseCreateParams],
    ) -> Response | AsyncStream[ResponseStreamEvent]:
        """As Responses.create, awaited; `stream=True` gives an AsyncStream."""
        client = self._client
        policy = client._policy_of(validation)
        request = client._request(client._body(params, bool(stream), extra_body), bool(stream), extra_headers, timeout)
        response = await client._send(request, bool(stream))
        return AsyncStream(response, policy) if stream else client._parse(response, policy)


class Client(_BaseClient[httpx.Client]):
    """Synchronous client for this vendor's POST /v1/responses.

    `api_key` defaults to the vendor's API key variable; `base_url` (with or without `/v1`) to
    its base URL variable, else the spec's server; `timeout` in seconds (or an `httpx.Timeout`); `max_retries` bounds
    the retries; `default_headers` are sent with every request; `http_client` is your own
    `httpx.Client` (then you close it); `max_response_bytes` (64 MiB) bounds an answer or a
    stream event, after decompression; `validation` is the policy for answers that deviate
    from the spec (see parse(): "warn", the default, keeps them and logs; "spec"/"strict" raise
    ResponseValidationError; "off" skips the check).
    """

    def __init__(
        self,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        validation: Validation = "warn",
    ) -> None:
        super().__init__(api_key, base_url, timeout, max_retries, default_headers, max_response_bytes, validation)
        self._callers_http = http_client
        self.responses = Responses(self)

    def _new_http(self) -> httpx.Client:
        return _transport.http_client(self.timeout)

    def _send(self, request: httpx.Request, stream: bool) -> httpx.Response:
        """Our own httpx client goes straight to its transport for the URL (same pool and proxies),
        skipping the redirect/cookie/auth layers a JSON POST does not use (measured: a third of
        httpx's per-call cost); a caller's `http_client` gets the full `send()`."""
        return _transport.send(self._http, request, stream, self._policy, self._callers_http is None)

    def close(self) -> None:
        self._closed = True
        http = self._callers_http or self._own_http_client
        if http is not None:
            http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncClient(_BaseClient[httpx.AsyncClient]):
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
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        validation: Validation = "warn",
    ) -> None:
        super().__init__(api_key, base_url, timeout, max_retries, default_headers, max_response_bytes, validation)
        self._callers_http = http_client
        self.responses = AsyncResponses(self)

    def _new_http(self) -> httpx.AsyncClient:
        return _transport.async_http_client(self.timeout)

    async def _send(self, request: httpx.Request, stream: bool) -> httpx.Response:
        """As Client._send, awaited."""
        return await _transport.asend(self._http, request, stream, self._policy, self._callers_http is None)

    async def close(self) -> None:
        self._closed = True
        http = self._callers_http or self._own_http_client
        if http is not None:
            await http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
