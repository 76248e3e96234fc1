"""Visit every subschema of a JSON Schema, with its JSON pointer."""

from __future__ import annotations

from collections.abc import Iterator

from . import pointer

SCHEMA_MAP_KEYWORDS = ("properties", "patternProperties", "$defs", "dependentSchemas")
SCHEMA_LIST_KEYWORDS = ("allOf", "anyOf", "oneOf", "prefixItems")
SCHEMA_KEYWORDS = (
    "items", "additionalProperties", "unevaluatedProperties", "unevaluatedItems",
    "contains", "propertyNames", "not", "if", "then", "else",
)


def children(schema: object, where: str) -> Iterator[tuple[str, object]]:
    """The direct subschemas of `schema` (which may be booleans), with their pointers."""
    if not isinstance(schema, dict):
        return
    for key in SCHEMA_MAP_KEYWORDS:
        for name, sub in (schema.get(key) or {}).items():
            yield pointer.join(where, key, name), sub
    for key in SCHEMA_LIST_KEYWORDS:
        for index, sub in enumerate(schema.get(key) or []):
            yield pointer.join(where, key, index), sub
    for key in SCHEMA_KEYWORDS:
        if key in schema:
            yield pointer.join(where, key), schema[key]


def subschemas(schema: object, where: str = "") -> Iterator[tuple[str, object]]:
    """`schema` itself and every subschema below it, depth first."""
    yield where, schema
    for child_where, child in children(schema, where):
        yield from subschemas(child, child_where)
