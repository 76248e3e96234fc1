"""Stage 4, JSON Schema: one Draft 2020-12 document per payload kind.

The kinds come from the operation itself: the JSON request body (`request`), the JSON 200
answer (`response`), the event-stream 200 answer (`event`) and the JSON `default` answer
(`error`). Each document holds just the components its root reaches, under `$defs`.
"""

from __future__ import annotations

import copy
import json

from .bundle import COMPONENT_PREFIX
from .load import SpecError
from .walk import subschemas

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DEFS_PREFIX = "#/$defs/"

KIND_LOCATIONS = {
    "request": ("requestBody", "application/json"),
    "response": ("200", "application/json"),
    "error": ("default", "application/json"),
    "event": ("200", "text/event-stream"),
}


def the_operation(document: dict) -> dict:
    """The one `POST /v1/responses` operation of a vendor bundle."""
    try:
        return document["paths"]["/v1/responses"]["post"]
    except KeyError:
        raise SpecError("openapi.json", "/paths/~1v1~1responses/post", "the POST /v1/responses operation is missing") from None


def kind_roots(document: dict) -> dict[str, str]:
    """Map each payload kind to the component name the operation uses for it."""
    operation = the_operation(document)
    roots = {}
    for kind, (where, media_type) in KIND_LOCATIONS.items():
        holder = operation["requestBody"] if where == "requestBody" else operation["responses"].get(where, {})
        ref = ((holder.get("content") or {}).get(media_type) or {}).get("schema", {}).get("$ref", "")
        if not ref.startswith(COMPONENT_PREFIX):
            raise SpecError("openapi.json", f"/paths/~1v1~1responses/post ({kind})", f"{media_type} must $ref a component")
        roots[kind] = ref.removeprefix(COMPONENT_PREFIX)
    return roots


def _reachable(schemas: dict[str, dict], start: str) -> list[str]:
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        text = json.dumps(schemas[name])
        todo.extend(part.split('"', 1)[0] for part in text.split('"' + COMPONENT_PREFIX)[1:])
    return sorted(seen)


def kind_schema(schemas: dict[str, dict], root: str) -> dict:
    """A standalone JSON Schema whose root is component `root`."""
    defs = {name: schemas[name] for name in _reachable(schemas, root)}
    text = json.dumps({"$schema": DRAFT, "$ref": COMPONENT_PREFIX + root, "$defs": defs}, ensure_ascii=False)
    return json.loads(text.replace('"' + COMPONENT_PREFIX, '"' + DEFS_PREFIX))


def json_schemas(document: dict) -> dict[str, dict]:
    """The four kind documents of one vendor bundle."""
    schemas = document["components"]["schemas"]
    return {kind: kind_schema(schemas, root) for kind, root in kind_roots(document).items()}


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
