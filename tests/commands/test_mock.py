"""The mock gateway: what it serves, what it refuses, and its command line."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx
import jsonschema
import pytest
from httpx_sse import EventSource

from responses_bindings.commands.mock import Fault, MockServer, VendorMock
from responses_bindings.commands.mock.events import synthesize_events

from conftest import GENERATED, REPO, bundled_document

# Ground truth from the vendor pages: the header each gateway expects.
GOOD_AUTH = {"ai360": "Bearer k", "zhixin": "k"}
BAD_AUTH = {"ai360": "k", "zhixin": "Bearer k"}


def kind_validator(vendor: str, kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((GENERATED / vendor / f"{vendor}_responses" / "schemas" / f"{kind}.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture
def server(vendor):
    with MockServer(VendorMock.from_generated(GENERATED, vendor)) as running:
        yield running


def post(server, vendor, body, auth=None) -> httpx.Response:
    headers = {"Authorization": auth if auth is not None else GOOD_AUTH[vendor]}
    return httpx.post(server.url + "/v1/responses", json=body, headers=headers, timeout=5)


def test_synthesized_events_fit_the_schema_and_rebuild_the_response(vendor):
    mock = VendorMock.from_generated(GENERATED, vendor)
    validator = kind_validator(vendor, "event")
    for event in mock.events:
        assert not list(validator.iter_errors(event)), event["type"]
    for index, item in enumerate(mock.response["output"]):
        for part_index, part in enumerate(item.get("content") or []):
            deltas = [
                e["delta"] for e in mock.events
                if e["type"] == "response.output_text.delta" and (e["output_index"], e["content_index"]) == (index, part_index)
            ]
            assert "".join(deltas) == part["text"]
        for summary_index, summary in enumerate(item.get("summary") or []):
            deltas = [
                e["delta"] for e in mock.events
                if e["type"] == "response.reasoning_summary_text.delta" and (e["output_index"], e["summary_index"]) == (index, summary_index)
            ]
            assert "".join(deltas) == summary["text"]
    assert mock.events[-1] == {"type": "response.completed", "sequence_number": len(mock.events) - 1, "response": mock.response}


def test_a_function_call_streams_its_arguments():
    call = {"type": "function_call", "id": "fc_1", "call_id": "c1", "name": "f", "arguments": '{"city": "Paris"}'}
    events = synthesize_events({"id": "r", "status": "incomplete", "output": [call]})
    deltas = "".join(e["delta"] for e in events if e["type"] == "response.function_call_arguments.delta")
    assert deltas == call["arguments"]
    assert events[-1]["type"] == "response.incomplete"


def test_it_serves_the_documented_example(vendor, server):
    answer = post(server, vendor, {"model": "m", "input": "hi"})
    operation = bundled_document(vendor)["paths"]["/v1/responses"]["post"]
    documented = operation["responses"]["200"]["content"]["application/json"]["examples"]["documented"]["value"]
    assert answer.status_code == 200 and answer.json() == documented
    assert answer.headers["x-request-id"] == "mock-1"


def test_it_streams_server_sent_events(vendor, server):
    headers = {"Authorization": GOOD_AUTH[vendor]}
    with httpx.stream("POST", server.url + "/v1/responses", json={"model": "m", "input": "hi", "stream": True}, headers=headers) as answer:
        events = list(EventSource(answer).iter_sse())
    assert answer.headers["content-type"] == "text/event-stream"
    assert all(json.loads(sse.data)["type"] == sse.event for sse in events)
    assert events[-1].event == "response.completed"


def test_it_checks_the_auth_header(vendor, server):
    validator = kind_validator(vendor, "error")
    for auth in (BAD_AUTH[vendor], ""):
        answer = post(server, vendor, {"model": "m", "input": "hi"}, auth=auth)
        assert answer.status_code == 401
        assert not list(validator.iter_errors(answer.json()))


def test_it_only_accepts_the_configured_key(vendor):
    with MockServer(VendorMock.from_generated(GENERATED, vendor, api_key="right")) as server:
        prefix = GOOD_AUTH[vendor].removesuffix("k")
        assert post(server, vendor, {"model": "m", "input": "hi"}, auth=prefix + "wrong").status_code == 401
        assert post(server, vendor, {"model": "m", "input": "hi"}, auth=prefix + "right").status_code == 200


def test_it_validates_the_body_and_answers_the_vendor_error(vendor, server):
    answer = post(server, vendor, {"input": "hi", "temperature": "hot"})
    body = answer.json()
    assert answer.status_code == 400
    assert not list(kind_validator(vendor, "error").iter_errors(body))
    text = json.dumps(body)
    assert "/temperature" in text and "model" in text
    # 智信 (DashScope) answers {request_id, code, message}; 360 the OpenAI envelope.
    assert ("request_id" in body) == (vendor == "zhixin") and ("error" in body) == (vendor == "ai360")


def test_it_refuses_other_routes(vendor, server):
    assert httpx.get(server.url + "/v1/responses").status_code == 404
    assert post(server, vendor, {"model": "m"}).status_code == 200
    assert httpx.post(server.url + "/v1/chat", json={}, headers={"Authorization": GOOD_AUTH[vendor]}).status_code == 404


def test_faults_apply_in_order_then_stop(vendor, server):
    server.inject(Fault("status", status=429, retry_after=2, times=2), Fault("non_json", status=502))
    answers = [post(server, vendor, {"model": "m", "input": "hi"}) for _ in range(4)]
    assert [a.status_code for a in answers] == [429, 429, 502, 200]
    assert answers[0].headers["retry-after"] == "2"
    assert answers[2].headers["content-type"] == "text/html"
    with pytest.raises(ValueError, match="unknown fault kind"):
        Fault("explode")


def test_the_command_line_serves_until_stopped(vendor):
    process = subprocess.Popen(
        [sys.executable, "-m", "responses_bindings", "--out", str(GENERATED), "mock", "--vendor", vendor, "--port", "0"],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )
    try:
        line = process.stdout.readline()
        url = line.split(" gateway on ", 1)[1].split()[0]
        answer = httpx.post(url + "/v1/responses", json={"model": "m", "input": "hi"}, headers={"Authorization": GOOD_AUTH[vendor]}, timeout=5)
        assert answer.status_code == 200 and answer.json()["object"] == "response"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_command_line_names_a_missing_vendor(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "responses_bindings", "--out", str(tmp_path), "mock", "--vendor", "nobody"],
        cwd=REPO, capture_output=True, text=True, timeout=30,
    )
    assert done.returncode == 2 and "nobody/openapi.json" in done.stderr
