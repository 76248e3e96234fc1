from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
    from ..models.web_search_source import WebSearchSource


T = TypeVar("T", bound="WebSearchActionSearch")


@_attrs_define
class WebSearchActionSearch:
    """Action type `search`, performs a web search query.

    Attributes:
        type_ (Literal['search']): The action type.
        query (str): The search query.
        sources (list[WebSearchSource] | Unset): The sources used in the search.
    """

    type_: Literal["search"]
    query: str
    sources: list[WebSearchSource] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.web_search_source import WebSearchSource  # noqa: PLC0415

        type_ = self.type_

        query = self.query

        sources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = sources_item_data.to_dict()
                sources.append(sources_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "query": query,
            }
        )
        if sources is not UNSET:
            field_dict["sources"] = sources

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.web_search_source import WebSearchSource  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["search"], d.pop("type"))
        if type_ != "search":
            raise ValueError(f"type must match const 'search', got '{type_}'")

        query = d.pop("query")

        _sources = d.pop("sources", UNSET)
        sources: list[WebSearchSource] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = WebSearchSource.from_dict(sources_item_data)

                sources.append(sources_item)

        web_search_action_search = cls(
            type_=type_,
            query=query,
            sources=sources,
        )

        web_search_action_search.additional_properties = d
        return web_search_action_search

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
