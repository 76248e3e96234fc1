from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
    from ..models.response_file_search_tool_call import ResponseFileSearchToolCall
    from ..models.response_function_tool_call import ResponseFunctionToolCall
    from ..models.response_function_web_search import ResponseFunctionWebSearch
    from ..models.response_output_message import ResponseOutputMessage
    from ..models.response_reasoning_item import ResponseReasoningItem


T = TypeVar("T", bound="ResponseOutputItemDoneEvent")


@_attrs_define
class ResponseOutputItemDoneEvent:
    """Emitted when an output item is marked done. (`response.output_item.done`)

    Attributes:
        type_ (Literal['response.output_item.done']): The type of the event. Always `response.output_item.done`.
        sequence_number (int): The sequence number of this event.
        output_index (int): The index of the output item in the response's `output`.
        item (ResponseFileSearchToolCall | ResponseFunctionToolCall | ResponseFunctionWebSearch | ResponseOutputMessage
            | ResponseReasoningItem): An item of the response `output`, told apart by `type`.
    """

    type_: Literal["response.output_item.done"]
    sequence_number: int
    output_index: int
    item: (
        ResponseFileSearchToolCall
        | ResponseFunctionToolCall
        | ResponseFunctionWebSearch
        | ResponseOutputMessage
        | ResponseReasoningItem
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.response_file_search_tool_call import ResponseFileSearchToolCall  # noqa: PLC0415
        from ..models.response_function_tool_call import ResponseFunctionToolCall  # noqa: PLC0415
        from ..models.response_function_web_search import ResponseFunctionWebSearch  # noqa: PLC0415
        from ..models.response_output_message import ResponseOutputMessage  # noqa: PLC0415
        from ..models.response_reasoning_item import ResponseReasoningItem  # noqa: PLC0415

        type_ = self.type_

        sequence_number = self.sequence_number

        output_index = self.output_index

        item: dict[str, Any]
        if isinstance(self.item, ResponseOutputMessage):
            item = self.item.to_dict()
        elif isinstance(self.item, ResponseReasoningItem):
            item = self.item.to_dict()
        elif isinstance(self.item, ResponseFunctionToolCall):
            item = self.item.to_dict()
        elif isinstance(self.item, ResponseFunctionWebSearch):
            item = self.item.to_dict()
        else:
            item = self.item.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "sequence_number": sequence_number,
                "output_index": output_index,
                "item": item,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.response_file_search_tool_call import ResponseFileSearchToolCall  # noqa: PLC0415
        from ..models.response_function_tool_call import ResponseFunctionToolCall  # noqa: PLC0415
        from ..models.response_function_web_search import ResponseFunctionWebSearch  # noqa: PLC0415
        from ..models.response_output_message import ResponseOutputMessage  # noqa: PLC0415
        from ..models.response_reasoning_item import ResponseReasoningItem  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["response.output_item.done"], d.pop("type"))
        if type_ != "response.output_item.done":
            raise ValueError(
                f"type must match const 'response.output_item.done', got '{type_}'"
            )

        sequence_number = d.pop("sequence_number")

        output_index = d.pop("output_index")

        def _parse_item(
            data: object,
        ) -> (
            ResponseFileSearchToolCall
            | ResponseFunctionToolCall
            | ResponseFunctionWebSearch
            | ResponseOutputMessage
            | ResponseReasoningItem
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_output_item_type_0 = ResponseOutputMessage.from_dict(
                    data
                )

                return componentsschemas_output_item_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_output_item_type_1 = ResponseReasoningItem.from_dict(
                    data
                )

                return componentsschemas_output_item_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_output_item_type_2 = (
                    ResponseFunctionToolCall.from_dict(data)
                )

                return componentsschemas_output_item_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_output_item_type_3 = (
                    ResponseFunctionWebSearch.from_dict(data)
                )

                return componentsschemas_output_item_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_output_item_type_4 = ResponseFileSearchToolCall.from_dict(
                data
            )

            return componentsschemas_output_item_type_4

        item = _parse_item(d.pop("item"))

        response_output_item_done_event = cls(
            type_=type_,
            sequence_number=sequence_number,
            output_index=output_index,
            item=item,
        )

        response_output_item_done_event.additional_properties = d
        return response_output_item_done_event

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
