from enum import StrEnum


class ResponseStatusType2Type1(StrEnum):
    COMPLETED = "completed"
    FAILED = "failed"

    def __str__(self) -> str:
        return str(self.value)
