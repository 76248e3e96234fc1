"""Schema errors from either engine (jsonschema-rs, or the pure-Python reference) as one neutral fault type."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

UNION_KEYWORDS = ("oneOf", "anyOf")
UNKNOWN_KEYWORDS = ("unevaluatedProperties", "additionalProperties")


@dataclass
class Fault:
    """One raw schema error, as both engines describe it, before it becomes an Issue."""

    path: tuple
    keyword: str
    instance: object
    # The keyword's schema value: types, const, enum options, a property name, ...
    value: object = None
    # Union keywords: the errors of each variant, a name and the declared properties per variant.
    variants: list[list[Fault]] | None = None
    labels: list[str] = field(default_factory=list)
    declared: list[set] = field(default_factory=list)
    # oneOf: more than one variant matched.
    several: bool = False
    # The union variant this error belongs to, when several were equally close.
    via: str = ""


def _label(subschema: object, index: int) -> str:
    if isinstance(subschema, dict):
        if "$ref" in subschema:
            return subschema["$ref"].rsplit("/", 1)[-1]
        if "const" in subschema:
            return json.dumps(subschema["const"], ensure_ascii=False)
        if isinstance(subschema.get("type"), str):
            return subschema["type"]
    return f"variant {index}"


def _at(document: dict, path) -> object:
    node = document
    for token in path:
        node = node[token]
    return node


def variant_schema(document: dict, subschema: object) -> object:
    """The schema a union variant stands for (following a local `$ref`)."""
    if isinstance(subschema, dict) and subschema.get("$ref", "").startswith("#/"):
        return _at(document, subschema["$ref"][2:].split("/"))
    return subschema


def _declared(document: dict, subschema: object) -> set:
    """The property names a union variant declares."""
    subschema = variant_schema(document, subschema)
    return set(subschema.get("properties", ())) if isinstance(subschema, dict) else set()


def _union(path, name, instance, options, document, variants=None, several=False) -> Fault:
    labels = [_label(option, i) for i, option in enumerate(options)]
    declared = [_declared(document, option) for option in options]
    return Fault(path, name, instance, variants=variants, labels=labels, declared=declared, several=several)


def fast_faults(error, document: dict) -> list[Fault]:
    """jsonschema-rs errors → faults."""
    kind, path, instance = error.kind, tuple(error.instance_path), error.instance
    name = kind.name
    if name in UNION_KEYWORDS:
        options = _at(document, error.schema_path)
        if type(kind).__name__ == "OneOfMultipleValid":
            return [_union(path, name, instance, options, document, several=True)]
        variants = [[f for e in errors for f in fast_faults(e, document)] for errors in kind.context]
        return [_union(path, name, instance, options, document, variants)]
    details = kind.as_dict()
    if name == "required":
        return [Fault(path, name, instance, details["property"])]
    if name in UNKNOWN_KEYWORDS:
        return [Fault(path, name, instance, key) for key in details.get("unexpected", ())]
    return [Fault(path, name, instance, _at(document, error.schema_path))]


def shifted(fault: Fault, base: tuple) -> Fault:
    """The fault with `base` put in front of its path (and of its variants' faults)."""
    variants = fault.variants and [[shifted(f, base) for f in variant] for variant in fault.variants]
    return replace(fault, path=base + fault.path, variants=variants)


def reference_faults(error, document: dict) -> list[Fault]:
    """Pure-Python jsonschema errors → faults (the tests' reference oracle).

    An error that carries `faults` (jsonschema-rs's findings in a subtree, see _engines) gives
    those, moved to where the subtree is.
    """
    carried = getattr(error, "faults", None)
    if carried is not None:
        return [shifted(fault, tuple(error.absolute_path)) for fault in carried]
    name, path, instance, value = error.validator, tuple(error.absolute_path), error.instance, error.validator_value
    if name in UNION_KEYWORDS:
        if name == "oneOf" and not error.context:
            return [_union(path, name, instance, value, document, several=True)]
        variants: list[list[Fault]] = [[] for _ in value]
        for sub in error.context:
            variants[sub.relative_schema_path[0]].extend(reference_faults(sub, document))
        return [_union(path, name, instance, value, document, variants)]
    if name == "required":
        return [Fault(path, name, instance, key) for key in value if key not in instance]
    if name in UNKNOWN_KEYWORDS:
        declared = error.schema.get("properties", {})
        return [Fault(path, name, instance, key) for key in instance if key not in declared]
    return [Fault(path, name, instance, value)]
