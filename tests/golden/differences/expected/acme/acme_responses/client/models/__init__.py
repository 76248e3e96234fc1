"""Contains all the data models used in inputs/outputs"""

from .created_event import CreatedEvent
from .delta_event import DeltaEvent
from .error import Error
from .function_tool import FunctionTool
from .reasoning import Reasoning
from .reasoning_effort_type_0 import ReasoningEffortType0
from .request import Request
from .response import Response
from .response_status_type_1 import ResponseStatusType1
from .response_status_type_2_type_1 import ResponseStatusType2Type1
from .response_status_type_3_type_1 import ResponseStatusType3Type1
from .search_tool import SearchTool
from .search_tool_type import SearchToolType
from .usage import Usage

__all__ = (
    "CreatedEvent",
    "DeltaEvent",
    "Error",
    "FunctionTool",
    "Reasoning",
    "ReasoningEffortType0",
    "Request",
    "Response",
    "ResponseStatusType1",
    "ResponseStatusType2Type1",
    "ResponseStatusType3Type1",
    "SearchTool",
    "SearchToolType",
    "Usage",
)
