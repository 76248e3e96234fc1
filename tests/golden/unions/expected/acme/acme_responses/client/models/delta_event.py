from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast


T = TypeVar("T", bound="DeltaEvent")


@_attrs_define
class DeltaEvent:
    """A text delta. Source https://example.test/docs.

    Attributes:
        type_ (Literal['response.output_text.delta']): Always `response.output_text.delta`.
        delta (str): The added text.
    """

    type_: Literal["response.output_text.delta"]
    delta: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        delta = self.delta

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "delta": delta,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["response.output_text.delta"], d.pop("type"))
        if type_ != "response.output_text.delta":
            raise ValueError(
                f"type must match const 'response.output_text.delta', got '{type_}'"
            )

        delta = d.pop("delta")

        delta_event = cls(
            type_=type_,
            delta=delta,
        )

        delta_event.additional_properties = d
        return delta_event

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
