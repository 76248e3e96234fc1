"""The mock gateway under bursts and bad requests: an HTTP answer every time, and a log line for
every reply, streams included."""

from __future__ import annotations

import json
import socket
import threading

import httpx
import pytest

from responses_bindings.commands.mock import MockServer, VendorMock

from conftest import GENERATED

GOOD_AUTH = {"ai360": "Bearer k", "zhixin": "k"}


@pytest.fixture
def server(vendor):
    with MockServer(VendorMock.from_generated(GENERATED, vendor)) as running:
        yield running


def raw_exchange(server: MockServer, head: str, body: bytes = b"") -> tuple[int, bytes]:
    """Send one request as raw bytes; (status, body) of the answer, or (0, b"") if the mock hung up."""
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=5) as conn:
        conn.sendall(head.replace("\n", "\r\n").encode() + b"\r\n" + body)
        conn.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    if not answer.startswith(b"HTTP/1."):
        return 0, answer
    head_bytes, _, rest = answer.partition(b"\r\n\r\n")
    return int(head_bytes.split()[1]), rest


def post_head(vendor: str, length: str) -> str:
    return (f"POST /v1/responses HTTP/1.1\nHost: mock\nAuthorization: {GOOD_AUTH[vendor]}\n"
            f"Content-Type: application/json\nContent-Length: {length}\n")


def test_a_burst_of_200_connections_is_served(vendor, server):
    ready, statuses = threading.Barrier(200), []
    lock = threading.Lock()

    def call() -> None:
        ready.wait()
        try:
            status = httpx.post(server.url + "/v1/responses", json={"model": "m", "input": "hi"},
                                headers={"Authorization": GOOD_AUTH[vendor]}, timeout=20).status_code
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=call) for _ in range(200)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert statuses == [200] * 200, sorted(map(str, statuses))


@pytest.mark.parametrize(("length", "status"), [("abc", 400), ("-5", 400), ("1000000000000", 413), ("10^12", 400)])
def test_a_bad_content_length_gets_an_answer(vendor, server, length, status):
    got, body = raw_exchange(server, post_head(vendor, length), b'{"model": "m", "input": "hi"}')
    assert got == status, body
    assert "Content-Length" in json.dumps(json.loads(body))


@pytest.mark.parametrize(
    ("body", "needle"),
    [(b'{"model": "m", "input": ' + b"[" * 500 + b"]" * 500 + b"}", "/input"),
     (b'{"model": "m", "input": "hi", "top_p": NaN}', "NaN"),
     (b'{"model": "m", "input": "hi", "model": 5}', "duplicate key"),
     (b"[" * 2000 + b"]" * 2000, "nested too deeply")],
    ids=["nested 500 deep", "NaN", "duplicate key", "nested 2000 deep"],
)
def test_a_bad_body_gets_the_vendor_error_naming_the_problem(vendor, server, body, needle):
    got, answer = raw_exchange(server, post_head(vendor, str(len(body))), body)
    assert got == 400, answer
    text = json.dumps(json.loads(answer))
    assert needle in text and "null is not of types" not in text


def test_verbose_logs_every_reply_streams_included(vendor, capfd):
    with MockServer(VendorMock.from_generated(GENERATED, vendor), verbose=True) as server:
        headers = {"Authorization": GOOD_AUTH[vendor]}
        httpx.post(server.url + "/v1/responses", json={"model": "m", "input": "hi"}, headers=headers, timeout=5)
        with httpx.stream("POST", server.url + "/v1/responses", json={"model": "m", "input": "hi", "stream": True},
                          headers=headers, timeout=5) as answer:
            answer.read()
    logged = capfd.readouterr().err
    assert logged.count('"POST /v1/responses HTTP/1.1" 200') == 2, logged
