from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.response_status_type_1 import ResponseStatusType1
from ..models.response_status_type_2_type_1 import ResponseStatusType2Type1
from ..models.response_status_type_3_type_1 import ResponseStatusType3Type1
from typing import cast

if TYPE_CHECKING:
    from ..models.usage import Usage


T = TypeVar("T", bound="Response")


@_attrs_define
class Response:
    """A response whose `usage` is required but nullable. Source https://example.test/docs.

    Attributes:
        id (str): The response id.
        status (None | ResponseStatusType1 | ResponseStatusType2Type1 | ResponseStatusType3Type1): The response status.
        usage (None | Usage): Token counts; null until the response completes.
    """

    id: str
    status: (
        None | ResponseStatusType1 | ResponseStatusType2Type1 | ResponseStatusType3Type1
    )
    usage: None | Usage
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.usage import Usage  # noqa: PLC0415

        id = self.id

        status: None | str
        if isinstance(self.status, ResponseStatusType1):
            status = self.status.value
        elif isinstance(self.status, ResponseStatusType2Type1):
            status = self.status.value
        elif isinstance(self.status, ResponseStatusType3Type1):
            status = self.status.value
        else:
            status = self.status

        usage: dict[str, Any] | None
        if isinstance(self.usage, Usage):
            usage = self.usage.to_dict()
        else:
            usage = self.usage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "usage": usage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.usage import Usage  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_status(
            data: object,
        ) -> (
            None
            | ResponseStatusType1
            | ResponseStatusType2Type1
            | ResponseStatusType3Type1
        ):
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = ResponseStatusType1(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_2_type_1 = ResponseStatusType2Type1(data)

                return status_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_3_type_1 = ResponseStatusType3Type1(data)

                return status_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | ResponseStatusType1
                | ResponseStatusType2Type1
                | ResponseStatusType3Type1,
                data,
            )

        status = _parse_status(d.pop("status"))

        def _parse_usage(data: object) -> None | Usage:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                usage_type_0 = Usage.from_dict(data)

                return usage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Usage, data)

        usage = _parse_usage(d.pop("usage"))

        response = cls(
            id=id,
            status=status,
            usage=usage,
        )

        response.additional_properties = d
        return response

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
