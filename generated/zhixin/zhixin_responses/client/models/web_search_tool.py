from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.web_search_tool_search_context_size import WebSearchToolSearchContextSize
from ..models.web_search_tool_type import WebSearchToolType
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.web_search_filters import WebSearchFilters
    from ..models.web_search_user_location import WebSearchUserLocation


T = TypeVar("T", bound="WebSearchTool")


@_attrs_define
class WebSearchTool:
    """Search the Internet for sources related to the prompt (OpenAI `WebSearchTool`).

    Attributes:
        type_ (WebSearchToolType): The type of the web search tool.
        search_context_size (WebSearchToolSearchContextSize | Unset): High level guidance for the amount of context
            window space to use for the search.
        filters (None | Unset | WebSearchFilters): Filters for the search.
        user_location (None | Unset | WebSearchUserLocation): The approximate location of the user.
    """

    type_: WebSearchToolType
    search_context_size: WebSearchToolSearchContextSize | Unset = UNSET
    filters: None | Unset | WebSearchFilters = UNSET
    user_location: None | Unset | WebSearchUserLocation = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.web_search_filters import WebSearchFilters  # noqa: PLC0415
        from ..models.web_search_user_location import WebSearchUserLocation  # noqa: PLC0415

        type_ = self.type_.value

        search_context_size: str | Unset = UNSET
        if not isinstance(self.search_context_size, Unset):
            search_context_size = self.search_context_size.value

        filters: dict[str, Any] | None | Unset
        if isinstance(self.filters, Unset):
            filters = UNSET
        elif isinstance(self.filters, WebSearchFilters):
            filters = self.filters.to_dict()
        else:
            filters = self.filters

        user_location: dict[str, Any] | None | Unset
        if isinstance(self.user_location, Unset):
            user_location = UNSET
        elif isinstance(self.user_location, WebSearchUserLocation):
            user_location = self.user_location.to_dict()
        else:
            user_location = self.user_location

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if search_context_size is not UNSET:
            field_dict["search_context_size"] = search_context_size
        if filters is not UNSET:
            field_dict["filters"] = filters
        if user_location is not UNSET:
            field_dict["user_location"] = user_location

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.web_search_filters import WebSearchFilters  # noqa: PLC0415
        from ..models.web_search_user_location import WebSearchUserLocation  # noqa: PLC0415

        d = dict(src_dict)
        type_ = WebSearchToolType(d.pop("type"))

        _search_context_size = d.pop("search_context_size", UNSET)
        search_context_size: WebSearchToolSearchContextSize | Unset
        if isinstance(_search_context_size, Unset):
            search_context_size = UNSET
        else:
            search_context_size = WebSearchToolSearchContextSize(_search_context_size)

        def _parse_filters(data: object) -> None | Unset | WebSearchFilters:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                filters_type_0 = WebSearchFilters.from_dict(data)

                return filters_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WebSearchFilters, data)

        filters = _parse_filters(d.pop("filters", UNSET))

        def _parse_user_location(data: object) -> None | Unset | WebSearchUserLocation:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_location_type_0 = WebSearchUserLocation.from_dict(data)

                return user_location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WebSearchUserLocation, data)

        user_location = _parse_user_location(d.pop("user_location", UNSET))

        web_search_tool = cls(
            type_=type_,
            search_context_size=search_context_size,
            filters=filters,
            user_location=user_location,
        )

        web_search_tool.additional_properties = d
        return web_search_tool

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
