from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.response_output_message_status import ResponseOutputMessageStatus
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
    from ..models.response_output_refusal import ResponseOutputRefusal
    from ..models.response_output_text import ResponseOutputText


T = TypeVar("T", bound="ResponseOutputMessage")


@_attrs_define
class ResponseOutputMessage:
    """An output message from the model (OpenAI `ResponseOutputMessage`).

    Attributes:
        type_ (Literal['message']): The type of the output message. Always `message`.
        id (str): The unique ID of the output message.
        role (Literal['assistant']): The role of the output message. Always `assistant`.
        status (ResponseOutputMessageStatus): The status of the message.
        content (list[ResponseOutputRefusal | ResponseOutputText]): The content of the output message.
    """

    type_: Literal["message"]
    id: str
    role: Literal["assistant"]
    status: ResponseOutputMessageStatus
    content: list[ResponseOutputRefusal | ResponseOutputText]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.response_output_refusal import ResponseOutputRefusal  # noqa: PLC0415
        from ..models.response_output_text import ResponseOutputText  # noqa: PLC0415

        type_ = self.type_

        id = self.id

        role = self.role

        status = self.status.value

        content = []
        for content_item_data in self.content:
            content_item: dict[str, Any]
            if isinstance(content_item_data, ResponseOutputText):
                content_item = content_item_data.to_dict()
            else:
                content_item = content_item_data.to_dict()

            content.append(content_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "role": role,
                "status": status,
                "content": content,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.response_output_refusal import ResponseOutputRefusal  # noqa: PLC0415
        from ..models.response_output_text import ResponseOutputText  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["message"], d.pop("type"))
        if type_ != "message":
            raise ValueError(f"type must match const 'message', got '{type_}'")

        id = d.pop("id")

        role = cast(Literal["assistant"], d.pop("role"))
        if role != "assistant":
            raise ValueError(f"role must match const 'assistant', got '{role}'")

        status = ResponseOutputMessageStatus(d.pop("status"))

        content = []
        _content = d.pop("content")
        for content_item_data in _content:

            def _parse_content_item(
                data: object,
            ) -> ResponseOutputRefusal | ResponseOutputText:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_output_message_content_type_0 = (
                        ResponseOutputText.from_dict(data)
                    )

                    return componentsschemas_output_message_content_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_output_message_content_type_1 = (
                    ResponseOutputRefusal.from_dict(data)
                )

                return componentsschemas_output_message_content_type_1

            content_item = _parse_content_item(content_item_data)

            content.append(content_item)

        response_output_message = cls(
            type_=type_,
            id=id,
            role=role,
            status=status,
            content=content,
        )

        response_output_message.additional_properties = d
        return response_output_message

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
