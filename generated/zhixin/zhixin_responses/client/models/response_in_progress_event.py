from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
    from ..models.response_object import ResponseObject


T = TypeVar("T", bound="ResponseInProgressEvent")


@_attrs_define
class ResponseInProgressEvent:
    """Emitted when the response is in progress. (`response.in_progress`)

    Attributes:
        type_ (Literal['response.in_progress']): The type of the event. Always `response.in_progress`.
        sequence_number (int): The sequence number of this event.
        response (ResponseObject): A model response (OpenAI `Response`; named `ResponseObject` here so it does not
            shadow the HTTP response type of the generated client).
    """

    type_: Literal["response.in_progress"]
    sequence_number: int
    response: ResponseObject
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.response_object import ResponseObject  # noqa: PLC0415

        type_ = self.type_

        sequence_number = self.sequence_number

        response = self.response.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "sequence_number": sequence_number,
                "response": response,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.response_object import ResponseObject  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["response.in_progress"], d.pop("type"))
        if type_ != "response.in_progress":
            raise ValueError(
                f"type must match const 'response.in_progress', got '{type_}'"
            )

        sequence_number = d.pop("sequence_number")

        response = ResponseObject.from_dict(d.pop("response"))

        response_in_progress_event = cls(
            type_=type_,
            sequence_number=sequence_number,
            response=response,
        )

        response_in_progress_event.additional_properties = d
        return response_in_progress_event

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
