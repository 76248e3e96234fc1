"""Stage "JSON Schema": one Draft 2020-12 document per payload kind.

The kinds come from the operation itself: the JSON request body (`request`), the JSON 200
answer (`response`), the event-stream 200 answer (`event`) and the JSON `default` answer
(`error`). Each document holds just the components its root reaches, under `$defs`.
"""

from __future__ import annotations

import copy

from ..common.document import COMPONENT_PREFIX, component_name, kind_components
from ..common.walk import subschemas

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DEFS_PREFIX = "#/$defs/"


def _refs(schema: object) -> list[str]:
    """The components that `$ref`s in schema positions of `schema` name (not inside examples)."""
    return [name for _, node in subschemas(schema) if isinstance(node, dict) and (name := component_name(node.get("$ref")))]


def _reachable(schemas: dict[str, dict], start: str) -> list[str]:
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_refs(schemas[name]))
    return sorted(seen)


def kind_schema(schemas: dict[str, dict], root: str) -> dict:
    """A standalone JSON Schema whose root is component `root`, its components under `$defs`."""
    document = copy.deepcopy({"$schema": DRAFT, "$ref": COMPONENT_PREFIX + root, "$defs": {name: schemas[name] for name in _reachable(schemas, root)}})
    for _, node in subschemas(document):
        if isinstance(node, dict) and (name := component_name(node.get("$ref"))):
            node["$ref"] = DEFS_PREFIX + name
    return document


def json_schemas(document: dict) -> dict[str, dict]:
    """The four kind documents of one vendor bundle."""
    schemas = document["components"]["schemas"]
    return {kind: kind_schema(schemas, root) for kind, root in kind_components(document).items()}


OPEN_KEYWORDS = ("additionalProperties", "patternProperties", "unevaluatedProperties")


def strict_schema(kind_document: dict) -> dict:
    """The kind document with every object that lists its `properties` closed to others.

    `unevaluatedProperties: false` (not `additionalProperties`) so that it stays right if a
    schema is ever composed with `allOf`; objects that say how to treat other keys are kept.
    """
    closed = copy.deepcopy(kind_document)
    for _, node in subschemas(closed):
        if isinstance(node, dict) and "properties" in node and not any(k in node for k in OPEN_KEYWORDS):
            node["unevaluatedProperties"] = False
    return closed
