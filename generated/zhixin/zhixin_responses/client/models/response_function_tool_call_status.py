from enum import StrEnum


class ResponseFunctionToolCallStatus(StrEnum):
    COMPLETED = "completed"
    INCOMPLETE = "incomplete"
    IN_PROGRESS = "in_progress"

    def __str__(self) -> str:
        return str(self.value)
