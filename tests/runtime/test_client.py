"""The generated Client / AsyncClient over real HTTP against the mock gateway on 127.0.0.1."""

from __future__ import annotations

import asyncio
import functools
import logging
import socket
import typing

import pytest

from responses_bindings.commands.mock import Fault, MockServer, VendorMock

from conftest import GENERATED, bundled_document, vendor_package

KEY = "sk-test-9f8e7d6c5b4a"
# Ground truth from the vendor pages (tests/fixtures/vendor-docs): how each sends the key.
AUTH_VALUE = {"ai360": f"Bearer {KEY}", "zhixin": KEY}
KEY_ENV = {"ai360": "AI360_API_KEY", "zhixin": "ZHIXIN_API_KEY"}
SERVER = {"ai360": "https://api.360.cn", "zhixin": "https://ai.interwestinfo.com"}


@functools.cache
def vendor_mock(vendor: str) -> VendorMock:
    return VendorMock.from_generated(GENERATED, vendor, api_key=KEY)


@pytest.fixture
def server(vendor):
    with MockServer(vendor_mock(vendor)) as running:
        yield running


@pytest.fixture
def pkg(vendor):
    return vendor_package(vendor)


@pytest.fixture
def client(pkg, server):
    with pkg.Client(api_key=KEY, base_url=server.url, timeout=5.0, max_retries=2) as made:
        yield made


def documented_response(vendor: str) -> dict:
    operation = bundled_document(vendor)["paths"]["/v1/responses"]["post"]
    return operation["responses"]["200"]["content"]["application/json"]["examples"]["documented"]["value"]


def documented_text(vendor: str) -> str:
    """The output_text of the documented example, read from the raw JSON."""
    return "".join(
        part["text"]
        for item in documented_response(vendor)["output"]
        if item["type"] == "message"
        for part in item["content"]
        if part["type"] == "output_text"
    )


def test_create_returns_the_typed_response(vendor, pkg, client, server):
    response = client.responses.create(model="qwen-plus", input="hello")
    assert isinstance(response, pkg.models.Response)
    assert response.id == documented_response(vendor)["id"]
    assert response.output_text == documented_text(vendor) != ""
    assert response.raise_for_status() is response
    assert len(server.requests) == 1


def test_the_auth_header_follows_the_vendor(vendor, client, server):
    client.responses.create(model="m", input="hi")
    assert server.requests[-1].headers["Authorization"] == AUTH_VALUE[vendor]


def test_the_key_and_server_default_to_the_spec(vendor, pkg, server, monkeypatch):
    monkeypatch.setenv(KEY_ENV[vendor], KEY)
    assert pkg.Client().url == SERVER[vendor] + "/v1/responses"
    with pkg.Client(base_url=server.url) as from_env:
        from_env.responses.create(model="m", input="hi")
    assert server.requests[-1].headers["Authorization"] == AUTH_VALUE[vendor]
    monkeypatch.delenv(KEY_ENV[vendor])
    with pytest.raises(pkg.ResponsesError, match=KEY_ENV[vendor]):
        pkg.Client()


def test_the_key_never_shows(vendor, pkg, server, caplog):
    caplog.set_level(logging.DEBUG)
    server.inject(Fault("status", status=503, retry_after=0))
    with pkg.Client(api_key=KEY, base_url=server.url, max_retries=1) as good:
        good.responses.create(model="m", input="hi")
    wrong = KEY + "-revoked"
    with pkg.Client(api_key=wrong, base_url=server.url, max_retries=1) as bad:
        with pytest.raises(pkg.AuthenticationError) as caught:
            bad.responses.create(model="m", input="hi")
    assert caught.value.status_code == 401
    assert "retrying POST" in caplog.text and "-> 401" in caplog.text  # the client's own log lines were captured
    for text in (repr(good), str(bad), str(caught.value), repr(caught.value), caplog.text):
        assert KEY not in text


def test_the_vendor_error_body_is_understood(vendor, pkg, server):
    with pkg.Client(api_key="nope", base_url=server.url) as client:
        with pytest.raises(pkg.AuthenticationError) as caught:
            client.responses.create(model="m", input="hi")
    error = caught.value
    assert (error.status_code, error.code) == (401, "invalid_api_key")
    assert error.message == "invalid API key"
    assert error.request_id == f"mock-{len(server.requests)}"
    assert len(server.requests) == 1, "a 401 is not retried"
    # 智信 answers DashScope's {request_id, code, message}; 360 the OpenAI envelope.
    assert set(error.body) == ({"request_id", "code", "message"} if vendor == "zhixin" else {"error"})


def test_request_fields_are_checked_before_sending(pkg, client, server):
    with pytest.raises(pkg.PayloadError, match="/temperature"):
        client.responses.create(model="m", input="hi", temperature="hot")
    with pytest.raises(pkg.PayloadError, match="extra_body") as caught:
        client.responses.create(model="m", input="hi", not_a_field=1)
    assert [issue.pointer for issue in caught.value.issues] == ["/not_a_field"]
    assert server.requests == []
    client.responses.create(model="m", input="hi", temperature=0.5, extra_body={"x_trace": "abc"})
    body = server.requests[-1].body
    assert b'"x_trace": "abc"' in body and b'"temperature": 0.5' in body


def test_bad_request_arguments_raise_under_responses_error(pkg, client):
    with pytest.raises(pkg.ResponsesError):
        client.responses.create(model="m", input="hi", temperature="hot")


def test_base_url_may_carry_the_api_version_as_openai_writes_it(vendor, pkg, server):
    for base_url in (server.url, server.url + "/", server.url + "/v1", server.url + "/v1/"):
        with pkg.Client(api_key=KEY, base_url=base_url) as client:
            assert client.url == server.url + "/v1/responses"
            assert client.responses.create(model="m", input="hi").output_text == documented_text(vendor)


def test_extra_body_is_not_checked_locally_but_the_server_says_so(pkg, client):
    with pytest.raises(pkg.BadRequestError, match="/temperature"):
        client.responses.create(model="m", input="hi", extra_body={"temperature": "hot"})


def test_stream_gives_typed_events_and_the_final_response(vendor, pkg, client):
    event_classes = set(typing.get_args(typing.get_args(pkg.models.ResponseStreamEvent.__value__)[0]))
    with client.responses.create(model="m", input="hi", stream=True) as stream:
        events = list(stream)
    assert stream.response.is_closed
    assert events[0].type == "response.created" and events[-1].type == "response.completed"
    assert all(type(event) in event_classes for event in events)
    assert [event.sequence_number for event in events] == list(range(len(events)))
    deltas = "".join(event.delta for event in events if event.type == "response.output_text.delta")
    assert deltas == documented_text(vendor) == stream.final_response.output_text
    assert isinstance(stream.final_response, pkg.Response)


def test_get_final_response_reads_the_rest(vendor, client):
    with client.responses.create(model="m", input="hi", stream=True) as stream:
        first = next(iter(stream))
        final = stream.get_final_response()
    assert first.type == "response.created"
    assert final.output_text == documented_text(vendor)


def test_an_unknown_event_is_kept_not_fatal(pkg, client, server):
    server.inject(Fault("unknown_event"))
    with client.responses.create(model="m", input="hi", stream=True) as stream:
        events = list(stream)
    unknown = [event for event in events if isinstance(event, pkg.UnknownEvent)]
    assert len(unknown) == 1
    assert (unknown[0].type, unknown[0].note) == ("response.vendor_heartbeat", "undocumented")
    assert stream.final_response is not None


def test_an_error_event_is_typed_and_ends_the_stream_with_its_message(pkg, client, server):
    server.inject(Fault("error_event"))
    seen = []
    with pytest.raises(pkg.StreamInterruptedError, match="server_error: mock: the model crashed"):
        with client.responses.create(model="m", input="hi", stream=True) as stream:
            seen.extend(stream)
    assert [event.type for event in seen] == ["response.created", "error"]
    assert isinstance(seen[1], pkg.models.ResponseErrorEvent)


def test_an_event_that_breaks_its_schema_raises_with_a_pointer(pkg, client, server):
    server.inject(Fault("invalid_event"))
    with pytest.raises(pkg.ResponseValidationError, match="/sequence_number") as caught:
        with client.responses.create(model="m", input="hi", stream=True, validation="spec") as stream:
            list(stream)
    assert caught.value.request_id == "mock-1"
    assert b"sequence_number" in caught.value.body and caught.value.status_code == 200
    assert stream.response.is_closed


@pytest.mark.parametrize("cut", ["cut_stream", "truncated_stream"])
def test_a_stream_cut_mid_event_raises(pkg, client, server, cut):
    server.inject(Fault(cut))
    seen = []
    with pytest.raises(pkg.StreamInterruptedError):
        with client.responses.create(model="m", input="hi", stream=True) as stream:
            seen.extend(stream)
    assert seen and seen[-1].type != "response.completed"
    assert stream.final_response is None


def test_5xx_is_retried_then_succeeds(pkg, client, server):
    server.inject(Fault("status", status=503, retry_after=0, times=2))
    assert client.responses.create(model="m", input="hi").output_text
    assert len(server.requests) == 3


def test_retries_are_bounded(pkg, client, server):
    server.inject(Fault("status", status=500, retry_after=0, times=5))
    with pytest.raises(pkg.InternalServerError) as caught:
        client.responses.create(model="m", input="hi")
    assert (caught.value.status_code, caught.value.code) == (500, "mock_fault")
    assert len(server.requests) == 3  # max_retries=2


def test_retry_after_is_honoured(pkg, client, server):
    server.inject(Fault("status", status=429, retry_after=0.3))
    client.responses.create(model="m", input="hi")
    first, second = server.requests
    assert second.at - first.at >= 0.3


def test_a_slow_reply_times_out(pkg, server):
    server.inject(Fault("slow", delay=2.0))
    with pkg.Client(api_key=KEY, base_url=server.url, timeout=0.5, max_retries=0) as client:
        with pytest.raises(pkg.APITimeoutError):
            client.responses.create(model="m", input="hi")


def test_a_timeout_is_retried(pkg, server):
    server.inject(Fault("slow", delay=2.0))
    with pkg.Client(api_key=KEY, base_url=server.url, timeout=0.5, max_retries=1) as client:
        assert client.responses.create(model="m", input="hi").output_text
    assert len(server.requests) == 2


def test_a_non_json_body(pkg, client, server):
    server.inject(Fault("non_json", status=200))
    with pytest.raises(pkg.ResponseValidationError, match="not valid JSON") as caught:
        client.responses.create(model="m", input="hi")
    assert caught.value.request_id == "mock-1"
    server.inject(Fault("non_json", status=502))
    with pkg.Client(api_key=KEY, base_url=server.url, max_retries=0) as once:
        with pytest.raises(pkg.InternalServerError, match="502 Bad Gateway"):
            once.responses.create(model="m", input="hi")


def test_a_failed_status_is_data_with_a_raising_helper(pkg, client, server):
    server.inject(Fault("failed"))
    response = client.responses.create(model="m", input="hi")
    assert response.status == "failed"
    with pytest.raises(pkg.ResponseFailedError, match="rate_limit_exceeded"):
        response.raise_for_status()


def test_a_refused_connection(pkg):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pkg.Client(api_key=KEY, base_url=f"http://127.0.0.1:{port}", max_retries=1) as client:
        with pytest.raises(pkg.APIConnectionError) as caught:
            client.responses.create(model="m", input="hi")
    assert KEY not in str(caught.value)


def test_the_async_client(vendor, pkg, server):
    async def scenario():
        async with pkg.AsyncClient(api_key=KEY, base_url=server.url, max_retries=2) as client:
            server.inject(Fault("status", status=502, retry_after=0))
            response = await client.responses.create(model="m", input="hi")
            async with await client.responses.create(model="m", input="hi", stream=True) as stream:
                types = [event.type async for event in stream]
            server.inject(Fault("cut_stream"))
            stream = await client.responses.create(model="m", input="hi", stream=True)
            with pytest.raises(pkg.StreamInterruptedError):
                async with stream:
                    async for _ in stream:
                        pass
            return response, types, stream

    response, types, cut = asyncio.run(scenario())
    assert response.output_text == documented_text(vendor)
    assert types[0] == "response.created" and types[-1] == "response.completed"
    assert cut.final_response is None
    assert len(server.requests) == 4
