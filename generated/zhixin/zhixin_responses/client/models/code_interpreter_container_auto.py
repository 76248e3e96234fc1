from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast


T = TypeVar("T", bound="CodeInterpreterContainerAuto")


@_attrs_define
class CodeInterpreterContainerAuto:
    """Configuration for a code interpreter container made on demand.

    Attributes:
        type_ (Literal['auto']): Always `auto`.
        file_ids (list[str] | Unset): Uploaded files to make available to the code.
    """

    type_: Literal["auto"]
    file_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        file_ids: list[str] | Unset = UNSET
        if not isinstance(self.file_ids, Unset):
            file_ids = self.file_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if file_ids is not UNSET:
            field_dict["file_ids"] = file_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["auto"], d.pop("type"))
        if type_ != "auto":
            raise ValueError(f"type must match const 'auto', got '{type_}'")

        file_ids = cast(list[str], d.pop("file_ids", UNSET))

        code_interpreter_container_auto = cls(
            type_=type_,
            file_ids=file_ids,
        )

        code_interpreter_container_auto.additional_properties = d
        return code_interpreter_container_auto

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
