from enum import StrEnum


class McpToolRequireApprovalType0(StrEnum):
    ALWAYS = "always"
    NEVER = "never"

    def __str__(self) -> str:
        return str(self.value)
