from enum import StrEnum


class ResponseFileSearchToolCallStatus(StrEnum):
    COMPLETED = "completed"
    FAILED = "failed"
    INCOMPLETE = "incomplete"
    IN_PROGRESS = "in_progress"
    SEARCHING = "searching"

    def __str__(self) -> str:
        return str(self.value)
