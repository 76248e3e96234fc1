from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.response_status import ResponseStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.response_metadata import ResponseMetadata
    from ..models.usage import Usage


T = TypeVar("T", bound="Response")


@_attrs_define
class Response:
    """A response whose `usage` is required but nullable. Source https://example.test/docs.

    Attributes:
        id (str): The response id.
        status (ResponseStatus): The response status.
        usage (None | Usage): Token counts; null until the response completes.
        metadata (ResponseMetadata | Unset): A free-form string map.
    """

    id: str
    status: ResponseStatus
    usage: None | Usage
    metadata: ResponseMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.response_metadata import ResponseMetadata  # noqa: PLC0415
        from ..models.usage import Usage  # noqa: PLC0415

        id = self.id

        status = self.status.value

        usage: dict[str, Any] | None
        if isinstance(self.usage, Usage):
            usage = self.usage.to_dict()
        else:
            usage = self.usage

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "usage": usage,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.response_metadata import ResponseMetadata  # noqa: PLC0415
        from ..models.usage import Usage  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        status = ResponseStatus(d.pop("status"))

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

        _metadata = d.pop("metadata", UNSET)
        metadata: ResponseMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ResponseMetadata.from_dict(_metadata)

        response = cls(
            id=id,
            status=status,
            usage=usage,
            metadata=metadata,
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
