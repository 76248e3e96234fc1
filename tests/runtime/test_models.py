"""The pydantic models are as strict as the schema about nulls and types, and keep unknown keys."""

from __future__ import annotations

import json
import typing

import pytest
from pydantic import RootModel

from conftest import bundled_document, vendor_package

REQUEST = {"model": "m", "input": "hi"}


def test_null_is_refused_where_the_schema_refuses_it(vendor):
    package = vendor_package(vendor)
    with pytest.raises(package.PayloadError) as caught:
        package.parse({**REQUEST, "user": None}, kind="request")
    assert [issue.pointer for issue in caught.value.issues] == ["/user"]


def test_lax_coercion_is_refused(vendor):
    package = vendor_package(vendor)
    for bad in ({"max_output_tokens": "5"}, {"stream": 1}, {"temperature": "0.5"}):
        with pytest.raises(package.PayloadError):
            package.parse(json.dumps({**REQUEST, **bad}), kind="request")


def test_unset_keys_stay_out_of_the_dump_and_unknown_keys_are_kept(vendor):
    package = vendor_package(vendor)
    model = package.parse({**REQUEST, "x_vendor_field": {"a": 1}}, kind="request")
    assert model.model_dump(mode="json", exclude_unset=True) == {**REQUEST, "x_vendor_field": {"a": 1}}
    assert model.to_dict() == {**REQUEST, "x_vendor_field": {"a": 1}}
    assert model.user is None and "user" not in model.model_fields_set


def test_the_union_member_follows_type(vendor):
    package = vendor_package(vendor)
    event = package.parse({"type": "response.output_text.delta", "sequence_number": 3, "item_id": "m",
                           "output_index": 0, "content_index": 0, "delta": "Hi", "logprobs": []}, kind="event")
    assert type(event).__name__ == "ResponseTextDeltaEvent" and event.delta == "Hi"


def test_zhixin_admits_dashscope_nulls_and_ai360_does_not():
    item = {"type": "reasoning", "id": "msg_1", "summary": [], "content": None, "status": None}
    base = {"id": "r", "object": "response", "created_at": 1, "status": "completed", "model": "m",
            "output": [item], "text": None, "truncation": None}
    assert vendor_package("zhixin").validate(base) == []
    pointers = {issue.pointer for issue in vendor_package("ai360").validate(base)}
    assert {"/text", "/output/0/content", "/output/0/status"} <= pointers  # OpenAI's truncation is nullable too


def test_zhixin_accepts_dashscope_error_bodies_and_ai360_does_not():
    body = {"request_id": "abc", "code": "InvalidParameter", "message": "bad"}
    assert vendor_package("zhixin").validate(body, kind="error") == []
    assert vendor_package("ai360").validate(body, kind="error") != []


def documented_response(vendor: str) -> dict:
    operation = bundled_document(vendor)["paths"]["/v1/responses"]["post"]
    return operation["responses"]["200"]["content"]["application/json"]["examples"]["documented"]["value"]


def test_the_response_reads_like_openai_python(vendor):
    package = vendor_package(vendor)
    response = package.parse({**documented_response(vendor), "metadata": {"k": "v"}})
    assert type(response) is package.Response is package.models.Response
    assert response.status == "completed" and response.output_text
    assert not response.error and response.incomplete_details is None and response.user is None
    assert response.metadata is not None and response.metadata.get("k") == "v"
    assert all(isinstance(item.type, str) for item in response.output)  # members, not wrappers


def test_unions_and_enums_are_plain_types_not_root_models(vendor):
    models = vendor_package(vendor).models
    wrappers = [name for name, value in vars(models).items()
                if name.isidentifier() and isinstance(value, type) and issubclass(value, RootModel) and value is not RootModel]
    assert wrappers == []  # parse() builds the union kinds through a TypeAdapter of their alias
    status = models.ResponseStatus.__value__
    assert typing.get_origin(status) is typing.Literal and "completed" in typing.get_args(status)
