from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast


T = TypeVar("T", bound="ResponseInputFile")


@_attrs_define
class ResponseInputFile:
    """A file input to the model (OpenAI Responses API `ResponseInputFile`).

    Attributes:
        type_ (Literal['input_file']): The type of the input item. Always `input_file`.
        file_data (str | Unset): The content of the file, base64 encoded.
        file_id (None | str | Unset): The ID of an uploaded file.
        file_url (str | Unset): The URL of the file.
        filename (str | Unset): The name of the file.
    """

    type_: Literal["input_file"]
    file_data: str | Unset = UNSET
    file_id: None | str | Unset = UNSET
    file_url: str | Unset = UNSET
    filename: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        file_data = self.file_data

        file_id: None | str | Unset
        if isinstance(self.file_id, Unset):
            file_id = UNSET
        else:
            file_id = self.file_id

        file_url = self.file_url

        filename = self.filename

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if file_data is not UNSET:
            field_dict["file_data"] = file_data
        if file_id is not UNSET:
            field_dict["file_id"] = file_id
        if file_url is not UNSET:
            field_dict["file_url"] = file_url
        if filename is not UNSET:
            field_dict["filename"] = filename

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["input_file"], d.pop("type"))
        if type_ != "input_file":
            raise ValueError(f"type must match const 'input_file', got '{type_}'")

        file_data = d.pop("file_data", UNSET)

        def _parse_file_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_id = _parse_file_id(d.pop("file_id", UNSET))

        file_url = d.pop("file_url", UNSET)

        filename = d.pop("filename", UNSET)

        response_input_file = cls(
            type_=type_,
            file_data=file_data,
            file_id=file_id,
            file_url=file_url,
            filename=filename,
        )

        response_input_file.additional_properties = d
        return response_input_file

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
