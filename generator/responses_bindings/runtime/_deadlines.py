"""Deadlines that hold against a trickling server: every socket operation gets what is left.

httpx gives each read its own timeout, so a server sending one byte per read timeout keeps a
call going for ever. Here each attempt (or each wait for a stream's next line) runs inside
`watching(deadline)`; the network backend of the client's connection pools (wrapped once by
guard_pools) hands every connect, read and write only the time left before that deadline, and
counts the answer bytes read, so the caller knows whether an answer had begun.

guard_pools reaches the pools through httpx's and httpcore's private attributes (pinned by
the package's version ranges); a transport without them keeps httpx's own timing, and the
caller then checks the deadline between reads.
"""

from __future__ import annotations

import contextlib
import time
from contextvars import ContextVar
from dataclasses import dataclass

import httpcore
import httpx

__all__: list[str] = []


@dataclass
class Watch:
    """One attempt (or one wait for a stream's next line): its deadline, and the answer bytes read."""

    deadline: float | None
    received: int = 0


_WATCH: ContextVar[Watch | None] = ContextVar(f"{__package__}.watch", default=None)


@contextlib.contextmanager
def watching(deadline: float | None):
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


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream):
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return _counted(self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout)))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> _Stream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend):
        self._inner = inner

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None) -> _Stream:
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(self, path, timeout=None, socket_options=None) -> _Stream:
        return _Stream(self._inner.connect_unix_socket(path, _left(timeout, httpcore.ConnectTimeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream):
        self._inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return _counted(await self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout)))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> _AsyncStream:
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: httpcore.AsyncNetworkBackend):
        self._inner = inner

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None) -> _AsyncStream:
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._inner.connect_tcp(host, port, timeout, local_address, socket_options))

    async def connect_unix_socket(self, path, timeout=None, socket_options=None) -> _AsyncStream:
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._inner.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guard_pools(http: httpx.Client | httpx.AsyncClient) -> None:
    """Wrap the network backend of each connection pool of `http` (its transport and mounts)."""
    for transport in [getattr(http, "_transport", None), *getattr(http, "_mounts", {}).values()]:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, httpcore.NetworkBackend) and not isinstance(backend, _Backend):
            pool._network_backend = _Backend(backend)
        elif isinstance(backend, httpcore.AsyncNetworkBackend) and not isinstance(backend, _AsyncBackend):
            pool._network_backend = _AsyncBackend(backend)
