"""The documented examples embedded in a vendor bundle, and their check."""

from __future__ import annotations

from dataclasses import dataclass

from .jsonschemas import KIND_LOCATIONS, the_operation


@dataclass(frozen=True)
class Example:
    vendor_id: str
    kind: str
    name: str
    value: object


def documented_examples(vendor_id: str, document: dict) -> list[Example]:
    """Every `examples` entry of the operation, with the payload kind it belongs to."""
    operation = the_operation(document)
    found = []
    for kind, (where, media_type) in KIND_LOCATIONS.items():
        holder = operation["requestBody"] if where == "requestBody" else operation["responses"].get(where, {})
        media = (holder.get("content") or {}).get(media_type) or {}
        for name, example in sorted((media.get("examples") or {}).items()):
            found.append(Example(vendor_id, kind, name, example["value"]))
    return found
