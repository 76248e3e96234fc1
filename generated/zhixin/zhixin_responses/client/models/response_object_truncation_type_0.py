from enum import StrEnum


class ResponseObjectTruncationType0(StrEnum):
    AUTO = "auto"
    DISABLED = "disabled"

    def __str__(self) -> str:
        return str(self.value)
