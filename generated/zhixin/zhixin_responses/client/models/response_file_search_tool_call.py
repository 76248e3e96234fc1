from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.response_file_search_tool_call_status import (
    ResponseFileSearchToolCallStatus,
)
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
    from ..models.file_search_result import FileSearchResult


T = TypeVar("T", bound="ResponseFileSearchToolCall")


@_attrs_define
class ResponseFileSearchToolCall:
    """The results of a file search tool call (OpenAI `ResponseFileSearchToolCall`).

    Attributes:
        type_ (Literal['file_search_call']): The type of the file search tool call. Always `file_search_call`.
        id (str): The unique ID of the file search tool call.
        queries (list[str]): The queries used to search for files.
        status (ResponseFileSearchToolCallStatus): The status of the file search tool call.
        results (list[FileSearchResult] | None | Unset): The results of the file search tool call.
    """

    type_: Literal["file_search_call"]
    id: str
    queries: list[str]
    status: ResponseFileSearchToolCallStatus
    results: list[FileSearchResult] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.file_search_result import FileSearchResult  # noqa: PLC0415

        type_ = self.type_

        id = self.id

        queries = self.queries

        status = self.status.value

        results: list[dict[str, Any]] | None | Unset
        if isinstance(self.results, Unset):
            results = UNSET
        elif isinstance(self.results, list):
            results = []
            for results_type_0_item_data in self.results:
                results_type_0_item = results_type_0_item_data.to_dict()
                results.append(results_type_0_item)

        else:
            results = self.results

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "queries": queries,
                "status": status,
            }
        )
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.file_search_result import FileSearchResult  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["file_search_call"], d.pop("type"))
        if type_ != "file_search_call":
            raise ValueError(f"type must match const 'file_search_call', got '{type_}'")

        id = d.pop("id")

        queries = cast(list[str], d.pop("queries"))

        status = ResponseFileSearchToolCallStatus(d.pop("status"))

        def _parse_results(data: object) -> list[FileSearchResult] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                results_type_0 = []
                _results_type_0 = data
                for results_type_0_item_data in _results_type_0:
                    results_type_0_item = FileSearchResult.from_dict(
                        results_type_0_item_data
                    )

                    results_type_0.append(results_type_0_item)

                return results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[FileSearchResult] | None | Unset, data)

        results = _parse_results(d.pop("results", UNSET))

        response_file_search_tool_call = cls(
            type_=type_,
            id=id,
            queries=queries,
            status=status,
            results=results,
        )

        response_file_search_tool_call.additional_properties = d
        return response_file_search_tool_call

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
