from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
    from ..models.response import Response


T = TypeVar("T", bound="CreatedEvent")


@_attrs_define
class CreatedEvent:
    """The response was created. Source https://example.test/docs.

    Attributes:
        type_ (Literal['response.created']): Always `response.created`.
        response (Response): A response whose `usage` is required but nullable. Source https://example.test/docs.
    """

    type_: Literal["response.created"]
    response: Response
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.response import Response  # noqa: PLC0415

        type_ = self.type_

        response = self.response.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "response": response,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.response import Response  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["response.created"], d.pop("type"))
        if type_ != "response.created":
            raise ValueError(f"type must match const 'response.created', got '{type_}'")

        response = Response.from_dict(d.pop("response"))

        created_event = cls(
            type_=type_,
            response=response,
        )

        created_event.additional_properties = d
        return created_event

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
