"""The pydantic models are as strict as the schema about nulls and types, and keep unknown keys."""

from __future__ import annotations

import json
import typing

import pytest
from pydantic import RootModel, TypeAdapter

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


INPUT_ITEMS = [  # (item, the InputItem member it is built as)
    ({"role": "user", "content": "hi"}, "EasyInputMessage"),
    ({"type": "message", "role": "user", "content": [{"type": "input_text", "text": "hi"}]}, "EasyInputMessage"),
    ({"type": "message", "role": "assistant", "id": "msg_1", "status": "completed",
      "content": [{"type": "output_text", "text": "hi", "annotations": []}]}, "ResponseOutputMessage"),
    ({"id": "msg_1"}, "ItemReference"),
    ({"type": None, "id": "msg_1"}, "ItemReference"),
    ({"type": None, "id": "msg_1", "role": "user", "content": "hi"}, "ItemReference"),  # only its type may be null
    ({"type": "item_reference", "id": "msg_1"}, "ItemReference"),
    ({"type": "function_call_output", "call_id": "c", "output": "42"}, "FunctionCallOutput"),
]


@pytest.mark.parametrize(("item", "member"), INPUT_ITEMS, ids=[member for _, member in INPUT_ITEMS])
def test_input_items_are_built_by_their_type_and_written_back_as_sent(vendor, item, member):
    """InputItem is an anyOf (messages may leave out `type`): built by `type` (ByType), never by
    trying its 33 members, and each item is written back exactly as it came."""
    package = vendor_package(vendor)
    request = package.parse({**REQUEST, "input": [item]}, kind="request")
    assert type(request.input[0]).__name__ == member
    assert request.to_dict() == {**REQUEST, "input": [item]}


SHARED_TAG_ITEMS = [  # items several members take (no `type`, or "message"): the smart union decides
    {"role": "user", "content": [{"type": "input_text", "text": "hi"}]},
    {"role": "user", "content": [], "status": "completed"},  # only Message declares status
    {"role": "user", "content": "hi", "status": "completed"},  # ...but Message takes no string content
    {"role": "user", "content": [], "status": "completed", "phase": "final_answer"},  # a tie: the leftmost
    {"type": "message", "role": "developer", "content": [], "status": "incomplete"},
    {"id": "x", "role": "user", "content": []},
    {"role": "user", "content": [], "vendor_extra": 1},
]


@pytest.mark.parametrize("item", SHARED_TAG_ITEMS)
def test_a_shared_tag_picks_the_member_the_smart_union_picks(vendor, item):
    """ByType tries first the leftmost member that declares all the item's names; the choice
    must be the one pydantic's smart union of the same members makes."""
    package = vendor_package(vendor)
    members = typing.get_args(typing.get_args(package.models.InputItem.__value__)[0])
    smart = TypeAdapter(typing.Union[members]).validate_python(item, strict=True)  # noqa: UP007
    built = TypeAdapter(package.models.InputItem).validate_python(item, strict=True)
    assert type(built) is type(smart)
    assert built.model_dump(exclude_unset=True) == smart.model_dump(exclude_unset=True)


def test_an_input_item_of_an_unknown_type_is_refused_or_kept_as_sent(vendor):
    package = vendor_package(vendor)
    request = {**REQUEST, "input": [{"type": "vendor_thing", "id": "x"}]}
    with pytest.raises(package.PayloadError) as caught:
        package.parse(request, kind="request")
    assert all(issue.pointer.startswith("/input/0") for issue in caught.value.issues)
    kept = package.parse(request, kind="request", validation="warn")
    assert kept.input == [{"type": "vendor_thing", "id": "x"}] and kept.to_dict() == request


def test_a_deviating_message_is_kept_as_the_member_its_optional_type_names(vendor):
    """Under "warn" a part that does not fit is kept inside the member its `type` names, also
    when that member's `type` is optional (a user message), not the output message."""
    package = vendor_package(vendor)
    request = {**REQUEST, "input": [{"type": "message", "role": "user", "content": 5}]}
    kept = package.parse(request, kind="request", validation="warn")
    assert type(kept.input[0]).__name__ == "EasyInputMessage" and kept.input[0].content == 5
    assert kept.to_dict() == request


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
