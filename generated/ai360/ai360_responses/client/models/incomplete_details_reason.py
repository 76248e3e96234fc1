from enum import StrEnum


class IncompleteDetailsReason(StrEnum):
    CONTENT_FILTER = "content_filter"
    MAX_OUTPUT_TOKENS = "max_output_tokens"

    def __str__(self) -> str:
        return str(self.value)
