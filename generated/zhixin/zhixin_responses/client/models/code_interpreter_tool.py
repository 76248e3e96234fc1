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
    from ..models.code_interpreter_container_auto import CodeInterpreterContainerAuto


T = TypeVar("T", bound="CodeInterpreterTool")


@_attrs_define
class CodeInterpreterTool:
    """A tool that runs Python code to help generate a response (OpenAI `CodeInterpreter` tool).

    Attributes:
        type_ (Literal['code_interpreter']): The type of the code interpreter tool. Always `code_interpreter`.
        container (CodeInterpreterContainerAuto | str | Unset): The container ID, or an object that asks for an
            automatic container.
    """

    type_: Literal["code_interpreter"]
    container: CodeInterpreterContainerAuto | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.code_interpreter_container_auto import (
            CodeInterpreterContainerAuto,
        )  # noqa: PLC0415

        type_ = self.type_

        container: dict[str, Any] | str | Unset
        if isinstance(self.container, Unset):
            container = UNSET
        elif isinstance(self.container, CodeInterpreterContainerAuto):
            container = self.container.to_dict()
        else:
            container = self.container

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if container is not UNSET:
            field_dict["container"] = container

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.code_interpreter_container_auto import (
            CodeInterpreterContainerAuto,
        )  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["code_interpreter"], d.pop("type"))
        if type_ != "code_interpreter":
            raise ValueError(f"type must match const 'code_interpreter', got '{type_}'")

        def _parse_container(
            data: object,
        ) -> CodeInterpreterContainerAuto | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                container_type_1 = CodeInterpreterContainerAuto.from_dict(data)

                return container_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CodeInterpreterContainerAuto | str | Unset, data)

        container = _parse_container(d.pop("container", UNSET))

        code_interpreter_tool = cls(
            type_=type_,
            container=container,
        )

        code_interpreter_tool.additional_properties = d
        return code_interpreter_tool

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
