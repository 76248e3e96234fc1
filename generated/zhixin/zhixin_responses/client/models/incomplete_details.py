from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.incomplete_details_reason import IncompleteDetailsReason
from ..types import UNSET, Unset


T = TypeVar("T", bound="IncompleteDetails")


@_attrs_define
class IncompleteDetails:
    """Details about why the response is incomplete.

    Attributes:
        reason (IncompleteDetailsReason | Unset): The reason why the response is incomplete.
    """

    reason: IncompleteDetailsReason | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _reason = d.pop("reason", UNSET)
        reason: IncompleteDetailsReason | Unset
        if isinstance(_reason, Unset):
            reason = UNSET
        else:
            reason = IncompleteDetailsReason(_reason)

        incomplete_details = cls(
            reason=reason,
        )

        incomplete_details.additional_properties = d
        return incomplete_details

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
