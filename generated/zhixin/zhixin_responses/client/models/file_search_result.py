from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.file_search_result_attributes_type_0 import (
        FileSearchResultAttributesType0,
    )


T = TypeVar("T", bound="FileSearchResult")


@_attrs_define
class FileSearchResult:
    """One result of a file search.

    Attributes:
        attributes (FileSearchResultAttributesType0 | None | Unset): Key-value pairs attached to the file.
        file_id (str | Unset): The unique ID of the file.
        filename (str | Unset): The name of the file.
        score (float | Unset): The relevance score of the file, between 0 and 1.
        text (str | Unset): The text that was retrieved from the file.
    """

    attributes: FileSearchResultAttributesType0 | None | Unset = UNSET
    file_id: str | Unset = UNSET
    filename: str | Unset = UNSET
    score: float | Unset = UNSET
    text: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.file_search_result_attributes_type_0 import (
            FileSearchResultAttributesType0,
        )  # noqa: PLC0415

        attributes: dict[str, Any] | None | Unset
        if isinstance(self.attributes, Unset):
            attributes = UNSET
        elif isinstance(self.attributes, FileSearchResultAttributesType0):
            attributes = self.attributes.to_dict()
        else:
            attributes = self.attributes

        file_id = self.file_id

        filename = self.filename

        score = self.score

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if file_id is not UNSET:
            field_dict["file_id"] = file_id
        if filename is not UNSET:
            field_dict["filename"] = filename
        if score is not UNSET:
            field_dict["score"] = score
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_search_result_attributes_type_0 import (
            FileSearchResultAttributesType0,
        )  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_attributes(
            data: object,
        ) -> FileSearchResultAttributesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attributes_type_0 = FileSearchResultAttributesType0.from_dict(data)

                return attributes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FileSearchResultAttributesType0 | None | Unset, data)

        attributes = _parse_attributes(d.pop("attributes", UNSET))

        file_id = d.pop("file_id", UNSET)

        filename = d.pop("filename", UNSET)

        score = d.pop("score", UNSET)

        text = d.pop("text", UNSET)

        file_search_result = cls(
            attributes=attributes,
            file_id=file_id,
            filename=filename,
            score=score,
            text=text,
        )

        file_search_result.additional_properties = d
        return file_search_result

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
