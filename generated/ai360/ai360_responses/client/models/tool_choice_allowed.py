from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.tool_choice_allowed_mode import ToolChoiceAllowedMode
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
    from ..models.tool_choice_allowed_tools_item import ToolChoiceAllowedToolsItem


T = TypeVar("T", bound="ToolChoiceAllowed")


@_attrs_define
class ToolChoiceAllowed:
    """Constrains the tools available to the model to a pre-defined set (OpenAI `ToolChoiceAllowed`).

    Attributes:
        type_ (Literal['allowed_tools']): Allowed tool configuration type. Always `allowed_tools`.
        mode (ToolChoiceAllowedMode): Whether the model may pick among the allowed tools (`auto`) or must call one
            (`required`).
        tools (list[ToolChoiceAllowedToolsItem]): Tool definitions the model should be allowed to call, e.g. `{"type":
            "function", "name": "get_weather"}`.
    """

    type_: Literal["allowed_tools"]
    mode: ToolChoiceAllowedMode
    tools: list[ToolChoiceAllowedToolsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.tool_choice_allowed_tools_item import ToolChoiceAllowedToolsItem  # noqa: PLC0415

        type_ = self.type_

        mode = self.mode.value

        tools = []
        for tools_item_data in self.tools:
            tools_item = tools_item_data.to_dict()
            tools.append(tools_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "mode": mode,
                "tools": tools,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tool_choice_allowed_tools_item import ToolChoiceAllowedToolsItem  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["allowed_tools"], d.pop("type"))
        if type_ != "allowed_tools":
            raise ValueError(f"type must match const 'allowed_tools', got '{type_}'")

        mode = ToolChoiceAllowedMode(d.pop("mode"))

        tools = []
        _tools = d.pop("tools")
        for tools_item_data in _tools:
            tools_item = ToolChoiceAllowedToolsItem.from_dict(tools_item_data)

            tools.append(tools_item)

        tool_choice_allowed = cls(
            type_=type_,
            mode=mode,
            tools=tools,
        )

        tool_choice_allowed.additional_properties = d
        return tool_choice_allowed

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
