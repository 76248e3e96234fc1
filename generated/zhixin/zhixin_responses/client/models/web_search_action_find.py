from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast


T = TypeVar("T", bound="WebSearchActionFind")


@_attrs_define
class WebSearchActionFind:
    """Action type `find`, searches for a pattern within a loaded page.

    Attributes:
        type_ (Literal['find']): The action type.
        url (str): The URL of the page searched for the pattern.
        pattern (str): The pattern or text to search for within the page.
    """

    type_: Literal["find"]
    url: str
    pattern: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        url = self.url

        pattern = self.pattern

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "url": url,
                "pattern": pattern,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["find"], d.pop("type"))
        if type_ != "find":
            raise ValueError(f"type must match const 'find', got '{type_}'")

        url = d.pop("url")

        pattern = d.pop("pattern")

        web_search_action_find = cls(
            type_=type_,
            url=url,
            pattern=pattern,
        )

        web_search_action_find.additional_properties = d
        return web_search_action_find

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
