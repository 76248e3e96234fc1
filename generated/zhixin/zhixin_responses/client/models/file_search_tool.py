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
    from ..models.file_search_tool_filters_type_0 import FileSearchToolFiltersType0
    from ..models.file_search_tool_ranking_options import FileSearchToolRankingOptions


T = TypeVar("T", bound="FileSearchTool")


@_attrs_define
class FileSearchTool:
    """Search the contents of uploaded files (OpenAI `FileSearchTool`).

    Attributes:
        type_ (Literal['file_search']): The type of the file search tool. Always `file_search`.
        vector_store_ids (list[str]): The IDs of the vector stores to search.
        max_num_results (int | Unset): The maximum number of results to return, between 1 and 50.
        filters (FileSearchToolFiltersType0 | None | Unset): A comparison or compound filter to apply.
        ranking_options (FileSearchToolRankingOptions | Unset): Ranking options for search.
    """

    type_: Literal["file_search"]
    vector_store_ids: list[str]
    max_num_results: int | Unset = UNSET
    filters: FileSearchToolFiltersType0 | None | Unset = UNSET
    ranking_options: FileSearchToolRankingOptions | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.file_search_tool_filters_type_0 import FileSearchToolFiltersType0  # noqa: PLC0415
        from ..models.file_search_tool_ranking_options import (
            FileSearchToolRankingOptions,
        )  # noqa: PLC0415

        type_ = self.type_

        vector_store_ids = self.vector_store_ids

        max_num_results = self.max_num_results

        filters: dict[str, Any] | None | Unset
        if isinstance(self.filters, Unset):
            filters = UNSET
        elif isinstance(self.filters, FileSearchToolFiltersType0):
            filters = self.filters.to_dict()
        else:
            filters = self.filters

        ranking_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ranking_options, Unset):
            ranking_options = self.ranking_options.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "vector_store_ids": vector_store_ids,
            }
        )
        if max_num_results is not UNSET:
            field_dict["max_num_results"] = max_num_results
        if filters is not UNSET:
            field_dict["filters"] = filters
        if ranking_options is not UNSET:
            field_dict["ranking_options"] = ranking_options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_search_tool_filters_type_0 import FileSearchToolFiltersType0  # noqa: PLC0415
        from ..models.file_search_tool_ranking_options import (
            FileSearchToolRankingOptions,
        )  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["file_search"], d.pop("type"))
        if type_ != "file_search":
            raise ValueError(f"type must match const 'file_search', got '{type_}'")

        vector_store_ids = cast(list[str], d.pop("vector_store_ids"))

        max_num_results = d.pop("max_num_results", UNSET)

        def _parse_filters(data: object) -> FileSearchToolFiltersType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                filters_type_0 = FileSearchToolFiltersType0.from_dict(data)

                return filters_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FileSearchToolFiltersType0 | None | Unset, data)

        filters = _parse_filters(d.pop("filters", UNSET))

        _ranking_options = d.pop("ranking_options", UNSET)
        ranking_options: FileSearchToolRankingOptions | Unset
        if isinstance(_ranking_options, Unset):
            ranking_options = UNSET
        else:
            ranking_options = FileSearchToolRankingOptions.from_dict(_ranking_options)

        file_search_tool = cls(
            type_=type_,
            vector_store_ids=vector_store_ids,
            max_num_results=max_num_results,
            filters=filters,
            ranking_options=ranking_options,
        )

        file_search_tool.additional_properties = d
        return file_search_tool

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
