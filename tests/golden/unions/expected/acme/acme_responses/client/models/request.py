from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.function_tool import FunctionTool
    from ..models.reasoning import Reasoning
    from ..models.search_tool import SearchTool


T = TypeVar("T", bound="Request")


@_attrs_define
class Request:
    """A request with a discriminated tool union and a nullable union. Source https://example.test/docs.

    Attributes:
        model (str): The model id.
        tools (list[FunctionTool | SearchTool] | Unset): Tools, told apart by `type`.
        reasoning (None | Reasoning | Unset): A nullable object.
    """

    model: str
    tools: list[FunctionTool | SearchTool] | Unset = UNSET
    reasoning: None | Reasoning | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.function_tool import FunctionTool  # noqa: PLC0415
        from ..models.reasoning import Reasoning  # noqa: PLC0415
        from ..models.search_tool import SearchTool  # noqa: PLC0415

        model = self.model

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for tools_item_data in self.tools:
                tools_item: dict[str, Any]
                if isinstance(tools_item_data, FunctionTool):
                    tools_item = tools_item_data.to_dict()
                else:
                    tools_item = tools_item_data.to_dict()

                tools.append(tools_item)

        reasoning: dict[str, Any] | None | Unset
        if isinstance(self.reasoning, Unset):
            reasoning = UNSET
        elif isinstance(self.reasoning, Reasoning):
            reasoning = self.reasoning.to_dict()
        else:
            reasoning = self.reasoning

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
            }
        )
        if tools is not UNSET:
            field_dict["tools"] = tools
        if reasoning is not UNSET:
            field_dict["reasoning"] = reasoning

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.function_tool import FunctionTool  # noqa: PLC0415
        from ..models.reasoning import Reasoning  # noqa: PLC0415
        from ..models.search_tool import SearchTool  # noqa: PLC0415

        d = dict(src_dict)
        model = d.pop("model")

        _tools = d.pop("tools", UNSET)
        tools: list[FunctionTool | SearchTool] | Unset = UNSET
        if _tools is not UNSET:
            tools = []
            for tools_item_data in _tools:

                def _parse_tools_item(data: object) -> FunctionTool | SearchTool:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_tool_type_0 = FunctionTool.from_dict(data)

                        return componentsschemas_tool_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_tool_type_1 = SearchTool.from_dict(data)

                    return componentsschemas_tool_type_1

                tools_item = _parse_tools_item(tools_item_data)

                tools.append(tools_item)

        def _parse_reasoning(data: object) -> None | Reasoning | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reasoning_type_0 = Reasoning.from_dict(data)

                return reasoning_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Reasoning | Unset, data)

        reasoning = _parse_reasoning(d.pop("reasoning", UNSET))

        request = cls(
            model=model,
            tools=tools,
            reasoning=reasoning,
        )

        request.additional_properties = d
        return request

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
