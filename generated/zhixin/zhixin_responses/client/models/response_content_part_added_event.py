from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
    from ..models.reasoning_text import ReasoningText
    from ..models.response_output_refusal import ResponseOutputRefusal
    from ..models.response_output_text import ResponseOutputText


T = TypeVar("T", bound="ResponseContentPartAddedEvent")


@_attrs_define
class ResponseContentPartAddedEvent:
    """Emitted when a new content part is added. (`response.content_part.added`)

    Attributes:
        type_ (Literal['response.content_part.added']): The type of the event. Always `response.content_part.added`.
        sequence_number (int): The sequence number of this event.
        item_id (str): The ID of the output item.
        output_index (int): The index of the output item in the response's `output`.
        content_index (int): The index of the content part within the output item.
        part (ReasoningText | ResponseOutputRefusal | ResponseOutputText): A content part carried by a `content_part`
            stream event, told apart by `type`.
    """

    type_: Literal["response.content_part.added"]
    sequence_number: int
    item_id: str
    output_index: int
    content_index: int
    part: ReasoningText | ResponseOutputRefusal | ResponseOutputText
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reasoning_text import ReasoningText  # noqa: PLC0415
        from ..models.response_output_refusal import ResponseOutputRefusal  # noqa: PLC0415
        from ..models.response_output_text import ResponseOutputText  # noqa: PLC0415

        type_ = self.type_

        sequence_number = self.sequence_number

        item_id = self.item_id

        output_index = self.output_index

        content_index = self.content_index

        part: dict[str, Any]
        if isinstance(self.part, ResponseOutputText):
            part = self.part.to_dict()
        elif isinstance(self.part, ResponseOutputRefusal):
            part = self.part.to_dict()
        else:
            part = self.part.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "sequence_number": sequence_number,
                "item_id": item_id,
                "output_index": output_index,
                "content_index": content_index,
                "part": part,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reasoning_text import ReasoningText  # noqa: PLC0415
        from ..models.response_output_refusal import ResponseOutputRefusal  # noqa: PLC0415
        from ..models.response_output_text import ResponseOutputText  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["response.content_part.added"], d.pop("type"))
        if type_ != "response.content_part.added":
            raise ValueError(
                f"type must match const 'response.content_part.added', got '{type_}'"
            )

        sequence_number = d.pop("sequence_number")

        item_id = d.pop("item_id")

        output_index = d.pop("output_index")

        content_index = d.pop("content_index")

        def _parse_part(
            data: object,
        ) -> ReasoningText | ResponseOutputRefusal | ResponseOutputText:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_stream_content_part_type_0 = (
                    ResponseOutputText.from_dict(data)
                )

                return componentsschemas_stream_content_part_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_stream_content_part_type_1 = (
                    ResponseOutputRefusal.from_dict(data)
                )

                return componentsschemas_stream_content_part_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_stream_content_part_type_2 = ReasoningText.from_dict(data)

            return componentsschemas_stream_content_part_type_2

        part = _parse_part(d.pop("part"))

        response_content_part_added_event = cls(
            type_=type_,
            sequence_number=sequence_number,
            item_id=item_id,
            output_index=output_index,
            content_index=content_index,
            part=part,
        )

        response_content_part_added_event.additional_properties = d
        return response_content_part_added_event

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
