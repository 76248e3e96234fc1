from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.response_reasoning_item_status_type_0 import (
    ResponseReasoningItemStatusType0,
)
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
    from ..models.reasoning_summary_text import ReasoningSummaryText
    from ..models.reasoning_text import ReasoningText


T = TypeVar("T", bound="ResponseReasoningItem")


@_attrs_define
class ResponseReasoningItem:
    """A description of the chain of thought used by a reasoning model while generating a response (OpenAI
    `ResponseReasoningItem`).

        Attributes:
            type_ (Literal['reasoning']): The type of the object. Always `reasoning`.
            id (str): The unique identifier of the reasoning content.
            summary (list[ReasoningSummaryText]): Reasoning summary content.
            content (list[ReasoningText] | None | Unset): Reasoning text content.
            encrypted_content (None | str | Unset): The encrypted content of the reasoning item, when requested via
                `include`.
            status (None | ResponseReasoningItemStatusType0 | Unset): The status of the item.
    """

    type_: Literal["reasoning"]
    id: str
    summary: list[ReasoningSummaryText]
    content: list[ReasoningText] | None | Unset = UNSET
    encrypted_content: None | str | Unset = UNSET
    status: None | ResponseReasoningItemStatusType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reasoning_summary_text import ReasoningSummaryText  # noqa: PLC0415
        from ..models.reasoning_text import ReasoningText  # noqa: PLC0415

        type_ = self.type_

        id = self.id

        summary = []
        for summary_item_data in self.summary:
            summary_item = summary_item_data.to_dict()
            summary.append(summary_item)

        content: list[dict[str, Any]] | None | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        elif isinstance(self.content, list):
            content = []
            for content_type_0_item_data in self.content:
                content_type_0_item = content_type_0_item_data.to_dict()
                content.append(content_type_0_item)

        else:
            content = self.content

        encrypted_content: None | str | Unset
        if isinstance(self.encrypted_content, Unset):
            encrypted_content = UNSET
        else:
            encrypted_content = self.encrypted_content

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ResponseReasoningItemStatusType0):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "summary": summary,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content
        if encrypted_content is not UNSET:
            field_dict["encrypted_content"] = encrypted_content
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reasoning_summary_text import ReasoningSummaryText  # noqa: PLC0415
        from ..models.reasoning_text import ReasoningText  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["reasoning"], d.pop("type"))
        if type_ != "reasoning":
            raise ValueError(f"type must match const 'reasoning', got '{type_}'")

        id = d.pop("id")

        summary = []
        _summary = d.pop("summary")
        for summary_item_data in _summary:
            summary_item = ReasoningSummaryText.from_dict(summary_item_data)

            summary.append(summary_item)

        def _parse_content(data: object) -> list[ReasoningText] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                content_type_0 = []
                _content_type_0 = data
                for content_type_0_item_data in _content_type_0:
                    content_type_0_item = ReasoningText.from_dict(
                        content_type_0_item_data
                    )

                    content_type_0.append(content_type_0_item)

                return content_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ReasoningText] | None | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        def _parse_encrypted_content(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        encrypted_content = _parse_encrypted_content(d.pop("encrypted_content", UNSET))

        def _parse_status(
            data: object,
        ) -> None | ResponseReasoningItemStatusType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ResponseReasoningItemStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseReasoningItemStatusType0 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        response_reasoning_item = cls(
            type_=type_,
            id=id,
            summary=summary,
            content=content,
            encrypted_content=encrypted_content,
            status=status,
        )

        response_reasoning_item.additional_properties = d
        return response_reasoning_item

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
