"""The outside world: published payloads and recorded event streams, through every layer.

tests/fixtures/corpus/<vendor>/ holds request, response, error and event payloads and SSE
transcripts as their public sources printed or recorded them; <vendor>/sources.yaml cites each
file and says what was changed. Every payload passes validate(), parse() and the JSON Schema
oracle (or, when its entry says `expect: {valid: false}`, all three reject it at the stated
pointer); every transcript's events validate, and the vendor's Client reads the transcript
replayed byte for byte by a loopback server; mutated copies of the payloads are rejected at
the pointer of the mutation.
"""

from __future__ import annotations

import copy
import functools
import json

import jsonschema
import pytest
import yaml
from test_client import KEY

from responses_bindings.commands.mock import MockServer

from conftest import CORPUS, VENDORS, vendor_package

KINDS = ("request", "response", "error", "event")
ORIGINS = ("wire recording", "documentation example")
SCENARIOS = {
    "plain-text",
    "reasoning-summary",
    "function-calling",
    "web-search-citations",
    "builtin-tool",
    "failed-or-incomplete",
}
TERMINAL = {"response.completed", "response.failed", "response.incomplete"}
MIN_PAYLOADS, MIN_TRANSCRIPTS = 40, 6
CORPUS_VENDORS = VENDORS  # every vendor has a corpus (a missing folder fails its tests, never skips them)


@functools.cache
def sources(vendor: str) -> dict[str, dict]:
    """sources.yaml of a vendor: corpus path (relative to the vendor folder) -> its citation."""
    return yaml.safe_load((CORPUS / vendor / "sources.yaml").read_text("utf-8"))["files"]


def corpus(vendor: str) -> list[str]:
    return sorted(
        str(path.relative_to(CORPUS / vendor))
        for path in (CORPUS / vendor).rglob("*")
        if path.is_file() and path.name != "sources.yaml"
    )


PAYLOADS = [(vendor, name) for vendor in CORPUS_VENDORS for name in corpus(vendor) if name.split("/")[0] in KINDS]
TRANSCRIPTS = [(vendor, name) for vendor in CORPUS_VENDORS for name in corpus(vendor) if name.startswith("streams/")]


def case_id(case: tuple[str, str]) -> str:
    return ":".join(case)


@functools.cache
def oracle(vendor: str, kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(vendor_package(vendor).schema(kind))


def oracle_errors(vendor: str, kind: str, instance: object) -> list[str]:
    return [
        f"/{'/'.join(map(str, error.absolute_path))}: {error.message[:120]}"
        for error in oracle(vendor, kind).iter_errors(instance)
    ]


def shown(issues) -> str:
    return "; ".join(map(str, issues[:8])) + (f"; ... ({len(issues)} in all)" if len(issues) > 8 else "")


def data_blocks(raw: bytes) -> list[str]:
    """The data of every event of an SSE text, in order (comments, `id:`, `event:` and empty blocks left out)."""
    text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    blocks = []
    for block in text.split("\n\n"):
        data = [line[5:].removeprefix(" ") for line in block.split("\n") if line.startswith("data:")]
        if data:
            blocks.append("\n".join(data))
    return blocks


def events_of(raw: bytes) -> list[dict]:
    return [json.loads(block) for block in data_blocks(raw) if block != "[DONE]"]


# -- the corpus itself ---------------------------------------------------------------------------


@pytest.mark.parametrize("vendor", CORPUS_VENDORS)
def test_every_file_cites_its_source(vendor):
    cited, on_disk = sources(vendor), corpus(vendor)
    assert sorted(cited) == on_disk, f"sources.yaml and the folder differ: {sorted(set(cited) ^ set(on_disk))}"
    for name, entry in cited.items():
        for field in ("source", "shows", "origin", "changes"):
            assert isinstance(entry.get(field), str) and entry[field].strip(), f"{vendor}/{name}: no {field}"
        assert entry["origin"] in ORIGINS, f"{vendor}/{name}: origin {entry['origin']!r}"
        if name.startswith("streams/"):
            assert set(entry.get("covers", ())) <= SCENARIOS and entry.get("covers"), (
                f"{vendor}/{name}: covers {entry.get('covers')}"
            )
        if "expect" in entry:
            expect = entry["expect"]
            pointer = expect.get("at")
            assert expect.get("valid") is False, f"{vendor}/{name}: expect is only for payloads the spec rejects"
            assert isinstance(pointer, str) and (pointer == "" or pointer.startswith("/")), (
                f"{vendor}/{name}: at {pointer!r}"
            )
            assert expect.get("why"), f"{vendor}/{name}: expect without why"
            if name.startswith("streams/"):
                assert isinstance(expect.get("event"), int), f"{vendor}/{name}: expect names no event index"


@pytest.mark.parametrize("vendor", CORPUS_VENDORS)
def test_the_corpus_is_big_enough(vendor):
    kinds = [name.split("/")[0] for owner, name in PAYLOADS if owner == vendor]
    assert len(kinds) >= MIN_PAYLOADS and set(kinds) == set(KINDS), {kind: kinds.count(kind) for kind in KINDS}
    transcripts = [name for v, name in TRANSCRIPTS if v == vendor]
    assert len(transcripts) >= MIN_TRANSCRIPTS, transcripts
    covered = {tag for name in transcripts for tag in sources(vendor)[name]["covers"]}
    assert covered == SCENARIOS, f"no transcript shows {sorted(SCENARIOS - covered)}"


@pytest.mark.parametrize("case", TRANSCRIPTS, ids=case_id)
def test_every_transcript_is_well_formed(case):
    vendor, name = case
    raw = (CORPUS / vendor / name).read_bytes()
    assert raw.endswith(b"\n\n"), f"{vendor}/{name}: the last event is not closed by a blank line"
    for number, block in enumerate(data_blocks(raw)):
        if block != "[DONE]":
            assert isinstance(json.loads(block), dict), f"{vendor}/{name}: data block {number} is not a JSON object"


# -- payloads through validate(), parse() and the JSON Schema oracle ----------------------------


@pytest.mark.parametrize("case", PAYLOADS, ids=case_id)
def test_every_layer_agrees_on_the_payload(case):
    vendor, name = case
    pkg, kind = vendor_package(vendor), name.split("/")[0]
    raw = (CORPUS / vendor / name).read_bytes()
    issues, rejected_by_oracle = pkg.validate(raw, kind), oracle_errors(vendor, kind, json.loads(raw))
    expect = sources(vendor)[name].get("expect")
    if expect is None:
        assert issues == [], f"{vendor}/{name}: validate() reports {shown(issues)}"
        assert rejected_by_oracle == [], f"{vendor}/{name}: the JSON Schema oracle reports {rejected_by_oracle[:5]}"
        parsed = pkg.parse(raw, kind)
        dumped = parsed.model_dump(mode="json", by_alias=True, exclude_unset=True)
        assert dumped == json.loads(raw), f"{vendor}/{name}: parse() then model_dump() does not give the payload back"
    else:
        assert expect["at"] in {issue.pointer for issue in issues}, (
            f"{vendor}/{name}: expected an issue at {expect['at']!r}, got {shown(issues)}"
        )
        assert rejected_by_oracle, f"{vendor}/{name}: the oracle accepts what validate() rejects"
        with pytest.raises(pkg.PayloadError):
            pkg.parse(raw, kind)


# -- transcripts: each event, then the whole stream through the client over loopback HTTP --------


@pytest.mark.parametrize("case", TRANSCRIPTS, ids=case_id)
def test_every_event_of_the_transcript_validates(case):
    """Each event until the first the sources expect rejected (all of them when none is) passes both validators."""
    vendor, name = case
    pkg = vendor_package(vendor)
    events, expect = events_of((CORPUS / vendor / name).read_bytes()), sources(vendor)[name].get("expect")
    accepted = events[: expect["event"]] if expect else events
    failures = []
    for number, event in enumerate(accepted):
        issues = pkg.validate(event, "event")
        if issues or oracle_errors(vendor, "event", event):
            failures.append(
                f"#{number} {event.get('type')}: {shown(issues) or oracle_errors(vendor, 'event', event)[:3]}"
            )
    assert not failures, f"{vendor}/{name}: {len(failures)} event(s) rejected:\n" + "\n".join(failures[:15])
    if expect:
        rejected = events[expect["event"]]
        issues = pkg.validate(rejected, "event")
        assert expect["at"] in {issue.pointer for issue in issues}, (
            f"{vendor}/{name} #{expect['event']}: expected an issue at {expect['at']!r}, got {shown(issues)}"
        )
        assert oracle_errors(vendor, "event", rejected), f"{vendor}/{name} #{expect['event']}: the oracle accepts it"


class Replay:
    """What MockServer needs of a VendorMock to answer any streamed request with one transcript's bytes.

    MockServer sends `stream_body` chunked as text/event-stream; the gateway checks a VendorMock
    makes (auth, request schema) are not what these tests are about, so every request passes.
    """

    auth_name = "Authorization"

    def __init__(self, stream_body: bytes):
        self.stream_body = stream_body

    def auth_problem(self, value: str | None) -> None:
        return None

    def read_request(self, raw: bytes) -> tuple[object, list[str]]:
        return json.loads(raw), []


@pytest.mark.parametrize("case", TRANSCRIPTS, ids=case_id)
def test_the_client_reads_the_replayed_transcript(case):
    vendor, name = case
    pkg = vendor_package(vendor)
    raw = (CORPUS / vendor / name).read_bytes()
    published = events_of(raw)
    replay = Replay(raw)
    expect = sources(vendor)[name].get("expect")
    if expect:  # the client stops at the event the sources expect rejected, naming its pointer
        published = published[: expect["event"]]
    ends_terminal = not expect and published[-1].get("type") in TERMINAL
    received = []
    with (
        MockServer(replay) as server,
        pkg.Client(api_key=KEY, base_url=server.url, timeout=10.0, max_retries=0, validation="spec") as client,
    ):
        with client.responses.create(model="m", input="hi", stream=True) as stream:
            if ends_terminal:
                received.extend(stream)
            else:
                failure = pkg.ResponseValidationError if expect else pkg.StreamInterruptedError
                with pytest.raises(failure) as caught:
                    received.extend(stream)
                if expect:
                    assert expect["at"] in {issue.pointer for issue in caught.value.issues}, caught.value
    assert [event.type for event in received] == [event.get("type") for event in published]
    undocumented = sorted({event.type for event in received if isinstance(event, pkg.UnknownEvent)})
    assert not undocumented, f"{vendor}/{name}: event types the spec does not know: {undocumented}"
    if ends_terminal:
        assert stream.final_response is not None
        assert stream.final_response.id == published[-1]["response"]["id"]
    else:
        assert stream.final_response is None


# -- invalid variants: one change each, rejected at its pointer ----------------------------------

BAD = {  # kind -> (JSON pointer, a value of the wrong type or outside the enum)
    "request": [
        ("/model", 5),
        ("/input", 42),
        ("/temperature", "hot"),
        ("/stream", "yes"),
        ("/previous_response_id", 7),
    ],
    "response": [
        ("/created_at", "soon"),
        ("/status", "exploded"),
        ("/usage/output_tokens", "many"),
        ("/output", "none"),
    ],
    "error": [("/error/message", 5), ("/message", 5), ("/code", ["a", "list"])],
    "event": [("/sequence_number", "one"), ("/output_index", "first"), ("/delta", 7), ("/item_id", 8)],
}


def _get(document, pointer: str):
    node = document
    for token in pointer.strip("/").split("/"):
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def _replaced(document, pointer: str, value):
    changed = copy.deepcopy(document)
    *parents, last = pointer.strip("/").split("/")
    target = _get(changed, "/".join(parents)) if parents else changed
    target[int(last) if isinstance(target, list) else last] = value
    return changed


def mutations(kind: str, payload: dict) -> list[tuple[str, str, object]]:
    """(description, expected pointer, mutated payload) for every applicable change."""
    found = []
    for pointer, value in BAD[kind]:
        try:
            _get(payload, pointer)
        except (KeyError, IndexError, TypeError, ValueError):
            continue
        found.append((f"{pointer} = {value!r}", pointer, _replaced(payload, pointer, value)))
    if kind == "response" and "id" in payload:
        found.append(("without id", "", {key: item for key, item in payload.items() if key != "id"}))
    items = payload.get("output") if kind == "response" else None
    for index, item in enumerate(items if isinstance(items, list) else []):
        parts = item.get("content") if isinstance(item, dict) else None
        for part_index, part in enumerate(parts if isinstance(parts, list) else []):
            if isinstance(part, dict) and part.get("type") == "output_text":
                pointer = f"/output/{index}/content/{part_index}/text"
                found.append((f"{pointer} = 5", pointer, _replaced(payload, pointer, 5)))
                return found
    return found


ACCEPTED = [(vendor, name) for vendor, name in PAYLOADS if not sources(vendor)[name].get("expect")]


@pytest.mark.parametrize("case", ACCEPTED, ids=case_id)
def test_an_invalid_variant_is_rejected_at_its_pointer(case):
    """Payloads the spec accepts (the rejected ones are test_every_layer_agrees_on_the_payload's)."""
    vendor, name = case
    pkg, kind = vendor_package(vendor), name.split("/")[0]
    payload = json.loads((CORPUS / vendor / name).read_bytes())
    assert not pkg.validate(payload, kind), f"{vendor}/{name} is rejected but its sources.yaml entry has no expect"
    changes = mutations(kind, payload)
    assert changes, f"{vendor}/{name}: no mutation applies"
    for description, pointer, mutant in changes:
        issues = pkg.validate(mutant, kind)
        at_pointer = [issue for issue in issues if issue.pointer == pointer]
        if description == "without id":
            at_pointer = [issue for issue in at_pointer if '"id"' in issue.message or "'id'" in issue.message]
        assert at_pointer, (
            f"{vendor}/{name} with {description}: expected an issue at {pointer!r}, got {shown(issues) or 'none'}"
        )
        assert oracle_errors(vendor, kind, mutant), f"{vendor}/{name} with {description}: the oracle accepts it"
        with pytest.raises(pkg.PayloadError):
            pkg.parse(mutant, kind)
