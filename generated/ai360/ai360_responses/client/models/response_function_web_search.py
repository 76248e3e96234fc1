from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.response_function_web_search_status import ResponseFunctionWebSearchStatus
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
    from ..models.web_search_action_find import WebSearchActionFind
    from ..models.web_search_action_open_page import WebSearchActionOpenPage
    from ..models.web_search_action_search import WebSearchActionSearch


T = TypeVar("T", bound="ResponseFunctionWebSearch")


@_attrs_define
class ResponseFunctionWebSearch:
    """The results of a web search tool call (OpenAI `ResponseFunctionWebSearch`).

    Attributes:
        type_ (Literal['web_search_call']): The type of the web search tool call. Always `web_search_call`.
        id (str): The unique ID of the web search tool call.
        status (ResponseFunctionWebSearchStatus): The status of the web search tool call.
        action (Unset | WebSearchActionFind | WebSearchActionOpenPage | WebSearchActionSearch): The action taken in a
            web search call, told apart by `type`.
    """

    type_: Literal["web_search_call"]
    id: str
    status: ResponseFunctionWebSearchStatus
    action: (
        Unset | WebSearchActionFind | WebSearchActionOpenPage | WebSearchActionSearch
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.web_search_action_find import WebSearchActionFind  # noqa: PLC0415
        from ..models.web_search_action_open_page import WebSearchActionOpenPage  # noqa: PLC0415
        from ..models.web_search_action_search import WebSearchActionSearch  # noqa: PLC0415

        type_ = self.type_

        id = self.id

        status = self.status.value

        action: dict[str, Any] | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        elif isinstance(self.action, WebSearchActionSearch):
            action = self.action.to_dict()
        elif isinstance(self.action, WebSearchActionOpenPage):
            action = self.action.to_dict()
        else:
            action = self.action.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
                "status": status,
            }
        )
        if action is not UNSET:
            field_dict["action"] = action

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.web_search_action_find import WebSearchActionFind  # noqa: PLC0415
        from ..models.web_search_action_open_page import WebSearchActionOpenPage  # noqa: PLC0415
        from ..models.web_search_action_search import WebSearchActionSearch  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["web_search_call"], d.pop("type"))
        if type_ != "web_search_call":
            raise ValueError(f"type must match const 'web_search_call', got '{type_}'")

        id = d.pop("id")

        status = ResponseFunctionWebSearchStatus(d.pop("status"))

        def _parse_action(
            data: object,
        ) -> (
            Unset
            | WebSearchActionFind
            | WebSearchActionOpenPage
            | WebSearchActionSearch
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_web_search_action_type_0 = (
                    WebSearchActionSearch.from_dict(data)
                )

                return componentsschemas_web_search_action_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_web_search_action_type_1 = (
                    WebSearchActionOpenPage.from_dict(data)
                )

                return componentsschemas_web_search_action_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_web_search_action_type_2 = WebSearchActionFind.from_dict(
                data
            )

            return componentsschemas_web_search_action_type_2

        action = _parse_action(d.pop("action", UNSET))

        response_function_web_search = cls(
            type_=type_,
            id=id,
            status=status,
            action=action,
        )

        response_function_web_search.additional_properties = d
        return response_function_web_search

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
