from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast


T = TypeVar("T", bound="ContainerFileCitation")


@_attrs_define
class ContainerFileCitation:
    """A citation for a container file used to generate a model response (OpenAI `ContainerFileCitation`).

    Attributes:
        type_ (Literal['container_file_citation']): The type of the container file citation. Always
            `container_file_citation`.
        container_id (str): The ID of the container file.
        file_id (str): The ID of the file.
        filename (str): The filename of the container file cited.
        start_index (int): The index of the first character of the citation in the message.
        end_index (int): The index of the last character of the citation in the message.
    """

    type_: Literal["container_file_citation"]
    container_id: str
    file_id: str
    filename: str
    start_index: int
    end_index: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        container_id = self.container_id

        file_id = self.file_id

        filename = self.filename

        start_index = self.start_index

        end_index = self.end_index

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "container_id": container_id,
                "file_id": file_id,
                "filename": filename,
                "start_index": start_index,
                "end_index": end_index,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["container_file_citation"], d.pop("type"))
        if type_ != "container_file_citation":
            raise ValueError(
                f"type must match const 'container_file_citation', got '{type_}'"
            )

        container_id = d.pop("container_id")

        file_id = d.pop("file_id")

        filename = d.pop("filename")

        start_index = d.pop("start_index")

        end_index = d.pop("end_index")

        container_file_citation = cls(
            type_=type_,
            container_id=container_id,
            file_id=file_id,
            filename=filename,
            start_index=start_index,
            end_index=end_index,
        )

        container_file_citation.additional_properties = d
        return container_file_citation

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
