"""Deadlines that hold against a trickling server: every socket operation gets what is left.

httpx gives each read its own timeout, so a server sending one byte per read timeout keeps a
call going for ever. Here each attempt (or each wait for a stream's next line) runs inside
`watching(deadline)`; the client's own transports (Transport, AsyncTransport) keep their
connections in httpcore pools whose network backend hands every connect, read and write only
the time left before that deadline, and counts the answer bytes read, so the caller knows
whether an answer had begun.

Only public API is used: httpx's custom transports (`httpx.BaseTransport`), httpcore's
connection pools with a `network_backend` of our own (httpcore docs, "Network Backends").
A caller's own `http_client` keeps httpx's per-read timing; the caller then checks the
deadline between reads.
"""

from __future__ import annotations

import contextlib
import ssl
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from typing import Any

import httpcore
import httpx

__all__: list[str] = []

# httpx's default pool limits (httpx.Client() without `limits`)
MAX_CONNECTIONS = 100
MAX_KEEPALIVE_CONNECTIONS = 20
KEEPALIVE_EXPIRY = 5.0
HELD_WRITE_BYTES = 16 << 10  # a write this small waits to leave with the next (see _Stream)


@dataclass
class Watch:
    """One attempt (or one wait for a stream's next line): its deadline, and the answer bytes read."""

    deadline: float | None
    received: int = 0


_WATCH: ContextVar[Watch | None] = ContextVar(f"{__package__}.watch", default=None)


@contextlib.contextmanager
def watching(deadline: float | None) -> Iterator[Watch]:
    """Socket operations inside the block end by `deadline` (monotonic seconds)."""
    watch = Watch(deadline)
    token = _WATCH.set(watch)
    try:
        yield watch
    finally:
        _WATCH.reset(token)


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    watch = _WATCH.get()
    if watch is None or watch.deadline is None:
        return timeout
    left = watch.deadline - time.monotonic()
    if left <= 0:
        raise error("the client's deadline passed")
    return left if timeout is None else min(timeout, left)


def _counted(data: bytes) -> bytes:
    watch = _WATCH.get()
    if watch is not None:
        watch.received += len(data)
    return data


# --- network backends: every socket operation within the deadline ---------------------------


class _Stream(httpcore.NetworkStream):
    """A socket whose operations end by the deadline; a small write waits for the next one
    (so a request's head and body leave in one packet: one wake-up of the server, not two)."""

    def __init__(self, inner: httpcore.NetworkStream):
        self._inner = inner
        self._held = b""
        self._held_timeout: float | None = None

    def _flush(self) -> None:
        held, self._held = self._held, b""
        if held:
            self._inner.write(held, _left(self._held_timeout, httpcore.WriteTimeout))

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with contextlib.suppress(httpcore.WriteError):  # as httpcore does: a server may answer (413) and close early
            self._flush()
        return _counted(self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout)))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if len(self._held) + len(buffer) <= HELD_WRITE_BYTES:
            self._held, self._held_timeout = self._held + buffer, timeout
            return
        self._flush()
        self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._held = b""  # an unsent request is abandoned with its connection
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> _Stream:
        self._flush()
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> Any:  # noqa: ANN401 - httpcore's own signature: any extra a socket has
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend):
        self._inner = inner

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None) -> _Stream:
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None) -> _Stream:
        return _Stream(self._inner.connect_unix_socket(path, _left(timeout, httpcore.ConnectTimeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    """_Stream, awaited."""

    def __init__(self, inner: httpcore.AsyncNetworkStream):
        self._inner = inner
        self._held = b""
        self._held_timeout: float | None = None

    async def _flush(self) -> None:
        held, self._held = self._held, b""
        if held:
            await self._inner.write(held, _left(self._held_timeout, httpcore.WriteTimeout))

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with contextlib.suppress(httpcore.WriteError):  # as _Stream.read
            await self._flush()
        return _counted(await self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout)))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if len(self._held) + len(buffer) <= HELD_WRITE_BYTES:
            self._held, self._held_timeout = self._held + buffer, timeout
            return
        await self._flush()
        await self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        self._held = b""
        await self._inner.aclose()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> _AsyncStream:
        await self._flush()
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:  # noqa: ANN401 - as _Stream.get_extra_info
        return self._inner.get_extra_info(info)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: httpcore.AsyncNetworkBackend):
        self._inner = inner

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                          socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None) -> _AsyncStream:
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._inner.connect_tcp(host, port, timeout, local_address, socket_options))

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None) -> _AsyncStream:
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._inner.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


# --- the client's own transports: httpx requests over the guarded pools ---------------------

# httpcore's errors and the httpx errors they stand for, the most specific first
_ERRORS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)
_CORE_ERRORS = tuple(core for core, _ in _ERRORS)


def _httpx_error(exc: Exception) -> httpx.TransportError:
    """The httpx error for an httpcore one (so callers see httpx's exceptions, as from httpx.HTTPTransport)."""
    mapped = next(error for core, error in _ERRORS if isinstance(exc, core))
    return mapped(str(exc))


@cache
def _ssl_context() -> ssl.SSLContext:
    """httpx's default TLS setup (certifi, or SSL_CERT_FILE / SSL_CERT_DIR), made once per process on first use."""
    return httpx.create_ssl_context()


def _core_request(request: httpx.Request) -> httpcore.Request:
    url = request.url
    return httpcore.Request(request.method, httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port,
                                                          target=url.raw_path),
                            headers=request.headers.raw, content=request.stream, extensions=request.extensions)


class _Body(httpx.SyncByteStream):
    def __init__(self, response: httpcore.Response):
        self._response = response

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._response.iter_stream()
        except _CORE_ERRORS as exc:
            raise _httpx_error(exc) from exc

    def close(self) -> None:
        self._response.close()


class _AsyncBody(httpx.AsyncByteStream):
    def __init__(self, response: httpcore.Response):
        self._response = response

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._response.aiter_stream():
                yield chunk
        except _CORE_ERRORS as exc:
            raise _httpx_error(exc) from exc

    async def aclose(self) -> None:
        await self._response.aclose()


class Transport(httpx.BaseTransport):
    """An httpx transport over an httpcore pool whose sockets keep the deadline of `watching`."""

    def __init__(self) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(), max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_KEEPALIVE_CONNECTIONS,
            keepalive_expiry=KEEPALIVE_EXPIRY, network_backend=_Backend(httpcore.SyncBackend()))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        try:
            answer = self._pool.handle_request(_core_request(request))
        except _CORE_ERRORS as exc:
            raise _httpx_error(exc) from exc
        return httpx.Response(answer.status, headers=answer.headers, stream=_Body(answer), extensions=answer.extensions,
                              request=request)

    def close(self) -> None:
        self._pool.close()


class AsyncTransport(httpx.AsyncBaseTransport):
    """Transport, for asyncio (and trio, through anyio)."""

    def __init__(self) -> None:
        sockets = httpcore.AnyIOBackend()
        # httpcore declares a stand-in class in case anyio is missing; httpx requires anyio, so this holds
        assert isinstance(sockets, httpcore.AsyncNetworkBackend)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=_ssl_context(), max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_KEEPALIVE_CONNECTIONS,
            keepalive_expiry=KEEPALIVE_EXPIRY, network_backend=_AsyncBackend(sockets))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            answer = await self._pool.handle_async_request(_core_request(request))
        except _CORE_ERRORS as exc:
            raise _httpx_error(exc) from exc
        return httpx.Response(answer.status, headers=answer.headers, stream=_AsyncBody(answer),
                              extensions=answer.extensions, request=request)

    async def aclose(self) -> None:
        await self._pool.aclose()
