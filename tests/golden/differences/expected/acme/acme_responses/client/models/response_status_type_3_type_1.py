from enum import StrEnum


class ResponseStatusType3Type1(StrEnum):
    COMPLETED = "completed"
    FAILED = "failed"

    def __str__(self) -> str:
        return str(self.value)
