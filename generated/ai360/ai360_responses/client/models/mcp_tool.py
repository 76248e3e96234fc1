from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.mcp_tool_require_approval_type_0 import McpToolRequireApprovalType0
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
    from ..models.mcp_tool_headers import McpToolHeaders


T = TypeVar("T", bound="McpTool")


@_attrs_define
class McpTool:
    """Give the model access to tools on a remote MCP server (OpenAI `Mcp` tool).

    Attributes:
        type_ (Literal['mcp']): The type of the MCP tool. Always `mcp`.
        server_label (str): A label for this MCP server, used to identify it in tool calls.
        server_url (str | Unset): The URL for the MCP server.
        server_description (str | Unset): Optional description of the MCP server.
        connector_id (str | Unset): Identifier for a service connector; one of `server_url` or `connector_id` must be
            given.
        authorization (str | Unset): An OAuth access token usable with a remote MCP server.
        headers (McpToolHeaders | None | Unset): Optional HTTP headers to send to the MCP server.
        allowed_tools (list[str] | None | Unset): Names of the tools the model may call on this server.
        require_approval (McpToolRequireApprovalType0 | None | Unset): Which of the MCP server's tools require approval.
    """

    type_: Literal["mcp"]
    server_label: str
    server_url: str | Unset = UNSET
    server_description: str | Unset = UNSET
    connector_id: str | Unset = UNSET
    authorization: str | Unset = UNSET
    headers: McpToolHeaders | None | Unset = UNSET
    allowed_tools: list[str] | None | Unset = UNSET
    require_approval: McpToolRequireApprovalType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.mcp_tool_headers import McpToolHeaders  # noqa: PLC0415

        type_ = self.type_

        server_label = self.server_label

        server_url = self.server_url

        server_description = self.server_description

        connector_id = self.connector_id

        authorization = self.authorization

        headers: dict[str, Any] | None | Unset
        if isinstance(self.headers, Unset):
            headers = UNSET
        elif isinstance(self.headers, McpToolHeaders):
            headers = self.headers.to_dict()
        else:
            headers = self.headers

        allowed_tools: list[str] | None | Unset
        if isinstance(self.allowed_tools, Unset):
            allowed_tools = UNSET
        elif isinstance(self.allowed_tools, list):
            allowed_tools = self.allowed_tools

        else:
            allowed_tools = self.allowed_tools

        require_approval: None | str | Unset
        if isinstance(self.require_approval, Unset):
            require_approval = UNSET
        elif isinstance(self.require_approval, McpToolRequireApprovalType0):
            require_approval = self.require_approval.value
        else:
            require_approval = self.require_approval

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "server_label": server_label,
            }
        )
        if server_url is not UNSET:
            field_dict["server_url"] = server_url
        if server_description is not UNSET:
            field_dict["server_description"] = server_description
        if connector_id is not UNSET:
            field_dict["connector_id"] = connector_id
        if authorization is not UNSET:
            field_dict["authorization"] = authorization
        if headers is not UNSET:
            field_dict["headers"] = headers
        if allowed_tools is not UNSET:
            field_dict["allowed_tools"] = allowed_tools
        if require_approval is not UNSET:
            field_dict["require_approval"] = require_approval

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mcp_tool_headers import McpToolHeaders  # noqa: PLC0415

        d = dict(src_dict)
        type_ = cast(Literal["mcp"], d.pop("type"))
        if type_ != "mcp":
            raise ValueError(f"type must match const 'mcp', got '{type_}'")

        server_label = d.pop("server_label")

        server_url = d.pop("server_url", UNSET)

        server_description = d.pop("server_description", UNSET)

        connector_id = d.pop("connector_id", UNSET)

        authorization = d.pop("authorization", UNSET)

        def _parse_headers(data: object) -> McpToolHeaders | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                headers_type_0 = McpToolHeaders.from_dict(data)

                return headers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(McpToolHeaders | None | Unset, data)

        headers = _parse_headers(d.pop("headers", UNSET))

        def _parse_allowed_tools(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowed_tools_type_0 = cast(list[str], data)

                return allowed_tools_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        allowed_tools = _parse_allowed_tools(d.pop("allowed_tools", UNSET))

        def _parse_require_approval(
            data: object,
        ) -> McpToolRequireApprovalType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                require_approval_type_0 = McpToolRequireApprovalType0(data)

                return require_approval_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(McpToolRequireApprovalType0 | None | Unset, data)

        require_approval = _parse_require_approval(d.pop("require_approval", UNSET))

        mcp_tool = cls(
            type_=type_,
            server_label=server_label,
            server_url=server_url,
            server_description=server_description,
            connector_id=connector_id,
            authorization=authorization,
            headers=headers,
            allowed_tools=allowed_tools,
            require_approval=require_approval,
        )

        mcp_tool.additional_properties = d
        return mcp_tool

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
