from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast


T = TypeVar("T", bound="URLCitation")


@_attrs_define
class URLCitation:
    """A citation for a web resource used to generate a model response (OpenAI `URLCitation`).

    Attributes:
        type_ (Literal['url_citation']): The type of the URL citation. Always `url_citation`.
        url (str): The URL of the web resource.
        title (str): The title of the web resource.
        start_index (int): The index of the first character of the URL citation in the message.
        end_index (int): The index of the last character of the URL citation in the message.
    """

    type_: Literal["url_citation"]
    url: str
    title: str
    start_index: int
    end_index: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        url = self.url

        title = self.title

        start_index = self.start_index

        end_index = self.end_index

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "url": url,
                "title": title,
                "start_index": start_index,
                "end_index": end_index,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["url_citation"], d.pop("type"))
        if type_ != "url_citation":
            raise ValueError(f"type must match const 'url_citation', got '{type_}'")

        url = d.pop("url")

        title = d.pop("title")

        start_index = d.pop("start_index")

        end_index = d.pop("end_index")

        url_citation = cls(
            type_=type_,
            url=url,
            title=title,
            start_index=start_index,
            end_index=end_index,
        )

        url_citation.additional_properties = d
        return url_citation

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
