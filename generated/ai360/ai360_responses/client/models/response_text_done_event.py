from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
    from ..models.logprob import Logprob


T = TypeVar("T", bound="ResponseTextDoneEvent")


@_attrs_define
class ResponseTextDoneEvent:
    """Emitted when text content is finalized. (`response.output_text.done`)

    Attributes:
        type_ (Literal['response.output_text.done']): The type of the event. Always `response.output_text.done`.
        sequence_number (int): The sequence number of this event.
        item_id (str): The ID of the output item.
        output_index (int): The index of the output item in the response's `output`.
        content_index (int): The index of the content part within the output item.
        text (str): The final text.
        logprobs (list[Logprob] | Unset): The log probabilities of the tokens in the delta.
    """

    type_: Literal["response.output_text.done"]
    sequence_number: int
    item_id: str
    output_index: int
    content_index: int
    text: str
    logprobs: list[Logprob] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.logprob import Logprob  # noqa: PLC0415

        type_ = self.type_

        sequence_number = self.sequence_number

        item_id = self.item_id

        output_index = self.output_index

        content_index = self.content_index

        text = self.text

        logprobs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.logprobs, Unset):
            logprobs = []
            for logprobs_item_data in self.logprobs:
                logprobs_item = logprobs_item_data.to_dict()
                logprobs.append(logprobs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "sequence_number": sequence_number,
                "item_id": item_id,
                "output_index": output_index,
                "content_index": content_index,
                "text": text,
            }
        )
        if logprobs is not UNSET:
            field_dict["logprobs"] = logprobs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.logprob import Logprob  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["response.output_text.done"], d.pop("type"))
        if type_ != "response.output_text.done":
            raise ValueError(
                f"type must match const 'response.output_text.done', got '{type_}'"
            )

        sequence_number = d.pop("sequence_number")

        item_id = d.pop("item_id")

        output_index = d.pop("output_index")

        content_index = d.pop("content_index")

        text = d.pop("text")

        _logprobs = d.pop("logprobs", UNSET)
        logprobs: list[Logprob] | Unset = UNSET
        if _logprobs is not UNSET:
            logprobs = []
            for logprobs_item_data in _logprobs:
                logprobs_item = Logprob.from_dict(logprobs_item_data)

                logprobs.append(logprobs_item)

        response_text_done_event = cls(
            type_=type_,
            sequence_number=sequence_number,
            item_id=item_id,
            output_index=output_index,
            content_index=content_index,
            text=text,
            logprobs=logprobs,
        )

        response_text_done_event.additional_properties = d
        return response_text_done_event

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
