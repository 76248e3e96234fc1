"""openai-python, which we did not write, reads what our mock sends: the 200 body as its
`Response` and every streamed event as its `ResponseStreamEvent`, validated strictly by its
own pydantic types. The one allowance: a field openai-python requires that the vendor's own
documented response leaves out (the mock serves that example as it is); those are named.
"""

from __future__ import annotations

import functools
import typing

import httpx
import openai
import pytest
from openai.types.responses import Response, ResponseStreamEvent
from pydantic import BaseModel, ValidationError

from responses_bindings.commands.mock import MockServer, VendorMock
from responses_bindings.common.document import documented_examples

from conftest import GENERATED, bundled_document

KEY = "sk-outside-reader-1234"
AUTH = {"ai360": f"Bearer {KEY}", "zhixin": KEY}


@functools.cache
def event_class(event_type: str) -> type[BaseModel]:
    """openai-python's own class for an event `type` (its union is tagged by `type`)."""
    members = typing.get_args(typing.get_args(ResponseStreamEvent)[0])
    return next(cls for cls in members if event_type in typing.get_args(cls.model_fields["type"].annotation))


@functools.cache
def documented_response(vendor: str) -> dict:
    return next(e.value for e in documented_examples(vendor, bundled_document(vendor)) if e.kind == "response")


def _absent(response: dict, loc: tuple) -> bool:
    """Whether the place `loc` names is missing from the documented response itself (walking
    only through what it has; union member tags in pydantic's path are skipped)."""
    node: object = response
    for token in loc:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and isinstance(token, int) and token < len(node):
            node = node[token]
        elif isinstance(node, dict) and isinstance(token, str) and token not in node and token == loc[-1]:
            return True
    return False


def problems(model: type[BaseModel], value: dict, vendor: str, prefix: tuple = ()) -> list[str]:
    """Validation errors (openai-python's types) other than fields the vendor's documented response leaves out."""
    try:
        model.model_validate(value)
    except ValidationError as exc:
        documented = documented_response(vendor)
        return [
            f"{'/'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()
            if not (e["type"] == "missing" and _absent(documented, tuple(e["loc"])[len(prefix):]))
        ]
    return []


@pytest.fixture
def server(vendor):
    with MockServer(VendorMock.from_generated(GENERATED, vendor, api_key=KEY)) as running:
        yield running


@pytest.fixture
def gateway(server):
    return openai.OpenAI(base_url=server.url + "/v1", api_key=KEY, max_retries=0, timeout=10)


def test_openai_python_reads_the_mock_body_as_its_response(vendor, gateway):
    raw = gateway.responses.with_raw_response.create(model="m", input="hi", extra_headers={"Authorization": AUTH[vendor]})
    assert raw.http_request.headers["authorization"] == AUTH[vendor]
    assert problems(Response, raw.http_response.json(), vendor) == []


def test_openai_python_reads_every_mock_event_strictly(vendor, gateway):
    stream = gateway.responses.create(model="m", input="hi", stream=True, extra_headers={"Authorization": AUTH[vendor]})
    seen, bad = [], []
    for event in stream:
        seen.append(event.type)
        data = event.model_dump(mode="json", exclude_unset=True)
        prefix = ("response",) if "response" in data else ()
        bad += [f"#{len(seen) - 1} {event.type}: {p}" for p in problems(event_class(event.type), data, vendor, prefix)]
    assert seen[0] == "response.created" and seen[-1] in ("response.completed", "response.failed", "response.incomplete")
    assert bad == []


def test_in_progress_events_send_usage_as_null_not_absent(vendor, server):
    headers = {"Authorization": AUTH[vendor]}
    text = httpx.post(server.url + "/v1/responses", json={"model": "m", "input": "hi", "stream": True}, headers=headers).text
    created = text.split("\n\n", 1)[0]
    assert created.startswith("event: response.created\n") and '"usage": null' in created and '"completed_at": null' in created


def test_reasoning_summaries_stream_inside_summary_parts(vendor, gateway):
    if not any(item.get("type") == "reasoning" and item.get("summary") for item in documented_response(vendor)["output"]):
        pytest.skip(f"{vendor}'s documented response has no reasoning summary")
    stream = gateway.responses.create(model="m", input="hi", stream=True, extra_headers={"Authorization": AUTH[vendor]})
    kinds = [event.type for event in stream]
    added, delta = kinds.index("response.reasoning_summary_part.added"), kinds.index("response.reasoning_summary_text.delta")
    done = kinds.index("response.reasoning_summary_part.done")
    assert added < delta < kinds.index("response.reasoning_summary_text.done") < done
