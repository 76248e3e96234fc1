from enum import StrEnum


class ItemReferenceTypeType0(StrEnum):
    ITEM_REFERENCE = "item_reference"

    def __str__(self) -> str:
        return str(self.value)
