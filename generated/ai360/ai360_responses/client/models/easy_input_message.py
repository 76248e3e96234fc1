from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.easy_input_message_role import EasyInputMessageRole
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
    from ..models.response_input_file import ResponseInputFile
    from ..models.response_input_image import ResponseInputImage
    from ..models.response_input_text import ResponseInputText


T = TypeVar("T", bound="EasyInputMessage")


@_attrs_define
class EasyInputMessage:
    """A message input to the model with a role; `content` may be plain text (OpenAI Responses API `EasyInputMessage`).
    `type` is optional, so this shape overlaps `Message` and is only ever used in an `anyOf`.

        Attributes:
            role (EasyInputMessageRole): The role of the message input.
            content (list[ResponseInputFile | ResponseInputImage | ResponseInputText] | str): Text input to the model, or a
                list of input content parts.
            type_ (Literal['message'] | Unset): The type of the message input. Always `message`.
    """

    role: EasyInputMessageRole
    content: list[ResponseInputFile | ResponseInputImage | ResponseInputText] | str
    type_: Literal["message"] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.response_input_file import ResponseInputFile  # noqa: PLC0415
        from ..models.response_input_image import ResponseInputImage  # noqa: PLC0415
        from ..models.response_input_text import ResponseInputText  # noqa: PLC0415

        role = self.role.value

        content: list[dict[str, Any]] | str
        if isinstance(self.content, list):
            content = []
            for (
                componentsschemas_response_input_message_content_list_item_data
            ) in self.content:
                componentsschemas_response_input_message_content_list_item: dict[
                    str, Any
                ]
                if isinstance(
                    componentsschemas_response_input_message_content_list_item_data,
                    ResponseInputText,
                ):
                    componentsschemas_response_input_message_content_list_item = componentsschemas_response_input_message_content_list_item_data.to_dict()
                elif isinstance(
                    componentsschemas_response_input_message_content_list_item_data,
                    ResponseInputImage,
                ):
                    componentsschemas_response_input_message_content_list_item = componentsschemas_response_input_message_content_list_item_data.to_dict()
                else:
                    componentsschemas_response_input_message_content_list_item = componentsschemas_response_input_message_content_list_item_data.to_dict()

                content.append(
                    componentsschemas_response_input_message_content_list_item
                )

        else:
            content = self.content

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "content": content,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.response_input_file import ResponseInputFile  # noqa: PLC0415
        from ..models.response_input_image import ResponseInputImage  # noqa: PLC0415
        from ..models.response_input_text import ResponseInputText  # noqa: PLC0415

        d = dict(src_dict)
        role = EasyInputMessageRole(d.pop("role"))

        def _parse_content(
            data: object,
        ) -> list[ResponseInputFile | ResponseInputImage | ResponseInputText] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                content_type_1 = []
                _content_type_1 = data
                for (
                    componentsschemas_response_input_message_content_list_item_data
                ) in _content_type_1:

                    def _parse_componentsschemas_response_input_message_content_list_item(
                        data: object,
                    ) -> ResponseInputFile | ResponseInputImage | ResponseInputText:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_response_input_content_type_0 = (
                                ResponseInputText.from_dict(data)
                            )

                            return componentsschemas_response_input_content_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_response_input_content_type_1 = (
                                ResponseInputImage.from_dict(data)
                            )

                            return componentsschemas_response_input_content_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_response_input_content_type_2 = (
                            ResponseInputFile.from_dict(data)
                        )

                        return componentsschemas_response_input_content_type_2

                    componentsschemas_response_input_message_content_list_item = _parse_componentsschemas_response_input_message_content_list_item(
                        componentsschemas_response_input_message_content_list_item_data
                    )

                    content_type_1.append(
                        componentsschemas_response_input_message_content_list_item
                    )

                return content_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[ResponseInputFile | ResponseInputImage | ResponseInputText] | str,
                data,
            )

        content = _parse_content(d.pop("content"))

        type_ = cast(Literal["message"] | Unset, d.pop("type", UNSET))
        if type_ != "message" and not isinstance(type_, Unset):
            raise ValueError(f"type must match const 'message', got '{type_}'")

        easy_input_message = cls(
            role=role,
            content=content,
            type_=type_,
        )

        easy_input_message.additional_properties = d
        return easy_input_message

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
