from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.response_text_config_verbosity_type_0 import (
    ResponseTextConfigVerbosityType0,
)
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.text_format_json_object import TextFormatJsonObject
    from ..models.text_format_json_schema import TextFormatJsonSchema
    from ..models.text_format_text import TextFormatText


T = TypeVar("T", bound="ResponseTextConfig")


@_attrs_define
class ResponseTextConfig:
    """Configuration options for a text response from the model (OpenAI `ResponseTextConfig`).

    Attributes:
        format_ (TextFormatJsonObject | TextFormatJsonSchema | TextFormatText | Unset): An object specifying the format
            that the model must output, told apart by `type`.
        verbosity (None | ResponseTextConfigVerbosityType0 | Unset): Constrains the verbosity of the model's response.
    """

    format_: TextFormatJsonObject | TextFormatJsonSchema | TextFormatText | Unset = (
        UNSET
    )
    verbosity: None | ResponseTextConfigVerbosityType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.text_format_json_object import TextFormatJsonObject  # noqa: PLC0415
        from ..models.text_format_json_schema import TextFormatJsonSchema  # noqa: PLC0415
        from ..models.text_format_text import TextFormatText  # noqa: PLC0415

        format_: dict[str, Any] | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        elif isinstance(self.format_, TextFormatText):
            format_ = self.format_.to_dict()
        elif isinstance(self.format_, TextFormatJsonObject):
            format_ = self.format_.to_dict()
        else:
            format_ = self.format_.to_dict()

        verbosity: None | str | Unset
        if isinstance(self.verbosity, Unset):
            verbosity = UNSET
        elif isinstance(self.verbosity, ResponseTextConfigVerbosityType0):
            verbosity = self.verbosity.value
        else:
            verbosity = self.verbosity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if format_ is not UNSET:
            field_dict["format"] = format_
        if verbosity is not UNSET:
            field_dict["verbosity"] = verbosity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.text_format_json_object import TextFormatJsonObject  # noqa: PLC0415
        from ..models.text_format_json_schema import TextFormatJsonSchema  # noqa: PLC0415
        from ..models.text_format_text import TextFormatText  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_format_(
            data: object,
        ) -> TextFormatJsonObject | TextFormatJsonSchema | TextFormatText | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_text_format_type_0 = TextFormatText.from_dict(data)

                return componentsschemas_text_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_text_format_type_1 = TextFormatJsonObject.from_dict(
                    data
                )

                return componentsschemas_text_format_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_text_format_type_2 = TextFormatJsonSchema.from_dict(data)

            return componentsschemas_text_format_type_2

        format_ = _parse_format_(d.pop("format", UNSET))

        def _parse_verbosity(
            data: object,
        ) -> None | ResponseTextConfigVerbosityType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verbosity_type_0 = ResponseTextConfigVerbosityType0(data)

                return verbosity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseTextConfigVerbosityType0 | Unset, data)

        verbosity = _parse_verbosity(d.pop("verbosity", UNSET))

        response_text_config = cls(
            format_=format_,
            verbosity=verbosity,
        )

        response_text_config.additional_properties = d
        return response_text_config

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
