from enum import StrEnum


class ResponseObjectTruncationType1(StrEnum):
    AUTO = "auto"
    DISABLED = "disabled"

    def __str__(self) -> str:
        return str(self.value)
