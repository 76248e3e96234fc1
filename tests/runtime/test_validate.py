"""validate() / parse(): precise issues, fast engine == reference oracle, strict mode."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from responses_bindings.common import pointer as json_pointer
from responses_bindings.common.document import documented_examples

from conftest import VENDORS, bundled_document, oracle_for, vendor_package

EXAMPLES = {
    (e.vendor_id, e.kind): e.value for vendor in VENDORS for e in documented_examples(vendor, bundled_document(vendor))
}


def events_of(response: dict) -> list[dict]:
    """A realistic event stream around a documented response (events have no documented example)."""
    message = response["output"][-1]
    part = message["content"][0]
    in_progress = dict(response, status="in_progress", output=[])
    return [
        {"type": "response.created", "sequence_number": 0, "response": in_progress},
        {"type": "response.output_item.added", "sequence_number": 1, "output_index": 0, "item": message},
        {"type": "response.content_part.added", "sequence_number": 2, "item_id": message["id"], "output_index": 0,
         "content_index": 0, "part": part},
        {"type": "response.output_text.delta", "sequence_number": 3, "item_id": message["id"], "output_index": 0,
         "content_index": 0, "delta": part["text"][:10], "logprobs": []},
        {"type": "response.completed", "sequence_number": 4, "response": response},
    ]


def samples(vendor: str) -> list[tuple[str, object]]:
    """(kind, valid payload) pairs: the documented examples plus events and error bodies."""
    found = [(kind, value) for (v, kind), value in EXAMPLES.items() if v == vendor]
    found += [("event", event) for event in events_of(EXAMPLES[(vendor, "response")])]
    found.append(("error", {"error": {"message": "bad key", "type": "invalid_request_error", "param": None, "code": "401"}}))
    return found


def pointers(value: object, here: str = ""):
    """Every JSON pointer inside `value`, parents first."""
    yield here, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from pointers(item, f"{here}/{key.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from pointers(item, f"{here}/{index}")


def replaced(document: object, pointer: str, new: object, delete: bool = False) -> object:
    copied = copy.deepcopy(document)
    *parents, last = json_pointer.tokens(pointer)
    node = copied
    for token in parents:
        node = node[int(token)] if isinstance(node, list) else node[token]
    key = int(last) if isinstance(node, list) else last
    if delete:
        del node[key]
    else:
        node[key] = new
    return copied


def foreign(value: object) -> object:
    """A value of another JSON type."""
    return {"unexpected": True} if not isinstance(value, dict) else 12345


def mutations(payload: object):
    """(pointer the error belongs at, mutated payload, strict?) for every place of `payload`.

    A dropped property is reported at the object that lacks it, as JSON Schema does.
    """
    for pointer, value in pointers(payload):
        if not pointer:
            continue
        yield pointer, replaced(payload, pointer, foreign(value)), False
        if not pointer.rsplit("/", 1)[-1].isdigit():
            yield pointer.rsplit("/", 1)[0], replaced(payload, pointer, None, delete=True), False
        if isinstance(value, dict):
            yield pointer + "/x_unknown_field", replaced(payload, pointer, dict(value, x_unknown_field=1)), True


CASES = [(vendor, kind, payload) for vendor in VENDORS for kind, payload in samples(vendor)]
CASE_IDS = [f"{vendor}-{kind}-{i}" for i, (vendor, kind, _) in enumerate(CASES)]


@pytest.mark.parametrize(("vendor", "kind", "payload"), CASES, ids=CASE_IDS)
def test_samples_are_valid_in_every_mode(vendor, kind, payload):
    package = vendor_package(vendor)
    for strict in (False, True):
        assert package.validate(payload, kind, strict=strict) == []
        assert package.validate(json.dumps(payload).encode(), kind, strict=strict, engine="reference") == []
        assert package.parse(json.dumps(payload), kind, strict=strict) is not None


@pytest.mark.parametrize(("vendor", "kind", "payload"), CASES, ids=CASE_IDS)
def test_every_mutation_is_reported_at_its_pointer_by_both_engines(vendor, kind, payload):
    package = vendor_package(vendor)
    checked = 0
    for pointer, mutated, strict in mutations(payload):
        fast = package.validate(mutated, kind, strict=strict)
        reference = package.validate(mutated, kind, strict=strict, engine="reference")
        assert fast == reference, pointer
        assert (fast == []) == oracle_for(vendor, kind, mutated, strict).is_valid(mutated), pointer
        if fast:
            checked += 1
            at_or_inside = [i for i in fast if i.pointer == pointer or i.pointer.startswith(pointer + "/")]
            if not pointer:
                at_or_inside = fast
            assert at_or_inside, (pointer, [str(i) for i in fast])
            with pytest.raises(package.PayloadError) as raised:
                package.parse(mutated, kind, strict=strict)
            assert raised.value.issues == fast
    assert checked > 0


def test_an_item_with_a_bad_field_is_reported_inside_the_variant_its_type_selects(vendor):
    package = vendor_package(vendor)
    response = copy.deepcopy(EXAMPLES[(vendor, "response")])
    response["output"].append({"type": "function_call", "call_id": "c1", "name": "f", "arguments": 7})
    issues = package.validate(response)
    index = len(response["output"]) - 1
    assert [(i.pointer, i.expected, i.found) for i in issues] == [(f"/output/{index}/arguments", "string", "integer 7")]
    raw = jsonschema.Draft202012Validator(package.schema("response")).iter_errors(response)
    assert [list(e.absolute_path) for e in raw] == [["output", index]]  # what the raw oracle says, at the union


def test_an_unknown_type_names_the_allowed_ones(vendor):
    package = vendor_package(vendor)
    event = {"type": "response.output_text.delta", "sequence_number": 1, "item_id": "i", "output_index": 0,
             "content_index": 0, "delta": "x", "logprobs": []}
    assert package.validate(event, "event") == []
    issues = package.validate(dict(event, type="response.bogus"), "event")
    assert [i.pointer for i in issues] == ["/type"]
    assert '"response.output_text.delta"' in issues[0].expected and issues[0].found == '"response.bogus"'


def test_a_union_member_without_type_is_reported_as_missing_its_type(vendor):
    package = vendor_package(vendor)
    response = copy.deepcopy(EXAMPLES[(vendor, "response")])
    response["output"] = [{"id": "x"}]
    issues = package.validate(response)
    assert [(i.pointer, i.keyword, i.expected) for i in issues] == [("/output/0", "required", 'required property "type"')]


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_an_item_that_forgot_its_type_is_reported_as_the_variant_it_resembles(vendor, engine):
    """InputItem members may leave out `type` (messages, item references); an item whose names
    belong to a typed member is that member without its type, not a reference without an id."""
    package = vendor_package(vendor)
    request = {"model": "m", "input": [{"call_id": "c", "name": 5, "arguments": "{}"}, {"role": "user"}]}
    issues = package.validate(request, "request", engine=engine)
    assert [(i.pointer, i.expected) for i in issues] == [
        ("/input/0", 'required property "type"'), ("/input/0/name", "string"), ("/input/1", 'required property "content"')]


def test_issues_carry_expected_and_found_and_sort_by_position(vendor):
    package = vendor_package(vendor)
    response = copy.deepcopy(EXAMPLES[(vendor, "response")])
    response["output"] = [copy.deepcopy(response["output"][-1]) for _ in range(12)]
    response["output"][10]["status"] = "nope"
    response["output"][2]["status"] = "nope"
    del response["id"]
    issues = package.validate(response)
    assert [i.pointer for i in issues] == ["", "/output/2/status", "/output/10/status"]
    assert issues[0].expected == 'required property "id"' and issues[0].found == "no such property"
    assert str(issues[0]) == '/: expected required property "id", found no such property'
    assert issues[1].found == '"nope"' and issues[1].expected.startswith("one of ")
    assert str(issues[1]) == f"/output/2/status: {issues[1].message}"


def test_strict_reports_unknown_fields_that_the_default_accepts(vendor):
    package = vendor_package(vendor)
    response = copy.deepcopy(EXAMPLES[(vendor, "response")])
    response["vendor_extra"] = {"a": 1}
    response["output"][-1]["content"][0]["x_score"] = 0.5
    assert package.validate(response) == []
    issues = package.validate(response, strict=True)
    assert [i.pointer for i in issues] == ["/output/0/content/0/x_score".replace("/0/", f"/{len(response['output']) - 1}/", 1),
                                          "/vendor_extra"]
    assert all(i.found == "unknown property" for i in issues)
    assert package.schema("response", strict=True) != package.schema("response")


def test_free_form_maps_stay_open_in_strict_mode(vendor):
    package = vendor_package(vendor)
    request = dict(EXAMPLES[(vendor, "request")], metadata={"anything": "goes"})
    assert package.validate(request, "request", strict=True) == []


@pytest.mark.parametrize(
    ("raw", "needle"),
    [(b"", "empty"), (b"{nope", "not valid JSON"), (b"\xff\xfe", "UTF-8"), (b"[" * 2000 + b"]" * 2000, "depth"),
     ("\ud800", "UTF-8"), (b'{"a": NaN}', "not valid JSON")],
)
def test_bad_bytes_become_one_issue_not_an_exception(vendor, raw, needle):
    package = vendor_package(vendor)
    issues = package.validate(raw)
    assert len(issues) == 1 and issues[0].pointer == "" and needle in issues[0].message
    with pytest.raises(package.PayloadError) as raised:
        package.parse(raw)
    assert raised.value.issues == issues


def test_unknown_kind_and_engine_are_errors(vendor):
    package = vendor_package(vendor)
    with pytest.raises(ValueError, match="unknown kind"):
        package.validate({}, "bogus")
    with pytest.raises(ValueError, match="unknown engine"):
        package.validate({"x": 1}, "response", engine="bogus")


def test_parse_returns_the_model_of_the_kind(vendor):
    package = vendor_package(vendor)
    payload = json.dumps(EXAMPLES[(vendor, "response")]).encode()
    model = package.parse(payload)
    assert isinstance(model, package.kind_type("response"))
    assert model.id == EXAMPLES[(vendor, "response")]["id"]


def test_empty_property_names_get_exact_pointers(vendor):
    package = vendor_package(vendor)
    request = dict(EXAMPLES[(vendor, "request")], metadata={"": None, "a/b": 5})
    issues = package.validate(request, "request")
    assert [i.pointer for i in issues] == ["/metadata/", "/metadata/a~1b"]
    assert issues == package.validate(request, "request", engine="reference")
