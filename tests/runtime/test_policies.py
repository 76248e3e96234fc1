"""The `validation=` policies on published payloads that drift: every deviation class x every
policy, through parse() and through the clients over loopback HTTP (sync and async, bodies and
streams), asserting what comes back (the object, its issues with class and pointer, a lossless
round trip) or what is raised (the class, the pointer, the body that was received).

The bases are real vendor payloads from tests/fixtures/corpus/ (cited in its sources.yaml): a
file-search answer relayed by 360 and a reasoning answer from 智信's documentation, and a recorded
stream transcript of each vendor.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
from dataclasses import dataclass

import pytest

from responses_bindings.commands.mock import MockServer
from responses_bindings.commands.mock.events import sse_block

from conftest import CORPUS, VENDORS, vendor_package

KEY = "sk-policy-test-1234"
POLICIES = ("strict", "spec", "warn", "off")
BASES = {"ai360": "response/oai-ref-file-search.json", "zhixin": "response/zhixin-doc-reasoning-and-message.json"}
STREAMS = {"ai360": "streams/pydantic-ai-plain-text-logprobs.sse", "zhixin": "streams/ds-compat-plain-text.sse"}


@dataclass(frozen=True)
class Drift:
    """One change a gateway might make to a response, and the issue the spec finds in it."""

    deviation: str
    pointer: str  # where the issue is reported
    change: tuple  # ("set", pointer, value) or ("drop", pointer)

    def apply(self, payload: dict) -> dict:
        changed = copy.deepcopy(payload)
        *path, last = self.change[1].strip("/").split("/")
        node = changed
        for token in path:
            node = node[int(token)] if isinstance(node, list) else node[token]
        if self.change[0] == "drop":
            del node[last]
        else:
            node[last] = self.change[2]
        return changed


DRIFTS = [
    Drift("unknown-variant", "/output/0/type", ("set", "/output/0/type", "vendor_memory_call")),
    Drift("bad-value", "/status", ("set", "/status", "requires_action")),
    Drift("unexpected-null", "/model", ("set", "/model", None)),
    Drift("missing-field", "", ("drop", "/id")),
    Drift("wrong-type", "/created_at", ("set", "/created_at", "yesterday")),
    Drift("unknown-field", "/x_gateway_trace", ("set", "/x_gateway_trace", {"hop": 2})),
]
IDS = [drift.deviation for drift in DRIFTS]


def base(vendor: str) -> dict:
    return json.loads((CORPUS / vendor / BASES[vendor]).read_bytes())


def raises(policy: str, drift: Drift) -> bool:
    """strict refuses every deviation; spec all but undeclared fields; warn and off none."""
    return policy == "strict" or (policy == "spec" and drift.deviation != "unknown-field")


def reported(policy: str, drift: Drift) -> bool:
    return policy == "warn" and drift.deviation != "unknown-field"


def test_the_bases_fit_the_spec(vendor):
    pkg = vendor_package(vendor)
    assert pkg.validate(base(vendor), "response", strict=True) == []


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("drift", DRIFTS, ids=IDS)
def test_parse_by_policy(vendor, drift, policy, caplog):
    pkg = vendor_package(vendor)
    sent = drift.apply(base(vendor))
    raw = json.dumps(sent, ensure_ascii=False).encode()
    if raises(policy, drift):
        with pytest.raises(pkg.PayloadError) as caught:
            pkg.parse(raw, validation=policy)
        assert (drift.pointer, drift.deviation) in {(i.pointer, i.deviation) for i in caught.value.issues}
        return
    with caplog.at_level(logging.WARNING, logger=pkg.__name__):
        response = pkg.parse(raw, validation=policy)
    assert isinstance(response, pkg.Response)
    assert response.to_dict() == sent, "not a lossless round trip"
    issues = {(i.pointer, i.deviation) for i in response.validation_issues}
    assert issues == ({(drift.pointer, drift.deviation)} if reported(policy, drift) else set())
    warnings = [r for r in caplog.records if r.name == pkg.__name__]
    assert len(warnings) == reported(policy, drift)
    if warnings:
        assert drift.pointer or "/" in warnings[0].getMessage()


def test_warn_keeps_an_unknown_item_whole_and_types_the_rest(vendor):
    pkg = vendor_package(vendor)
    sent = DRIFTS[0].apply(base(vendor))
    response = pkg.parse(json.dumps(sent), validation="warn")
    assert response.output is not None
    assert response.output[0] == sent["output"][0], "the unknown item is the data that was sent"
    assert isinstance(response.output[1], pkg.models.ResponseOutputMessage) and response.output_text


def test_validate_allows_the_classes_it_is_told(vendor):
    pkg = vendor_package(vendor)
    sent = DRIFTS[1].apply(DRIFTS[5].apply(base(vendor)))
    issues = pkg.validate(sent, "response", strict=True, allow=["unknown-field"])
    assert [(i.deviation, i.allowed) for i in issues] == [("bad-value", False), ("unknown-field", True)]
    assert not issues.valid and pkg.validate(sent, "response", strict=True, allow=("unknown-field", "bad-value")).valid
    with pytest.raises(ValueError, match="cannot allow 'malformed-json'"):
        pkg.validate(sent, allow=["malformed-json"])


@pytest.mark.parametrize("policy", POLICIES)
def test_text_that_is_not_json_raises_in_every_policy(vendor, policy):
    pkg = vendor_package(vendor)
    with pytest.raises(pkg.PayloadError) as caught:
        pkg.parse(b'{"id": "r', validation=policy)
    assert caught.value.issues[0].deviation == "malformed-json"


# -- over HTTP: a loopback server answering with the drifted payloads --------------------------


class Canned:
    """What MockServer needs of a gateway, answering every request with fixed bytes."""

    auth_name = "Authorization"

    def __init__(self, response_body: bytes = b"", stream_body: bytes = b""):
        self.response_body, self.stream_body = response_body, stream_body

    def auth_problem(self, value: str | None) -> None:
        return None

    def read_request(self, raw: bytes) -> tuple[object, list[str]]:
        return json.loads(raw), []


def call(pkg, url: str, asynchronous: bool, stream: bool, **options):
    """One create() through Client or AsyncClient: the Response, or the list of stream events and the final response."""

    def read(made):
        if not stream:
            return made
        with made as events:
            return list(events), events.final_response

    async def read_async(client):
        made = await client.responses.create(model="m", input="hi", stream=stream, **options)
        if not stream:
            return made
        async with made as events:
            return [event async for event in events], events.final_response

    async def run_async():
        async with pkg.AsyncClient(api_key=KEY, base_url=url, max_retries=0) as client:
            return await read_async(client)

    if asynchronous:
        return asyncio.run(run_async())
    with pkg.Client(api_key=KEY, base_url=url, max_retries=0) as client:
        return read(client.responses.create(model="m", input="hi", stream=stream, **options))


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("drift", DRIFTS, ids=IDS)
def test_a_drifted_response_by_policy(vendor, drift, policy, asynchronous):
    pkg = vendor_package(vendor)
    body = json.dumps(drift.apply(base(vendor)), ensure_ascii=False).encode()
    with MockServer(Canned(response_body=body)) as server:
        if raises(policy, drift):
            with pytest.raises(pkg.ResponseValidationError) as caught:
                call(pkg, server.url, asynchronous, False, validation=policy)
            error = caught.value
            assert (drift.pointer, drift.deviation) in {(i.pointer, i.deviation) for i in error.issues}
            assert (error.body, error.status_code, error.request_id) == (body, 200, "mock-1")
            assert error.headers["content-type"] == "application/json"
            return
        response = call(pkg, server.url, asynchronous, False, validation=policy)
    assert response.to_dict() == json.loads(body)
    assert {(i.pointer, i.deviation) for i in response.validation_issues} == (
        {(drift.pointer, drift.deviation)} if reported(policy, drift) else set()
    )


def test_the_client_default_is_warn_and_a_call_overrides_it(vendor):
    pkg = vendor_package(vendor)
    body = json.dumps(DRIFTS[1].apply(base(vendor))).encode()
    with MockServer(Canned(response_body=body)) as server:
        assert call(pkg, server.url, False, False).status == "requires_action"
        with pytest.raises(pkg.ResponseValidationError):
            call(pkg, server.url, False, False, validation="spec")
    with pytest.raises(ValueError, match="unknown validation 'lenient'"):
        pkg.Client(api_key=KEY, validation="lenient")  # type: ignore[arg-type]


def drifted_stream(vendor: str) -> tuple[bytes, list[dict], int]:
    """The vendor's recorded transcript with a new event type inserted after the first event and
    one delta's `delta` turned into a number; (SSE bytes, the events sent, the broken event's index)."""
    text = (CORPUS / vendor / STREAMS[vendor]).read_text("utf-8")
    events = [json.loads(line[5:]) for line in text.splitlines() if line.startswith("data:") and line[5:].strip() != "[DONE]"]
    broken = next(i for i, e in enumerate(events) if e["type"] == "response.output_text.delta")
    events[broken] = {**events[broken], "delta": 42}
    events.insert(1, {"type": "response.vendor_heartbeat", "sequence_number": 1, "load": 0.3})
    return b"".join(sse_block(event) for event in events), events, broken + 1


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("policy", POLICIES)
def test_a_drifted_stream_by_policy(vendor, policy, asynchronous, caplog):
    pkg = vendor_package(vendor)
    body, sent, broken = drifted_stream(vendor)
    with MockServer(Canned(stream_body=body)) as server:
        if policy in ("strict", "spec"):
            with pytest.raises(pkg.ResponseValidationError) as caught:
                call(pkg, server.url, asynchronous, True, validation=policy)
            refused = json.loads(caught.value.body)
            if policy == "spec":  # the undocumented event passes; the broken delta stops the stream
                assert refused == sent[broken]
                assert [(i.pointer, i.deviation) for i in caught.value.issues] == [("/delta", "wrong-type")]
            else:  # the first event with any deviation, undeclared fields included
                first = next(e for e in sent if pkg.validate(e, "event", strict=True) or e["type"] == "response.vendor_heartbeat")
                assert refused == first and caught.value.issues
            return
        with caplog.at_level(logging.WARNING, logger=pkg.__name__):
            events, final = call(pkg, server.url, asynchronous, True, validation=policy)
    assert [event.to_dict() for event in events] == sent, "every event arrives, each as it was sent"
    assert isinstance(events[1], pkg.UnknownEvent) and events[1].load == 0.3
    assert final is not None and final.id == sent[-1]["response"]["id"]
    issues = [(n, i.pointer, i.deviation) for n, event in enumerate(events) for i in event.validation_issues]
    logged = [r for r in caplog.records if r.name == pkg.__name__]
    if policy == "warn":
        assert issues == [(1, "/type", "unknown-variant"), (broken, "/delta", "wrong-type")]
        assert len(logged) == 2
    else:
        assert issues == [] and logged == []


@pytest.mark.parametrize("vendor", VENDORS)
def test_an_unknown_event_keeps_the_sse_name_without_writing_it_back(vendor):
    pkg = vendor_package(vendor)
    from importlib import import_module

    streaming, sse = import_module(f"{vendor}_responses._streaming"), import_module(f"{vendor}_responses._sse")
    event = streaming.decode_event(sse.Event("response.vendor_ping", '{"n": 1}'), validation="warn")
    assert isinstance(event, pkg.UnknownEvent) and event.type == "response.vendor_ping" and event.to_dict() == {"n": 1}
