from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.create_response_request_service_tier_type_0 import (
    CreateResponseRequestServiceTierType0,
)
from ..models.create_response_request_truncation_type_0 import (
    CreateResponseRequestTruncationType0,
)
from ..models.response_includable import ResponseIncludable
from ..models.tool_choice_options import ToolChoiceOptions
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.code_interpreter_tool import CodeInterpreterTool
    from ..models.easy_input_message import EasyInputMessage
    from ..models.file_search_tool import FileSearchTool
    from ..models.function_call_output import FunctionCallOutput
    from ..models.function_tool import FunctionTool
    from ..models.item_reference import ItemReference
    from ..models.mcp_tool import McpTool
    from ..models.message import Message
    from ..models.metadata import Metadata
    from ..models.reasoning import Reasoning
    from ..models.response_conversation_param import ResponseConversationParam
    from ..models.response_function_tool_call import ResponseFunctionToolCall
    from ..models.response_output_message import ResponseOutputMessage
    from ..models.response_reasoning_item import ResponseReasoningItem
    from ..models.response_text_config import ResponseTextConfig
    from ..models.tool_choice_allowed import ToolChoiceAllowed
    from ..models.tool_choice_apply_patch import ToolChoiceApplyPatch
    from ..models.tool_choice_custom import ToolChoiceCustom
    from ..models.tool_choice_function import ToolChoiceFunction
    from ..models.tool_choice_mcp import ToolChoiceMcp
    from ..models.tool_choice_shell import ToolChoiceShell
    from ..models.tool_choice_types import ToolChoiceTypes
    from ..models.web_extractor_tool import WebExtractorTool
    from ..models.web_search_tool import WebSearchTool


T = TypeVar("T", bound="CreateResponseRequest")


@_attrs_define
class CreateResponseRequest:
    """The body of `POST /v1/responses` (OpenAI Responses API create parameters).

    Attributes:
        model (str): The model ID used to generate the response, e.g. `gpt-5.4` or `qwen3.6-plus`.
        input_ (list[EasyInputMessage | FunctionCallOutput | ItemReference | Message | ResponseFunctionToolCall |
            ResponseOutputMessage | ResponseReasoningItem] | str | Unset): Text input to the model, or a list of input
            items.
        instructions (None | str | Unset): A system (or developer) message inserted into the model's context.
        previous_response_id (None | str | Unset): The unique ID of the previous response to the model, for multi-turn
            conversations.
        conversation (None | ResponseConversationParam | str | Unset): The conversation that this response belongs to,
            by ID or as an object.
        include (list[ResponseIncludable] | None | Unset): Additional output data to include in the model response.
        tools (list[CodeInterpreterTool | FileSearchTool | FunctionTool | McpTool | WebExtractorTool | WebSearchTool] |
            Unset): An array of tools the model may call while generating a response.
        tool_choice (ToolChoiceAllowed | ToolChoiceApplyPatch | ToolChoiceCustom | ToolChoiceFunction | ToolChoiceMcp |
            ToolChoiceOptions | ToolChoiceShell | ToolChoiceTypes | Unset): How the model should select which tool (or
            tools) to use when generating a response.
        text (ResponseTextConfig | Unset): Configuration options for a text response from the model (OpenAI
            `ResponseTextConfig`).
        reasoning (None | Reasoning | Unset): Configuration options for reasoning models.
        temperature (float | None | Unset): Sampling temperature between 0 and 2.
        top_p (float | None | Unset): Nucleus sampling probability mass.
        max_output_tokens (int | None | Unset): An upper bound for the number of tokens that can be generated, including
            reasoning tokens.
        max_tool_calls (int | None | Unset): The maximum number of total calls to built-in tools that can be processed
            in a response.
        parallel_tool_calls (bool | None | Unset): Whether to allow the model to run tool calls in parallel.
        store (bool | None | Unset): Whether to store the generated model response for later retrieval via API.
        stream (bool | None | Unset): If true, the response is streamed to the client as server-sent events.
        metadata (Metadata | None | Unset): Key-value pairs attached to the response.
        truncation (CreateResponseRequestTruncationType0 | None | Unset): The truncation strategy to use for the model
            response.
        user (str | Unset): A stable identifier for your end-users (deprecated in favour of `safety_identifier`).
        safety_identifier (str | Unset): A stable identifier used to help detect users of your application that may
            violate usage policies.
        prompt_cache_key (str | Unset): Used to cache responses for similar requests to optimize cache hit rates.
        service_tier (CreateResponseRequestServiceTierType0 | None | Unset): Specifies the processing type used for
            serving the request.
        background (bool | None | Unset): Whether to run the model response in the background.
        top_logprobs (int | None | Unset): The number of most likely tokens to return at each token position.
        max_tokens (int | None | Unset): An upper bound for the number of generated tokens (智信's name for
            `max_output_tokens`).
        enable_thinking (bool | None | Unset): Whether a Qwen model thinks before it answers (DashScope).
    """

    model: str
    input_: (
        list[
            EasyInputMessage
            | FunctionCallOutput
            | ItemReference
            | Message
            | ResponseFunctionToolCall
            | ResponseOutputMessage
            | ResponseReasoningItem
        ]
        | str
        | Unset
    ) = UNSET
    instructions: None | str | Unset = UNSET
    previous_response_id: None | str | Unset = UNSET
    conversation: None | ResponseConversationParam | str | Unset = UNSET
    include: list[ResponseIncludable] | None | Unset = UNSET
    tools: (
        list[
            CodeInterpreterTool
            | FileSearchTool
            | FunctionTool
            | McpTool
            | WebExtractorTool
            | WebSearchTool
        ]
        | Unset
    ) = UNSET
    tool_choice: (
        ToolChoiceAllowed
        | ToolChoiceApplyPatch
        | ToolChoiceCustom
        | ToolChoiceFunction
        | ToolChoiceMcp
        | ToolChoiceOptions
        | ToolChoiceShell
        | ToolChoiceTypes
        | Unset
    ) = UNSET
    text: ResponseTextConfig | Unset = UNSET
    reasoning: None | Reasoning | Unset = UNSET
    temperature: float | None | Unset = UNSET
    top_p: float | None | Unset = UNSET
    max_output_tokens: int | None | Unset = UNSET
    max_tool_calls: int | None | Unset = UNSET
    parallel_tool_calls: bool | None | Unset = UNSET
    store: bool | None | Unset = UNSET
    stream: bool | None | Unset = UNSET
    metadata: Metadata | None | Unset = UNSET
    truncation: CreateResponseRequestTruncationType0 | None | Unset = UNSET
    user: str | Unset = UNSET
    safety_identifier: str | Unset = UNSET
    prompt_cache_key: str | Unset = UNSET
    service_tier: CreateResponseRequestServiceTierType0 | None | Unset = UNSET
    background: bool | None | Unset = UNSET
    top_logprobs: int | None | Unset = UNSET
    max_tokens: int | None | Unset = UNSET
    enable_thinking: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.code_interpreter_tool import CodeInterpreterTool  # noqa: PLC0415
        from ..models.easy_input_message import EasyInputMessage  # noqa: PLC0415
        from ..models.file_search_tool import FileSearchTool  # noqa: PLC0415
        from ..models.function_call_output import FunctionCallOutput  # noqa: PLC0415
        from ..models.function_tool import FunctionTool  # noqa: PLC0415
        from ..models.item_reference import ItemReference  # noqa: PLC0415
        from ..models.mcp_tool import McpTool  # noqa: PLC0415
        from ..models.message import Message  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.reasoning import Reasoning  # noqa: PLC0415
        from ..models.response_conversation_param import ResponseConversationParam  # noqa: PLC0415
        from ..models.response_function_tool_call import ResponseFunctionToolCall  # noqa: PLC0415
        from ..models.response_output_message import ResponseOutputMessage  # noqa: PLC0415
        from ..models.response_reasoning_item import ResponseReasoningItem  # noqa: PLC0415
        from ..models.response_text_config import ResponseTextConfig  # noqa: PLC0415
        from ..models.tool_choice_allowed import ToolChoiceAllowed  # noqa: PLC0415
        from ..models.tool_choice_apply_patch import ToolChoiceApplyPatch  # noqa: PLC0415
        from ..models.tool_choice_custom import ToolChoiceCustom  # noqa: PLC0415
        from ..models.tool_choice_function import ToolChoiceFunction  # noqa: PLC0415
        from ..models.tool_choice_mcp import ToolChoiceMcp  # noqa: PLC0415
        from ..models.tool_choice_shell import ToolChoiceShell  # noqa: PLC0415
        from ..models.tool_choice_types import ToolChoiceTypes  # noqa: PLC0415
        from ..models.web_extractor_tool import WebExtractorTool  # noqa: PLC0415
        from ..models.web_search_tool import WebSearchTool  # noqa: PLC0415

        model = self.model

        input_: list[dict[str, Any]] | str | Unset
        if isinstance(self.input_, Unset):
            input_ = UNSET
        elif isinstance(self.input_, list):
            input_ = []
            for componentsschemas_response_input_type_1_item_data in self.input_:
                componentsschemas_response_input_type_1_item: dict[str, Any]
                if isinstance(
                    componentsschemas_response_input_type_1_item_data,
                    ResponseFunctionToolCall,
                ):
                    componentsschemas_response_input_type_1_item = (
                        componentsschemas_response_input_type_1_item_data.to_dict()
                    )
                elif isinstance(
                    componentsschemas_response_input_type_1_item_data,
                    FunctionCallOutput,
                ):
                    componentsschemas_response_input_type_1_item = (
                        componentsschemas_response_input_type_1_item_data.to_dict()
                    )
                elif isinstance(
                    componentsschemas_response_input_type_1_item_data,
                    ResponseReasoningItem,
                ):
                    componentsschemas_response_input_type_1_item = (
                        componentsschemas_response_input_type_1_item_data.to_dict()
                    )
                elif isinstance(
                    componentsschemas_response_input_type_1_item_data,
                    ResponseOutputMessage,
                ):
                    componentsschemas_response_input_type_1_item = (
                        componentsschemas_response_input_type_1_item_data.to_dict()
                    )
                elif isinstance(
                    componentsschemas_response_input_type_1_item_data, EasyInputMessage
                ):
                    componentsschemas_response_input_type_1_item = (
                        componentsschemas_response_input_type_1_item_data.to_dict()
                    )
                elif isinstance(
                    componentsschemas_response_input_type_1_item_data, Message
                ):
                    componentsschemas_response_input_type_1_item = (
                        componentsschemas_response_input_type_1_item_data.to_dict()
                    )
                else:
                    componentsschemas_response_input_type_1_item = (
                        componentsschemas_response_input_type_1_item_data.to_dict()
                    )

                input_.append(componentsschemas_response_input_type_1_item)

        else:
            input_ = self.input_

        instructions: None | str | Unset
        if isinstance(self.instructions, Unset):
            instructions = UNSET
        else:
            instructions = self.instructions

        previous_response_id: None | str | Unset
        if isinstance(self.previous_response_id, Unset):
            previous_response_id = UNSET
        else:
            previous_response_id = self.previous_response_id

        conversation: dict[str, Any] | None | str | Unset
        if isinstance(self.conversation, Unset):
            conversation = UNSET
        elif isinstance(self.conversation, ResponseConversationParam):
            conversation = self.conversation.to_dict()
        else:
            conversation = self.conversation

        include: list[str] | None | Unset
        if isinstance(self.include, Unset):
            include = UNSET
        elif isinstance(self.include, list):
            include = []
            for include_type_0_item_data in self.include:
                include_type_0_item = include_type_0_item_data.value
                include.append(include_type_0_item)

        else:
            include = self.include

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for tools_item_data in self.tools:
                tools_item: dict[str, Any]
                if isinstance(tools_item_data, FunctionTool):
                    tools_item = tools_item_data.to_dict()
                elif isinstance(tools_item_data, WebSearchTool):
                    tools_item = tools_item_data.to_dict()
                elif isinstance(tools_item_data, FileSearchTool):
                    tools_item = tools_item_data.to_dict()
                elif isinstance(tools_item_data, McpTool):
                    tools_item = tools_item_data.to_dict()
                elif isinstance(tools_item_data, CodeInterpreterTool):
                    tools_item = tools_item_data.to_dict()
                else:
                    tools_item = tools_item_data.to_dict()

                tools.append(tools_item)

        tool_choice: dict[str, Any] | str | Unset
        if isinstance(self.tool_choice, Unset):
            tool_choice = UNSET
        elif isinstance(self.tool_choice, ToolChoiceOptions):
            tool_choice = self.tool_choice.value
        elif isinstance(self.tool_choice, ToolChoiceAllowed):
            tool_choice = self.tool_choice.to_dict()
        elif isinstance(self.tool_choice, ToolChoiceTypes):
            tool_choice = self.tool_choice.to_dict()
        elif isinstance(self.tool_choice, ToolChoiceFunction):
            tool_choice = self.tool_choice.to_dict()
        elif isinstance(self.tool_choice, ToolChoiceMcp):
            tool_choice = self.tool_choice.to_dict()
        elif isinstance(self.tool_choice, ToolChoiceCustom):
            tool_choice = self.tool_choice.to_dict()
        elif isinstance(self.tool_choice, ToolChoiceApplyPatch):
            tool_choice = self.tool_choice.to_dict()
        else:
            tool_choice = self.tool_choice.to_dict()

        text: dict[str, Any] | Unset = UNSET
        if not isinstance(self.text, Unset):
            text = self.text.to_dict()

        reasoning: dict[str, Any] | None | Unset
        if isinstance(self.reasoning, Unset):
            reasoning = UNSET
        elif isinstance(self.reasoning, Reasoning):
            reasoning = self.reasoning.to_dict()
        else:
            reasoning = self.reasoning

        temperature: float | None | Unset
        if isinstance(self.temperature, Unset):
            temperature = UNSET
        else:
            temperature = self.temperature

        top_p: float | None | Unset
        if isinstance(self.top_p, Unset):
            top_p = UNSET
        else:
            top_p = self.top_p

        max_output_tokens: int | None | Unset
        if isinstance(self.max_output_tokens, Unset):
            max_output_tokens = UNSET
        else:
            max_output_tokens = self.max_output_tokens

        max_tool_calls: int | None | Unset
        if isinstance(self.max_tool_calls, Unset):
            max_tool_calls = UNSET
        else:
            max_tool_calls = self.max_tool_calls

        parallel_tool_calls: bool | None | Unset
        if isinstance(self.parallel_tool_calls, Unset):
            parallel_tool_calls = UNSET
        else:
            parallel_tool_calls = self.parallel_tool_calls

        store: bool | None | Unset
        if isinstance(self.store, Unset):
            store = UNSET
        else:
            store = self.store

        stream: bool | None | Unset
        if isinstance(self.stream, Unset):
            stream = UNSET
        else:
            stream = self.stream

        metadata: dict[str, Any] | None | Unset
        if isinstance(self.metadata, Unset):
            metadata = UNSET
        elif isinstance(self.metadata, Metadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        truncation: None | str | Unset
        if isinstance(self.truncation, Unset):
            truncation = UNSET
        elif isinstance(self.truncation, CreateResponseRequestTruncationType0):
            truncation = self.truncation.value
        else:
            truncation = self.truncation

        user = self.user

        safety_identifier = self.safety_identifier

        prompt_cache_key = self.prompt_cache_key

        service_tier: None | str | Unset
        if isinstance(self.service_tier, Unset):
            service_tier = UNSET
        elif isinstance(self.service_tier, CreateResponseRequestServiceTierType0):
            service_tier = self.service_tier.value
        else:
            service_tier = self.service_tier

        background: bool | None | Unset
        if isinstance(self.background, Unset):
            background = UNSET
        else:
            background = self.background

        top_logprobs: int | None | Unset
        if isinstance(self.top_logprobs, Unset):
            top_logprobs = UNSET
        else:
            top_logprobs = self.top_logprobs

        max_tokens: int | None | Unset
        if isinstance(self.max_tokens, Unset):
            max_tokens = UNSET
        else:
            max_tokens = self.max_tokens

        enable_thinking: bool | None | Unset
        if isinstance(self.enable_thinking, Unset):
            enable_thinking = UNSET
        else:
            enable_thinking = self.enable_thinking

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
            }
        )
        if input_ is not UNSET:
            field_dict["input"] = input_
        if instructions is not UNSET:
            field_dict["instructions"] = instructions
        if previous_response_id is not UNSET:
            field_dict["previous_response_id"] = previous_response_id
        if conversation is not UNSET:
            field_dict["conversation"] = conversation
        if include is not UNSET:
            field_dict["include"] = include
        if tools is not UNSET:
            field_dict["tools"] = tools
        if tool_choice is not UNSET:
            field_dict["tool_choice"] = tool_choice
        if text is not UNSET:
            field_dict["text"] = text
        if reasoning is not UNSET:
            field_dict["reasoning"] = reasoning
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if top_p is not UNSET:
            field_dict["top_p"] = top_p
        if max_output_tokens is not UNSET:
            field_dict["max_output_tokens"] = max_output_tokens
        if max_tool_calls is not UNSET:
            field_dict["max_tool_calls"] = max_tool_calls
        if parallel_tool_calls is not UNSET:
            field_dict["parallel_tool_calls"] = parallel_tool_calls
        if store is not UNSET:
            field_dict["store"] = store
        if stream is not UNSET:
            field_dict["stream"] = stream
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if truncation is not UNSET:
            field_dict["truncation"] = truncation
        if user is not UNSET:
            field_dict["user"] = user
        if safety_identifier is not UNSET:
            field_dict["safety_identifier"] = safety_identifier
        if prompt_cache_key is not UNSET:
            field_dict["prompt_cache_key"] = prompt_cache_key
        if service_tier is not UNSET:
            field_dict["service_tier"] = service_tier
        if background is not UNSET:
            field_dict["background"] = background
        if top_logprobs is not UNSET:
            field_dict["top_logprobs"] = top_logprobs
        if max_tokens is not UNSET:
            field_dict["max_tokens"] = max_tokens
        if enable_thinking is not UNSET:
            field_dict["enable_thinking"] = enable_thinking

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.code_interpreter_tool import CodeInterpreterTool  # noqa: PLC0415
        from ..models.easy_input_message import EasyInputMessage  # noqa: PLC0415
        from ..models.file_search_tool import FileSearchTool  # noqa: PLC0415
        from ..models.function_call_output import FunctionCallOutput  # noqa: PLC0415
        from ..models.function_tool import FunctionTool  # noqa: PLC0415
        from ..models.item_reference import ItemReference  # noqa: PLC0415
        from ..models.mcp_tool import McpTool  # noqa: PLC0415
        from ..models.message import Message  # noqa: PLC0415
        from ..models.metadata import Metadata  # noqa: PLC0415
        from ..models.reasoning import Reasoning  # noqa: PLC0415
        from ..models.response_conversation_param import ResponseConversationParam  # noqa: PLC0415
        from ..models.response_function_tool_call import ResponseFunctionToolCall  # noqa: PLC0415
        from ..models.response_output_message import ResponseOutputMessage  # noqa: PLC0415
        from ..models.response_reasoning_item import ResponseReasoningItem  # noqa: PLC0415
        from ..models.response_text_config import ResponseTextConfig  # noqa: PLC0415
        from ..models.tool_choice_allowed import ToolChoiceAllowed  # noqa: PLC0415
        from ..models.tool_choice_apply_patch import ToolChoiceApplyPatch  # noqa: PLC0415
        from ..models.tool_choice_custom import ToolChoiceCustom  # noqa: PLC0415
        from ..models.tool_choice_function import ToolChoiceFunction  # noqa: PLC0415
        from ..models.tool_choice_mcp import ToolChoiceMcp  # noqa: PLC0415
        from ..models.tool_choice_shell import ToolChoiceShell  # noqa: PLC0415
        from ..models.tool_choice_types import ToolChoiceTypes  # noqa: PLC0415
        from ..models.web_extractor_tool import WebExtractorTool  # noqa: PLC0415
        from ..models.web_search_tool import WebSearchTool  # noqa: PLC0415

        d = dict(src_dict)
        model = d.pop("model")

        def _parse_input_(
            data: object,
        ) -> (
            list[
                EasyInputMessage
                | FunctionCallOutput
                | ItemReference
                | Message
                | ResponseFunctionToolCall
                | ResponseOutputMessage
                | ResponseReasoningItem
            ]
            | str
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_response_input_type_1 = []
                _componentsschemas_response_input_type_1 = data
                for (
                    componentsschemas_response_input_type_1_item_data
                ) in _componentsschemas_response_input_type_1:

                    def _parse_componentsschemas_response_input_type_1_item(
                        data: object,
                    ) -> (
                        EasyInputMessage
                        | FunctionCallOutput
                        | ItemReference
                        | Message
                        | ResponseFunctionToolCall
                        | ResponseOutputMessage
                        | ResponseReasoningItem
                    ):
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_input_item_type_0 = (
                                ResponseFunctionToolCall.from_dict(data)
                            )

                            return componentsschemas_input_item_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_input_item_type_1 = (
                                FunctionCallOutput.from_dict(data)
                            )

                            return componentsschemas_input_item_type_1
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_input_item_type_2 = (
                                ResponseReasoningItem.from_dict(data)
                            )

                            return componentsschemas_input_item_type_2
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_input_item_type_3 = (
                                ResponseOutputMessage.from_dict(data)
                            )

                            return componentsschemas_input_item_type_3
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_input_item_type_4 = (
                                EasyInputMessage.from_dict(data)
                            )

                            return componentsschemas_input_item_type_4
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            componentsschemas_input_item_type_5 = Message.from_dict(
                                data
                            )

                            return componentsschemas_input_item_type_5
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_input_item_type_6 = ItemReference.from_dict(
                            data
                        )

                        return componentsschemas_input_item_type_6

                    componentsschemas_response_input_type_1_item = (
                        _parse_componentsschemas_response_input_type_1_item(
                            componentsschemas_response_input_type_1_item_data
                        )
                    )

                    componentsschemas_response_input_type_1.append(
                        componentsschemas_response_input_type_1_item
                    )

                return componentsschemas_response_input_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[
                    EasyInputMessage
                    | FunctionCallOutput
                    | ItemReference
                    | Message
                    | ResponseFunctionToolCall
                    | ResponseOutputMessage
                    | ResponseReasoningItem
                ]
                | str
                | Unset,
                data,
            )

        input_ = _parse_input_(d.pop("input", UNSET))

        def _parse_instructions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instructions = _parse_instructions(d.pop("instructions", UNSET))

        def _parse_previous_response_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_response_id = _parse_previous_response_id(
            d.pop("previous_response_id", UNSET)
        )

        def _parse_conversation(
            data: object,
        ) -> None | ResponseConversationParam | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                conversation_type_1 = ResponseConversationParam.from_dict(data)

                return conversation_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResponseConversationParam | str | Unset, data)

        conversation = _parse_conversation(d.pop("conversation", UNSET))

        def _parse_include(data: object) -> list[ResponseIncludable] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                include_type_0 = []
                _include_type_0 = data
                for include_type_0_item_data in _include_type_0:
                    include_type_0_item = ResponseIncludable(include_type_0_item_data)

                    include_type_0.append(include_type_0_item)

                return include_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ResponseIncludable] | None | Unset, data)

        include = _parse_include(d.pop("include", UNSET))

        _tools = d.pop("tools", UNSET)
        tools: (
            list[
                CodeInterpreterTool
                | FileSearchTool
                | FunctionTool
                | McpTool
                | WebExtractorTool
                | WebSearchTool
            ]
            | Unset
        ) = UNSET
        if _tools is not UNSET:
            tools = []
            for tools_item_data in _tools:

                def _parse_tools_item(
                    data: object,
                ) -> (
                    CodeInterpreterTool
                    | FileSearchTool
                    | FunctionTool
                    | McpTool
                    | WebExtractorTool
                    | WebSearchTool
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_tool_type_0 = FunctionTool.from_dict(data)

                        return componentsschemas_tool_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_tool_type_1 = WebSearchTool.from_dict(data)

                        return componentsschemas_tool_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_tool_type_2 = FileSearchTool.from_dict(data)

                        return componentsschemas_tool_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_tool_type_3 = McpTool.from_dict(data)

                        return componentsschemas_tool_type_3
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_tool_type_4 = CodeInterpreterTool.from_dict(
                            data
                        )

                        return componentsschemas_tool_type_4
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_tool_type_5 = WebExtractorTool.from_dict(data)

                    return componentsschemas_tool_type_5

                tools_item = _parse_tools_item(tools_item_data)

                tools.append(tools_item)

        def _parse_tool_choice(
            data: object,
        ) -> (
            ToolChoiceAllowed
            | ToolChoiceApplyPatch
            | ToolChoiceCustom
            | ToolChoiceFunction
            | ToolChoiceMcp
            | ToolChoiceOptions
            | ToolChoiceShell
            | ToolChoiceTypes
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_tool_choice_type_0 = ToolChoiceOptions(data)

                return componentsschemas_tool_choice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_tool_choice_type_1 = ToolChoiceAllowed.from_dict(data)

                return componentsschemas_tool_choice_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_tool_choice_type_2 = ToolChoiceTypes.from_dict(data)

                return componentsschemas_tool_choice_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_tool_choice_type_3 = ToolChoiceFunction.from_dict(
                    data
                )

                return componentsschemas_tool_choice_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_tool_choice_type_4 = ToolChoiceMcp.from_dict(data)

                return componentsschemas_tool_choice_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_tool_choice_type_5 = ToolChoiceCustom.from_dict(data)

                return componentsschemas_tool_choice_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_tool_choice_type_6 = ToolChoiceApplyPatch.from_dict(
                    data
                )

                return componentsschemas_tool_choice_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_tool_choice_type_7 = ToolChoiceShell.from_dict(data)

            return componentsschemas_tool_choice_type_7

        tool_choice = _parse_tool_choice(d.pop("tool_choice", UNSET))

        _text = d.pop("text", UNSET)
        text: ResponseTextConfig | Unset
        if isinstance(_text, Unset):
            text = UNSET
        else:
            text = ResponseTextConfig.from_dict(_text)

        def _parse_reasoning(data: object) -> None | Reasoning | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reasoning_type_0 = Reasoning.from_dict(data)

                return reasoning_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Reasoning | Unset, data)

        reasoning = _parse_reasoning(d.pop("reasoning", UNSET))

        def _parse_temperature(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        temperature = _parse_temperature(d.pop("temperature", UNSET))

        def _parse_top_p(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        top_p = _parse_top_p(d.pop("top_p", UNSET))

        def _parse_max_output_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_output_tokens = _parse_max_output_tokens(d.pop("max_output_tokens", UNSET))

        def _parse_max_tool_calls(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_tool_calls = _parse_max_tool_calls(d.pop("max_tool_calls", UNSET))

        def _parse_parallel_tool_calls(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        parallel_tool_calls = _parse_parallel_tool_calls(
            d.pop("parallel_tool_calls", UNSET)
        )

        def _parse_store(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        store = _parse_store(d.pop("store", UNSET))

        def _parse_stream(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        stream = _parse_stream(d.pop("stream", UNSET))

        def _parse_metadata(data: object) -> Metadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = Metadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Metadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_truncation(
            data: object,
        ) -> CreateResponseRequestTruncationType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                truncation_type_0 = CreateResponseRequestTruncationType0(data)

                return truncation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateResponseRequestTruncationType0 | None | Unset, data)

        truncation = _parse_truncation(d.pop("truncation", UNSET))

        user = d.pop("user", UNSET)

        safety_identifier = d.pop("safety_identifier", UNSET)

        prompt_cache_key = d.pop("prompt_cache_key", UNSET)

        def _parse_service_tier(
            data: object,
        ) -> CreateResponseRequestServiceTierType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_tier_type_0 = CreateResponseRequestServiceTierType0(data)

                return service_tier_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreateResponseRequestServiceTierType0 | None | Unset, data)

        service_tier = _parse_service_tier(d.pop("service_tier", UNSET))

        def _parse_background(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        background = _parse_background(d.pop("background", UNSET))

        def _parse_top_logprobs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        top_logprobs = _parse_top_logprobs(d.pop("top_logprobs", UNSET))

        def _parse_max_tokens(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_tokens = _parse_max_tokens(d.pop("max_tokens", UNSET))

        def _parse_enable_thinking(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        enable_thinking = _parse_enable_thinking(d.pop("enable_thinking", UNSET))

        create_response_request = cls(
            model=model,
            input_=input_,
            instructions=instructions,
            previous_response_id=previous_response_id,
            conversation=conversation,
            include=include,
            tools=tools,
            tool_choice=tool_choice,
            text=text,
            reasoning=reasoning,
            temperature=temperature,
            top_p=top_p,
            max_output_tokens=max_output_tokens,
            max_tool_calls=max_tool_calls,
            parallel_tool_calls=parallel_tool_calls,
            store=store,
            stream=stream,
            metadata=metadata,
            truncation=truncation,
            user=user,
            safety_identifier=safety_identifier,
            prompt_cache_key=prompt_cache_key,
            service_tier=service_tier,
            background=background,
            top_logprobs=top_logprobs,
            max_tokens=max_tokens,
            enable_thinking=enable_thinking,
        )

        create_response_request.additional_properties = d
        return create_response_request

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
