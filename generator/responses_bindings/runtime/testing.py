"""Replay recorded traffic in tests, offline: `ReplayTransport(DIR)` is an httpx transport, sync
and async, that answers each request with the exchange `responses-bindings record` wrote for it:

    client = Client(api_key="test", http_client=httpx.Client(transport=ReplayTransport("recordings")))
    aclient = AsyncClient(api_key="test", http_client=httpx.AsyncClient(transport=ReplayTransport("recordings")))

A request is matched by method, path and JSON body; when several recordings match, they are
served in recorded order (then from the first again). A request nothing matches raises
RecordingNotFound, naming the closest recording and where its body differs. Bodies come back
byte for byte as recorded; an event stream one recorded event per chunk, and a stream that
ended early ends early again (as httpx.RemoteProtocolError, like the live connection did).

pytest: enable the plugin with `pytest_plugins = ["<package>.testing"]` in your root
conftest.py (or `pytest -p <package>.testing`). The fixture `<vendor id>_replay` is then a
ReplayTransport for the folder that `@pytest.mark.<vendor id>_recordings("folder")` names
(relative to the test file), else the ini option `<vendor id>_recordings` (relative to the
rootdir; default `recordings`). Only pytest imports pytest: the package does not need it.
"""

from __future__ import annotations

import os
from pathlib import Path

import httpx

from . import _vendor
from ._recording import Exchange, RecordingError, RecordingNotFound, Recordings

__all__ = ["RecordingError", "RecordingNotFound", "ReplayTransport"]

FIXTURE = f"{_vendor.VENDOR_ID}_replay"
MARKER = f"{_vendor.VENDOR_ID}_recordings"
ENDED_EARLY = "peer closed connection without sending complete message body (the recording ends here)"


class _RecordedBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A recorded body, chunk by chunk; raises where the recorded one broke off."""

    def __init__(self, exchange: Exchange):
        self._chunks = exchange.chunks()
        self._cut = exchange.incomplete

    def __iter__(self):
        yield from self._chunks
        if self._cut:
            raise httpx.RemoteProtocolError(ENDED_EARLY)

    async def __aiter__(self):
        for chunk in self._chunks:
            yield chunk
        if self._cut:
            raise httpx.RemoteProtocolError(ENDED_EARLY)


class ReplayTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Answers requests from the recordings in `directory` (see the module docstring)."""

    def __init__(self, directory: str | os.PathLike):
        self.recordings = Recordings(directory)

    def _answer(self, request: httpx.Request, body: bytes) -> httpx.Response:
        exchange = self.recordings.answer(request.method, request.url.raw_path.decode("ascii"), body)
        return httpx.Response(
            exchange.status, headers=list(exchange.headers), stream=_RecordedBody(exchange), request=request,
            extensions={"reason_phrase": exchange.reason.encode("latin-1", "replace"), "http_version": b"HTTP/1.1"},
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._answer(request, request.read())

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self._answer(request, await request.aread())


# --- the pytest plugin (hooks pytest calls when the plugin is enabled) ----------------------


def pytest_addoption(parser) -> None:
    parser.addini(MARKER, f"the folder of recordings the {FIXTURE} fixture replays (default: recordings)", default="recordings")


def pytest_configure(config) -> None:
    import pytest  # only ever called by pytest, which is then loaded

    config.addinivalue_line("markers", f"{MARKER}(folder): the recordings {FIXTURE} replays, relative to the test file")

    class Fixtures:
        @pytest.fixture(name=FIXTURE)
        def replay(self, request) -> ReplayTransport:
            """A ReplayTransport for the test's recordings (its marker, else the ini option)."""
            marker = request.node.get_closest_marker(MARKER)
            if marker is not None and len(marker.args) != 1:
                raise pytest.UsageError(f"@pytest.mark.{MARKER} takes one argument, the folder of recordings")
            folder = Path(request.node.path).parent / marker.args[0] if marker else Path(config.rootpath) / config.getini(MARKER)
            return ReplayTransport(folder)

    config.pluginmanager.register(Fixtures(), f"{__name__}.fixtures")
