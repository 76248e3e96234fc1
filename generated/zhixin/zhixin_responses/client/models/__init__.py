"""Contains all the data models used in inputs/outputs"""

from .code_interpreter_container_auto import CodeInterpreterContainerAuto
from .code_interpreter_tool import CodeInterpreterTool
from .container_file_citation import ContainerFileCitation
from .create_response_request import CreateResponseRequest
from .create_response_request_service_tier_type_0 import (
    CreateResponseRequestServiceTierType0,
)
from .create_response_request_truncation_type_0 import (
    CreateResponseRequestTruncationType0,
)
from .dash_scope_error_response import DashScopeErrorResponse
from .easy_input_message import EasyInputMessage
from .easy_input_message_role import EasyInputMessageRole
from .error_object import ErrorObject
from .error_response import ErrorResponse
from .file_citation import FileCitation
from .file_path import FilePath
from .file_search_result import FileSearchResult
from .file_search_result_attributes_type_0 import FileSearchResultAttributesType0
from .file_search_tool import FileSearchTool
from .file_search_tool_filters_type_0 import FileSearchToolFiltersType0
from .file_search_tool_ranking_options import FileSearchToolRankingOptions
from .function_call_output import FunctionCallOutput
from .function_call_output_status_type_0 import FunctionCallOutputStatusType0
from .function_tool import FunctionTool
from .function_tool_parameters_type_0 import FunctionToolParametersType0
from .incomplete_details import IncompleteDetails
from .incomplete_details_reason import IncompleteDetailsReason
from .input_tokens_details import InputTokensDetails
from .item_reference import ItemReference
from .item_reference_type_type_0 import ItemReferenceTypeType0
from .logprob import Logprob
from .mcp_tool import McpTool
from .mcp_tool_headers import McpToolHeaders
from .mcp_tool_require_approval_type_0 import McpToolRequireApprovalType0
from .message import Message
from .message_role import MessageRole
from .message_status import MessageStatus
from .metadata import Metadata
from .output_tokens_details import OutputTokensDetails
from .reasoning import Reasoning
from .reasoning_effort_type_0 import ReasoningEffortType0
from .reasoning_summary_text import ReasoningSummaryText
from .reasoning_summary_type_0 import ReasoningSummaryType0
from .reasoning_text import ReasoningText
from .response_completed_event import ResponseCompletedEvent
from .response_content_part_added_event import ResponseContentPartAddedEvent
from .response_content_part_done_event import ResponseContentPartDoneEvent
from .response_conversation_param import ResponseConversationParam
from .response_created_event import ResponseCreatedEvent
from .response_error import ResponseError
from .response_error_event import ResponseErrorEvent
from .response_failed_event import ResponseFailedEvent
from .response_file_search_tool_call import ResponseFileSearchToolCall
from .response_file_search_tool_call_status import ResponseFileSearchToolCallStatus
from .response_function_call_arguments_delta_event import (
    ResponseFunctionCallArgumentsDeltaEvent,
)
from .response_function_call_arguments_done_event import (
    ResponseFunctionCallArgumentsDoneEvent,
)
from .response_function_tool_call import ResponseFunctionToolCall
from .response_function_tool_call_status import ResponseFunctionToolCallStatus
from .response_function_web_search import ResponseFunctionWebSearch
from .response_function_web_search_status import ResponseFunctionWebSearchStatus
from .response_in_progress_event import ResponseInProgressEvent
from .response_includable import ResponseIncludable
from .response_incomplete_event import ResponseIncompleteEvent
from .response_input_file import ResponseInputFile
from .response_input_image import ResponseInputImage
from .response_input_image_detail import ResponseInputImageDetail
from .response_input_text import ResponseInputText
from .response_object import ResponseObject
from .response_object_service_tier_type_0 import ResponseObjectServiceTierType0
from .response_object_truncation_type_0 import ResponseObjectTruncationType0
from .response_output_item_added_event import ResponseOutputItemAddedEvent
from .response_output_item_done_event import ResponseOutputItemDoneEvent
from .response_output_message import ResponseOutputMessage
from .response_output_message_status import ResponseOutputMessageStatus
from .response_output_refusal import ResponseOutputRefusal
from .response_output_text import ResponseOutputText
from .response_queued_event import ResponseQueuedEvent
from .response_reasoning_item import ResponseReasoningItem
from .response_reasoning_item_status_type_0 import ResponseReasoningItemStatusType0
from .response_reasoning_summary_text_delta_event import (
    ResponseReasoningSummaryTextDeltaEvent,
)
from .response_reasoning_summary_text_done_event import (
    ResponseReasoningSummaryTextDoneEvent,
)
from .response_refusal_delta_event import ResponseRefusalDeltaEvent
from .response_refusal_done_event import ResponseRefusalDoneEvent
from .response_status import ResponseStatus
from .response_text_config import ResponseTextConfig
from .response_text_config_verbosity_type_0 import ResponseTextConfigVerbosityType0
from .response_text_delta_event import ResponseTextDeltaEvent
from .response_text_done_event import ResponseTextDoneEvent
from .response_usage import ResponseUsage
from .response_usage_x_tools import ResponseUsageXTools
from .text_format_json_object import TextFormatJsonObject
from .text_format_json_schema import TextFormatJsonSchema
from .text_format_json_schema_schema import TextFormatJsonSchemaSchema
from .text_format_text import TextFormatText
from .tool_choice_allowed import ToolChoiceAllowed
from .tool_choice_allowed_mode import ToolChoiceAllowedMode
from .tool_choice_allowed_tools_item import ToolChoiceAllowedToolsItem
from .tool_choice_apply_patch import ToolChoiceApplyPatch
from .tool_choice_custom import ToolChoiceCustom
from .tool_choice_function import ToolChoiceFunction
from .tool_choice_mcp import ToolChoiceMcp
from .tool_choice_options import ToolChoiceOptions
from .tool_choice_shell import ToolChoiceShell
from .tool_choice_types import ToolChoiceTypes
from .tool_choice_types_type import ToolChoiceTypesType
from .top_logprob import TopLogprob
from .url_citation import URLCitation
from .usage_x_detail import UsageXDetail
from .web_extractor_tool import WebExtractorTool
from .web_search_action_find import WebSearchActionFind
from .web_search_action_open_page import WebSearchActionOpenPage
from .web_search_action_search import WebSearchActionSearch
from .web_search_filters import WebSearchFilters
from .web_search_source import WebSearchSource
from .web_search_tool import WebSearchTool
from .web_search_tool_search_context_size import WebSearchToolSearchContextSize
from .web_search_tool_type import WebSearchToolType
from .web_search_user_location import WebSearchUserLocation
from .x_tool_usage import XToolUsage

__all__ = (
    "CodeInterpreterContainerAuto",
    "CodeInterpreterTool",
    "ContainerFileCitation",
    "CreateResponseRequest",
    "CreateResponseRequestServiceTierType0",
    "CreateResponseRequestTruncationType0",
    "DashScopeErrorResponse",
    "EasyInputMessage",
    "EasyInputMessageRole",
    "ErrorObject",
    "ErrorResponse",
    "FileCitation",
    "FilePath",
    "FileSearchResult",
    "FileSearchResultAttributesType0",
    "FileSearchTool",
    "FileSearchToolFiltersType0",
    "FileSearchToolRankingOptions",
    "FunctionCallOutput",
    "FunctionCallOutputStatusType0",
    "FunctionTool",
    "FunctionToolParametersType0",
    "IncompleteDetails",
    "IncompleteDetailsReason",
    "InputTokensDetails",
    "ItemReference",
    "ItemReferenceTypeType0",
    "Logprob",
    "McpTool",
    "McpToolHeaders",
    "McpToolRequireApprovalType0",
    "Message",
    "MessageRole",
    "MessageStatus",
    "Metadata",
    "OutputTokensDetails",
    "Reasoning",
    "ReasoningEffortType0",
    "ReasoningSummaryText",
    "ReasoningSummaryType0",
    "ReasoningText",
    "ResponseCompletedEvent",
    "ResponseContentPartAddedEvent",
    "ResponseContentPartDoneEvent",
    "ResponseConversationParam",
    "ResponseCreatedEvent",
    "ResponseError",
    "ResponseErrorEvent",
    "ResponseFailedEvent",
    "ResponseFileSearchToolCall",
    "ResponseFileSearchToolCallStatus",
    "ResponseFunctionCallArgumentsDeltaEvent",
    "ResponseFunctionCallArgumentsDoneEvent",
    "ResponseFunctionToolCall",
    "ResponseFunctionToolCallStatus",
    "ResponseFunctionWebSearch",
    "ResponseFunctionWebSearchStatus",
    "ResponseIncludable",
    "ResponseIncompleteEvent",
    "ResponseInProgressEvent",
    "ResponseInputFile",
    "ResponseInputImage",
    "ResponseInputImageDetail",
    "ResponseInputText",
    "ResponseObject",
    "ResponseObjectServiceTierType0",
    "ResponseObjectTruncationType0",
    "ResponseOutputItemAddedEvent",
    "ResponseOutputItemDoneEvent",
    "ResponseOutputMessage",
    "ResponseOutputMessageStatus",
    "ResponseOutputRefusal",
    "ResponseOutputText",
    "ResponseQueuedEvent",
    "ResponseReasoningItem",
    "ResponseReasoningItemStatusType0",
    "ResponseReasoningSummaryTextDeltaEvent",
    "ResponseReasoningSummaryTextDoneEvent",
    "ResponseRefusalDeltaEvent",
    "ResponseRefusalDoneEvent",
    "ResponseStatus",
    "ResponseTextConfig",
    "ResponseTextConfigVerbosityType0",
    "ResponseTextDeltaEvent",
    "ResponseTextDoneEvent",
    "ResponseUsage",
    "ResponseUsageXTools",
    "TextFormatJsonObject",
    "TextFormatJsonSchema",
    "TextFormatJsonSchemaSchema",
    "TextFormatText",
    "ToolChoiceAllowed",
    "ToolChoiceAllowedMode",
    "ToolChoiceAllowedToolsItem",
    "ToolChoiceApplyPatch",
    "ToolChoiceCustom",
    "ToolChoiceFunction",
    "ToolChoiceMcp",
    "ToolChoiceOptions",
    "ToolChoiceShell",
    "ToolChoiceTypes",
    "ToolChoiceTypesType",
    "TopLogprob",
    "URLCitation",
    "UsageXDetail",
    "WebExtractorTool",
    "WebSearchActionFind",
    "WebSearchActionOpenPage",
    "WebSearchActionSearch",
    "WebSearchFilters",
    "WebSearchSource",
    "WebSearchTool",
    "WebSearchToolSearchContextSize",
    "WebSearchToolType",
    "WebSearchUserLocation",
    "XToolUsage",
)
