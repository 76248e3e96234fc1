"""How the client reaches the network: through httpx's and httpcore's public API only, its own
httpx client over our guarded pool (a request's head and body in one write), an environment
proxy still honoured, a caller's `http_client` sent through its full `send()`."""

from __future__ import annotations

import ast
import asyncio
import time

import httpcore
import httpx
import pytest
from hostile import KEY, Server, reply, vendor_mock

from conftest import GENERATED, VENDORS, vendor_package

VENDOR = VENDORS[0]  # the runtime is the same code in every package
PRIVATE_NAMES = {"_transport_for_url", "_transport", "_mounts", "_pool", "_network_backend"}  # httpx/httpcore internals


def answer_documented(server, conn, request):
    reply(conn, "200 OK", vendor_mock(VENDOR).response_body, {"Content-Type": "application/json"})


def test_the_runtime_uses_no_private_httpx_or_httpcore_name():
    """No `httpx._x` / `httpcore._x`, no import from their private modules, no reach into their objects' internals."""
    found = []
    for path in sorted((GENERATED / VENDOR / f"{VENDOR}_responses").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in ("httpx", "httpcore") \
                    and node.attr.startswith("_"):
                found.append(f"{path.name}:{node.lineno}: {node.value.id}.{node.attr}")
            elif isinstance(node, ast.Attribute) and node.attr in PRIVATE_NAMES and not (
                    isinstance(node.value, ast.Name) and node.value.id == "self"):
                found.append(f"{path.name}:{node.lineno}: .{node.attr}")
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("httpx", "httpcore") \
                    and "._" in f".{node.module}":
                found.append(f"{path.name}:{node.lineno}: from {node.module}")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "setattr") \
                    and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and node.args[1].value in PRIVATE_NAMES:
                found.append(f"{path.name}:{node.lineno}: {node.func.id}(..., {node.args[1].value!r})")
    assert found == []


class Counting(httpcore.NetworkBackend):
    """A real socket backend that counts the writes reaching its sockets."""

    def __init__(self) -> None:
        self.inner, self.writes = httpcore.SyncBackend(), []

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        stream = self.inner.connect_tcp(host, port, timeout, local_address, socket_options)
        backend = self

        class Stream(httpcore.NetworkStream):
            def read(self, max_bytes, timeout=None):
                return stream.read(max_bytes, timeout)

            def write(self, buffer, timeout=None):
                backend.writes.append(len(buffer))
                stream.write(buffer, timeout)

            def close(self):
                stream.close()

        return Stream()


@pytest.mark.parametrize(("size", "writes"), [(100, 1), (100_000, 2)])
def test_a_small_requests_head_and_body_leave_in_one_write(size, writes):
    deadlines = __import__(f"{VENDOR}_responses._deadlines", fromlist=["_Backend"])
    counting = Counting()
    with Server(answer_documented) as server, httpcore.ConnectionPool(network_backend=deadlines._Backend(counting)) as pool:
        answer = pool.request("POST", server.url + "/v1/responses", content=b"x" * size)
        assert answer.status == 200
        assert server.requests[0]["body"] == b"x" * size
    assert len(counting.writes) == writes
    assert sum(counting.writes) > size


def test_an_environment_proxy_routes_the_clients_requests(monkeypatch):
    """Our own pool is skipped when HTTP_PROXY names a proxy: httpx's routing sends the request there."""
    package = vendor_package(VENDOR)
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)

    async def in_async():
        async with package.AsyncClient(api_key=KEY, base_url="http://responses.test", max_retries=0) as client:
            return await client.responses.create(model="m", input="hi")

    with Server(answer_documented) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        with package.Client(api_key=KEY, base_url="http://responses.test", max_retries=0) as client:
            assert client.responses.create(model="m", input="hi").output
        assert asyncio.run(in_async()).output
    assert [request["line"] for request in proxy.requests] == ["POST http://responses.test/v1/responses HTTP/1.1"] * 2


def test_a_callers_http_client_gets_its_full_send():
    package = vendor_package(VENDOR)
    seen: list[str] = []
    http = httpx.Client(event_hooks={"request": [lambda request: seen.append(str(request.url))]})
    with Server(answer_documented) as server, package.Client(api_key=KEY, base_url=server.url, http_client=http) as client:
        assert client.responses.create(model="m", input="hi").output
        assert seen == [server.url + "/v1/responses"]
    http.close()


def test_a_callers_http_client_sends_its_own_headers_under_ours():
    """As with httpx, a client's default headers go out with each request; ours (auth, JSON) win."""
    package = vendor_package(VENDOR)
    http = httpx.Client(headers={"X-Org": "acme", "Content-Type": "text/plain"})
    with Server(answer_documented) as server, package.Client(api_key=KEY, base_url=server.url, http_client=http) as client:
        client.responses.create(model="m", input="hi", extra_headers={"X-Call": "1"})
    (request,) = server.requests
    assert request["headers"]["x-org"] == "acme" and request["headers"]["x-call"] == "1"
    assert request["headers"]["content-type"] == "application/json"


@pytest.mark.parametrize("headers", [{"X-Name": "Zoë"}, {"X-Note": "a\r\nX-Injected: 1"}, {"X-Émoji": "1"}, {"X-Id": 7}])
def test_headers_that_http_cannot_carry_are_a_typed_error_naming_them(headers):
    package = vendor_package(VENDOR)
    with Server(answer_documented) as server:
        with package.Client(api_key=KEY, base_url=server.url, max_retries=0) as client:
            with pytest.raises(package.ResponsesError, match=f"extra_headers: header {list(headers)[0]!r}"):
                client.responses.create(model="m", input="hi", extra_headers=headers)
        with pytest.raises(package.ResponsesError, match="default_headers: header"):
            package.Client(api_key=KEY, base_url=server.url, default_headers=headers)
    assert server.requests == []


def test_a_client_closed_before_its_first_request_refuses_to_send():
    """The client's own httpx client is made at the first request; closing before that still closes."""
    package = vendor_package(VENDOR)
    with Server(answer_documented) as server:
        client = package.Client(api_key=KEY, base_url=server.url, max_retries=0)
        client.close()
        with pytest.raises(RuntimeError, match="closed"):
            client.responses.create(model="m", input="hi")
    assert server.requests == []


def test_a_closed_client_refuses_to_send_as_httpx_does():
    package = vendor_package(VENDOR)
    with Server(answer_documented) as server:
        client = package.Client(api_key=KEY, base_url=server.url, max_retries=0)
        assert client.responses.create(model="m", input="hi").output
        client.close()
        with pytest.raises(RuntimeError, match="closed"):
            client.responses.create(model="m", input="hi")
    assert len(server.requests) == 1




def closed_by_the_client(server: Server) -> bool:
    """Whether every connection the server accepted has been closed by the client (the server then closes its end)."""
    end = time.monotonic() + 2.0
    while time.monotonic() < end and any(conn.fileno() != -1 for conn in server.connections):
        time.sleep(0.02)
    return bool(server.connections) and all(conn.fileno() == -1 for conn in server.connections)


def test_closing_a_client_made_with_our_http_client_closes_its_connections():
    """http_client() / async_http_client(): the httpx client owns our transport, so closing it closes the pool."""
    package = vendor_package(VENDOR)
    transport = __import__(f"{VENDOR}_responses._transport", fromlist=["http_client"])

    async def in_async(url):
        async with package.AsyncClient(api_key=KEY, base_url=url, http_client=transport.async_http_client(5.0)) as client:
            assert (await client.responses.create(model="m", input="hi")).output

    with Server(answer_documented) as server:
        with package.Client(api_key=KEY, base_url=server.url, http_client=transport.http_client(5.0)) as client:
            assert client.responses.create(model="m", input="hi").output
        assert closed_by_the_client(server)
    with Server(answer_documented) as server:
        asyncio.run(in_async(server.url))
        assert closed_by_the_client(server)


def test_closing_a_default_client_closes_its_connections():
    package = vendor_package(VENDOR)

    async def in_async(url):
        async with package.AsyncClient(api_key=KEY, base_url=url) as client:
            assert (await client.responses.create(model="m", input="hi")).output

    with Server(answer_documented) as server:
        with package.Client(api_key=KEY, base_url=server.url) as client:
            assert client.responses.create(model="m", input="hi").output
        sync_closed = closed_by_the_client(server)
    with Server(answer_documented) as server:
        asyncio.run(in_async(server.url))
        assert sync_closed and closed_by_the_client(server)
