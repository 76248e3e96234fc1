from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast


T = TypeVar("T", bound="FilePath")


@_attrs_define
class FilePath:
    """A path to a file (OpenAI `FilePath` annotation).

    Attributes:
        type_ (Literal['file_path']): The type of the file path. Always `file_path`.
        file_id (str): The ID of the file.
        index (int): The index of the file in the list of files.
    """

    type_: Literal["file_path"]
    file_id: str
    index: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        file_id = self.file_id

        index = self.index

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "file_id": file_id,
                "index": index,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["file_path"], d.pop("type"))
        if type_ != "file_path":
            raise ValueError(f"type must match const 'file_path', got '{type_}'")

        file_id = d.pop("file_id")

        index = d.pop("index")

        file_path = cls(
            type_=type_,
            file_id=file_id,
            index=index,
        )

        file_path.additional_properties = d
        return file_path

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
