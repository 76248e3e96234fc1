"""Stage "lint": reject the spec patterns that break the downstream tools.

Each rule exists because a tool misbehaves on the pattern (see shared/DESIGN.md):
openapi-python-client names classes after `title`, rejects boolean subschemas, fails on
inline objects inside unions, ignores `discriminator` (so `oneOf` variants must fail fast
on a required single-value `type`) and sends a form body when a request lists two content
types; datamodel-code-generator turns `allOf: [{$ref}, {...}]` into an empty model.
"""

from __future__ import annotations

from dataclasses import dataclass

from openapi_spec_validator import validate as validate_openapi
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from ..common import pointer
from ..common.document import COMPONENT_PREFIX
from ..common.walk import children, subschemas
from .bundle import Bundle


@dataclass(frozen=True)
class LintError:
    file: str
    pointer: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}#{self.pointer}: [{self.rule}] {self.message}"


def type_values(schema: dict) -> set | None:
    """The values a variant's required `type` property may take, or None."""
    if "type" not in (schema.get("required") or []):
        return None
    prop = (schema.get("properties") or {}).get("type")
    if not isinstance(prop, dict):
        return None
    if "const" in prop:
        return {prop["const"]}
    if isinstance(prop.get("enum"), list) and None not in prop["enum"]:
        return set(prop["enum"])
    return None


def _is_object(schema: dict) -> bool:
    return schema.get("type") == "object" or "properties" in schema


def _schema_rules(schemas: dict[str, dict], name: str, schema: dict):
    """Yield (pointer, rule, message) for one component."""
    for where, node in subschemas(schema):
        for child_where, child in children(node, where):
            if isinstance(child, bool) and not child_where.endswith("/additionalProperties"):
                yield child_where, "no-boolean-schema", "boolean subschemas break openapi-python-client"
        if not isinstance(node, dict):
            continue
        if "title" in node:
            yield where, "no-title", "`title` becomes a class name downstream; use `description`"
        if any(isinstance(part, dict) and "$ref" in part for part in node.get("allOf") or []):
            yield where, "no-allof-ref", "an allOf around a $ref becomes an empty model; put siblings beside the $ref"
        for keyword in ("oneOf", "anyOf"):
            for index, variant in enumerate(node.get(keyword) or []):
                if isinstance(variant, dict) and "$ref" not in variant and _is_object(variant):
                    yield pointer.join(where, keyword, index), "no-inline-union-object", "name union members as components"
        if node.get("oneOf"):
            yield from _one_of_rules(schemas, where, node["oneOf"])


def _one_of_rules(schemas: dict[str, dict], where: str, variants: list):
    seen: dict = {}
    for index, variant in enumerate(variants):
        ref = variant.get("$ref", "") if isinstance(variant, dict) else ""
        target = schemas.get(ref.removeprefix(COMPONENT_PREFIX), variant) if ref else variant
        if not isinstance(target, dict) or not _is_object(target):
            continue
        values = type_values(target)
        at = pointer.join(where, "oneOf", index)
        if values is None:
            yield at, "typed-one-of", "a oneOf object variant needs a required `type` with const/enum values (use anyOf for untyped shapes)"
            continue
        for value in sorted(values & seen.keys()):
            yield at, "typed-one-of", f"`type` value {value!r} is also taken by variant {seen[value]}"
        seen.update({value: index for value in values})


def _operation_rules(document: dict):
    for path, item in (document.get("paths") or {}).items():
        for method, operation in item.items():
            body = (operation.get("requestBody") or {}).get("content") or {}
            if body and list(body) != ["application/json"]:
                where = pointer.join("/paths", path, method, "requestBody", "content")
                yield where, "json-request-only", "list only application/json as the request content type"


def lint(bundled: Bundle) -> list[LintError]:
    """All rule violations of one vendor's bundle, each named by its source file."""
    errors = []
    document = bundled.document
    schemas = document["components"]["schemas"]
    for name, schema in schemas.items():
        file = bundled.origin[name]
        local = name if file == bundled.root_file else None
        for where, rule, message in _schema_rules(schemas, name, schema):
            prefix = pointer.join("/components/schemas", local) if local else ""
            errors.append(LintError(file, prefix + where, rule, message))
        if not schema.get("description"):
            errors.append(LintError(file, "", "described", "every component needs a description"))
    for where, rule, message in _operation_rules(document):
        errors.append(LintError(bundled.root_file, where, rule, message))
    for index, difference in enumerate(document.get("x-differences") or []):
        if not str(difference.get("source", "")).strip():
            errors.append(LintError(bundled.root_file, pointer.join("/x-differences", index), "cited", "a difference needs its source"))
    try:
        validate_openapi(document)
    except OpenAPIValidationError as exc:
        where = pointer.from_path(exc.absolute_path) if hasattr(exc, "absolute_path") else ""
        errors.append(LintError(bundled.root_file, where, "openapi-3.1", exc.message))
    return errors
