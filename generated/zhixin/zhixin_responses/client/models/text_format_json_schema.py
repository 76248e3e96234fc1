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
    from ..models.text_format_json_schema_schema import TextFormatJsonSchemaSchema


T = TypeVar("T", bound="TextFormatJsonSchema")


@_attrs_define
class TextFormatJsonSchema:
    """JSON Schema response format, used to generate structured JSON responses.

    Attributes:
        type_ (Literal['json_schema']): The type of response format being defined. Always `json_schema`.
        name (str): The name of the response format; a-z, A-Z, 0-9, underscores and dashes, at most 64 characters.
        schema (TextFormatJsonSchemaSchema): The schema for the response format, described as a JSON Schema object.
        description (str | Unset): A description of what the response format is for.
        strict (bool | None | Unset): Whether to enable strict schema adherence when generating the output.
    """

    type_: Literal["json_schema"]
    name: str
    schema: TextFormatJsonSchemaSchema
    description: str | Unset = UNSET
    strict: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.text_format_json_schema_schema import TextFormatJsonSchemaSchema  # noqa: PLC0415

        type_ = self.type_

        name = self.name

        schema = self.schema.to_dict()

        description = self.description

        strict: bool | None | Unset
        if isinstance(self.strict, Unset):
            strict = UNSET
        else:
            strict = self.strict

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "name": name,
                "schema": schema,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if strict is not UNSET:
            field_dict["strict"] = strict

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.text_format_json_schema_schema import TextFormatJsonSchemaSchema  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["json_schema"], d.pop("type"))
        if type_ != "json_schema":
            raise ValueError(f"type must match const 'json_schema', got '{type_}'")

        name = d.pop("name")

        schema = TextFormatJsonSchemaSchema.from_dict(d.pop("schema"))

        description = d.pop("description", UNSET)

        def _parse_strict(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        strict = _parse_strict(d.pop("strict", UNSET))

        text_format_json_schema = cls(
            type_=type_,
            name=name,
            schema=schema,
            description=description,
            strict=strict,
        )

        text_format_json_schema.additional_properties = d
        return text_format_json_schema

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
