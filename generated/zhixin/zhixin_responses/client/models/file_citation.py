from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import Literal, cast


T = TypeVar("T", bound="FileCitation")


@_attrs_define
class FileCitation:
    """A citation to a file (OpenAI `FileCitation` annotation).

    Attributes:
        type_ (Literal['file_citation']): The type of the file citation. Always `file_citation`.
        file_id (str): The ID of the file.
        index (int): The index of the file in the list of files.
        filename (str | Unset): The filename of the file cited.
    """

    type_: Literal["file_citation"]
    file_id: str
    index: int
    filename: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        file_id = self.file_id

        index = self.index

        filename = self.filename

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "file_id": file_id,
                "index": index,
            }
        )
        if filename is not UNSET:
            field_dict["filename"] = filename

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["file_citation"], d.pop("type"))
        if type_ != "file_citation":
            raise ValueError(f"type must match const 'file_citation', got '{type_}'")

        file_id = d.pop("file_id")

        index = d.pop("index")

        filename = d.pop("filename", UNSET)

        file_citation = cls(
            type_=type_,
            file_id=file_id,
            index=index,
            filename=filename,
        )

        file_citation.additional_properties = d
        return file_citation

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
