from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import Literal, cast


T = TypeVar("T", bound="ResponseFunctionCallArgumentsDoneEvent")


@_attrs_define
class ResponseFunctionCallArgumentsDoneEvent:
    """Emitted when function-call arguments are finalized. (`response.function_call_arguments.done`)

    Attributes:
        type_ (Literal['response.function_call_arguments.done']): The type of the event. Always
            `response.function_call_arguments.done`.
        sequence_number (int): The sequence number of this event.
        item_id (str): The ID of the output item.
        output_index (int): The index of the output item in the response's `output`.
        arguments (str): The final function-call arguments, a JSON string.
        name (str | Unset): The name of the function that was called.
    """

    type_: Literal["response.function_call_arguments.done"]
    sequence_number: int
    item_id: str
    output_index: int
    arguments: str
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        sequence_number = self.sequence_number

        item_id = self.item_id

        output_index = self.output_index

        arguments = self.arguments

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "sequence_number": sequence_number,
                "item_id": item_id,
                "output_index": output_index,
                "arguments": arguments,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["response.function_call_arguments.done"], d.pop("type"))
        if type_ != "response.function_call_arguments.done":
            raise ValueError(
                f"type must match const 'response.function_call_arguments.done', got '{type_}'"
            )

        sequence_number = d.pop("sequence_number")

        item_id = d.pop("item_id")

        output_index = d.pop("output_index")

        arguments = d.pop("arguments")

        name = d.pop("name", UNSET)

        response_function_call_arguments_done_event = cls(
            type_=type_,
            sequence_number=sequence_number,
            item_id=item_id,
            output_index=output_index,
            arguments=arguments,
            name=name,
        )

        response_function_call_arguments_done_event.additional_properties = d
        return response_function_call_arguments_done_event

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
