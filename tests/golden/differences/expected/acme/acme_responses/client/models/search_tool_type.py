from enum import StrEnum


class SearchToolType(StrEnum):
    SEARCH = "search"
    SEARCH_PREVIEW = "search_preview"

    def __str__(self) -> str:
        return str(self.value)
