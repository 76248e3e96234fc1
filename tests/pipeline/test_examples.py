"""Every documented example: valid against its JSON Schema, and round-tripped by every layer."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from responses_bindings.common.document import documented_examples

from conftest import GENERATED, VENDOR_DOCS, VENDORS, bundled_document, canonical_json, vendor_package

EXAMPLES = [example for vendor in VENDORS for example in documented_examples(vendor, bundled_document(vendor))]
IDS = [f"{e.vendor_id}-{e.kind}-{e.name}" for e in EXAMPLES]


def kind_schema(vendor: str, kind: str) -> dict:
    return json.loads((GENERATED / vendor / f"{vendor}_responses" / "schemas" / f"{kind}.json").read_text("utf-8"))


def test_every_vendor_documents_a_request_and_a_response():
    kinds = {(e.vendor_id, e.kind) for e in EXAMPLES}
    assert kinds >= {(vendor, kind) for vendor in VENDORS for kind in ("request", "response")}


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_example_is_valid_against_its_json_schema(example):
    validator = jsonschema.Draft202012Validator(kind_schema(example.vendor_id, example.kind))
    assert [error.message for error in validator.iter_errors(example.value)] == []


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_example_round_trips_through_parse(example):
    package = vendor_package(example.vendor_id)
    assert package.validate(example.value, kind=example.kind) == []
    for payload in (json.dumps(example.value), json.dumps(example.value).encode(), example.value):
        model = package.parse(payload, kind=example.kind)
        assert canonical_json(model.to_dict()) == canonical_json(example.value)


def vendor_doc_json(vendor: str) -> list[object]:
    """The JSON blocks shown as 示例 (example) on the vendor's own page, in page order."""
    text = (VENDOR_DOCS / f"{vendor}-v1-responses.txt").read_text("utf-8")
    decoder = json.JSONDecoder()
    return [decoder.raw_decode(text, match.end() - 1)[0] for match in re.finditer(r"示例\n\{", text)]


@pytest.mark.parametrize("vendor", [v for v in VENDORS if (VENDOR_DOCS / f"{v}-v1-responses.txt").is_file()])
def test_spec_examples_are_the_vendor_documents_verbatim(vendor):
    by_kind = {e.kind: e.value for e in EXAMPLES if e.vendor_id == vendor and e.name == "documented"}
    assert vendor_doc_json(vendor) == [by_kind["request"], by_kind["response"]]
