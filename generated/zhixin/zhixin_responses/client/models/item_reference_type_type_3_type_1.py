from enum import StrEnum


class ItemReferenceTypeType3Type1(StrEnum):
    ITEM_REFERENCE = "item_reference"

    def __str__(self) -> str:
        return str(self.value)
