from enum import StrEnum


class ResponseFunctionWebSearchStatus(StrEnum):
    COMPLETED = "completed"
    FAILED = "failed"
    IN_PROGRESS = "in_progress"
    SEARCHING = "searching"

    def __str__(self) -> str:
        return str(self.value)
