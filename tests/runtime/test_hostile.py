"""The client against a hostile loopback server (hostile.py): every fault ends in a typed
ResponsesError (or completes, where the fault is legal), within bounded time and memory, and
a request the server may have carried out is never sent again. Then what a caller can get
wrong: the key, the settings, values that are not JSON."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import math
import subprocess
import sys
import traceback
from pathlib import Path

import httpx
import pytest
from hostile import KEY, Server, reply, scenarios, stream_head, vendor_mock

from conftest import VENDORS, vendor_package

# One played run of every scenario (a module fixture) serves every test here: keep them on one xdist worker (make test: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("hostile")

VENDOR = VENDORS[0]  # the client is the same runtime code in every package
HOSTILE = Path(__file__).with_name("hostile.py")
SCENARIOS = scenarios(VENDOR)


PLAYERS = 2  # processes the scenarios are dealt between, run at once: each mostly waits on the server


@pytest.fixture(scope="module")
def played() -> dict:
    """Every scenario, sync and async, played once in fresh processes (see hostile.py)."""
    names = [scenario.name for scenario in SCENARIOS]
    players = [subprocess.Popen([sys.executable, str(HOSTILE), VENDOR, *names[index::PLAYERS]],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for index in range(PLAYERS)]
    results = []
    for player in players:
        out, err = player.communicate(timeout=900)
        assert player.returncode == 0, err[-3000:]
        results += [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert len(results) == 2 * len(names)
    return {(result["scenario"], result["mode"]): result for result in results}


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_a_fault_ends_typed_in_bounded_time_and_memory(played, scenario, mode):
    result = played[(scenario.name, mode)]
    shown = json.dumps(result, ensure_ascii=False)
    assert result["raised"] == scenario.expect, shown
    assert result["typed"], shown
    assert result["seconds"] <= scenario.seconds, shown
    assert result["megabytes"] <= scenario.megabytes, shown
    if scenario.requests is not None:
        assert result["requests"] <= scenario.requests, shown
    assert all(result.get("facts", {}).values()), shown


# --- the key -------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [KEY + "\n", KEY + "\r\n", " " + KEY, KEY[:4] + "é" + KEY[4:], KEY + "\x00", KEY + '"'])
def test_a_key_that_cannot_be_sent_is_refused_without_being_shown(bad, caplog, monkeypatch):
    package = vendor_package(VENDOR)
    caplog.set_level(logging.DEBUG)
    makers = [lambda: package.Client(api_key=bad), lambda: package.AsyncClient(api_key=bad)]
    if "\x00" not in bad:  # an environment variable cannot hold NUL
        monkeypatch.setenv(package.API_KEY_ENV, bad)
        makers.append(package.Client)
    for make in makers:
        with pytest.raises(package.ResponsesError, match="API key") as caught:
            make()
        shown = "".join(traceback.format_exception(caught.value)) + repr(caught.value) + caplog.text
        assert KEY not in shown and KEY[:8] not in shown


def test_the_key_is_redacted_as_a_token_only():
    transport = __import__(f"{VENDOR}_responses._transport", fromlist=["Redactor"])
    redact = transport.Redactor("sk-ab/cd").text
    assert redact("key sk-ab/cd, sk-ab\\/cd, xsk-ab/cd, sk-ab/cdx") == "key ***, ***, xsk-ab/cd, sk-ab/cdx"
    assert redact("line\\nsk-ab/cd") == "line\\n***"
    assert transport.Redactor("k").text("mock_fault k") == "mock_fault k"  # too short to be a secret or to redact


# --- settings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "settings",
    [{"max_retries": -1}, {"max_retries": None}, {"max_retries": "2"}, {"max_retries": True}, {"max_retries": 10**6},
     {"timeout": -1}, {"timeout": 0}, {"timeout": math.nan}, {"timeout": math.inf}, {"timeout": "5"},
     {"timeout": httpx.Timeout(5.0, read=-1)}, {"max_response_bytes": 0}, {"max_response_bytes": "big"}],
    ids=repr,
)
def test_bad_settings_are_refused_with_a_typed_error(settings):
    package = vendor_package(VENDOR)
    for cls in (package.Client, package.AsyncClient):
        with pytest.raises(package.ResponsesError, match=next(iter(settings))):
            cls(api_key=KEY, **settings)


def answer_documented(server, conn, request):
    reply(conn, "200 OK", vendor_mock(VENDOR).response_body, {"Content-Type": "application/json"})


def test_a_bad_timeout_per_call_is_refused_before_sending():
    package = vendor_package(VENDOR)
    with Server(answer_documented) as server, package.Client(api_key=KEY, base_url=server.url) as client:
        with pytest.raises(package.ResponsesError, match="timeout"):
            client.responses.create(model="m", input="hi", timeout=-1)
        assert client.responses.create(model="m", input="hi", timeout=5).output
        assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("params", "pointer"),
    [({"temperature": math.nan}, "/temperature"), ({"top_p": -math.inf}, "/top_p"), ({"input": "hi \ud800"}, "/input"),
     ({"extra_body": {"x_nan": math.nan}}, "/x_nan"), ({"extra_body": {"x_lone": "\udfff"}}, "/x_lone")],
    ids=repr,
)
def test_values_that_are_not_json_are_refused_where_they_are(params, pointer):
    package = vendor_package(VENDOR)
    params = {"model": "m", "input": "hi", **params}

    async def in_async(client):
        return await client.responses.create(**params)

    with Server(answer_documented) as server:
        with package.Client(api_key=KEY, base_url=server.url) as client:
            with pytest.raises(package.PayloadError) as caught:
                client.responses.create(**params)
        assert isinstance(caught.value, package.ResponsesError)
        assert [issue.pointer for issue in caught.value.issues] == [pointer]
        with pytest.raises(package.PayloadError):
            asyncio.run(in_async(package.AsyncClient(api_key=KEY, base_url=server.url)))
        assert server.requests == []


def test_a_cycle_in_extra_body_is_refused():
    package = vendor_package(VENDOR)
    looped: dict = {}
    looped["self"] = looped
    with package.Client(api_key=KEY, base_url="http://127.0.0.1:9") as client:
        with pytest.raises(package.PayloadError, match="refers to itself") as caught:
            client.responses.create(model="m", input="hi", extra_body={"x_loop": looped})
    assert caught.value.issues[0].pointer == "/x_loop/self"


# --- connections ---------------------------------------------------------------------------


def streams_then_answer(server, conn, request):
    if b'"stream": true' in request["body"]:
        stream_head(conn)
        server.hold()
        return "close"
    return answer_documented(server, conn, request)


def test_streams_held_open_exhaust_the_pool_with_a_typed_timeout_then_free_it_when_dropped():
    package = vendor_package(VENDOR)
    with Server(streams_then_answer) as server, package.Client(api_key=KEY, base_url=server.url, timeout=1.0,
                                                              max_retries=0) as client:
        held = [client.responses.create(model="m", input="hi", stream=True) for _ in range(100)]
        with pytest.raises(package.APITimeoutError, match="no free connection"):
            client.responses.create(model="m", input="hi")
        del held
        gc.collect()
        assert client.responses.create(model="m", input="hi").output
