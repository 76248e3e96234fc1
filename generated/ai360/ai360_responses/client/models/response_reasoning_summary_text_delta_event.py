from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast


T = TypeVar("T", bound="ResponseReasoningSummaryTextDeltaEvent")


@_attrs_define
class ResponseReasoningSummaryTextDeltaEvent:
    """Emitted when a delta is added to a reasoning summary text. (`response.reasoning_summary_text.delta`)

    Attributes:
        type_ (Literal['response.reasoning_summary_text.delta']): The type of the event. Always
            `response.reasoning_summary_text.delta`.
        sequence_number (int): The sequence number of this event.
        item_id (str): The ID of the output item.
        output_index (int): The index of the output item in the response's `output`.
        summary_index (int): The index of the summary part within the reasoning summary.
        delta (str): The text delta that was added.
    """

    type_: Literal["response.reasoning_summary_text.delta"]
    sequence_number: int
    item_id: str
    output_index: int
    summary_index: int
    delta: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        sequence_number = self.sequence_number

        item_id = self.item_id

        output_index = self.output_index

        summary_index = self.summary_index

        delta = self.delta

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "sequence_number": sequence_number,
                "item_id": item_id,
                "output_index": output_index,
                "summary_index": summary_index,
                "delta": delta,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["response.reasoning_summary_text.delta"], d.pop("type"))
        if type_ != "response.reasoning_summary_text.delta":
            raise ValueError(
                f"type must match const 'response.reasoning_summary_text.delta', got '{type_}'"
            )

        sequence_number = d.pop("sequence_number")

        item_id = d.pop("item_id")

        output_index = d.pop("output_index")

        summary_index = d.pop("summary_index")

        delta = d.pop("delta")

        response_reasoning_summary_text_delta_event = cls(
            type_=type_,
            sequence_number=sequence_number,
            item_id=item_id,
            output_index=output_index,
            summary_index=summary_index,
            delta=delta,
        )

        response_reasoning_summary_text_delta_event.additional_properties = d
        return response_reasoning_summary_text_delta_event

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
