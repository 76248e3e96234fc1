"""The bundled kind schemas of each vendor, and a walk that maps an instance onto them.

`annotate()` walks a valid instance together with its kind schema and returns every node
it visited (JSON pointer, governing subschema, union branch taken, component names). The
tests use it to pick mutation sites, to find the union members whose model class must
match their `type`, and to count which component schemas an instance exercised.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache

import jsonschema_rs

from responses_bindings.common import pointer as json_pointer

from conftest import DEFS_PREFIX, GENERATED, VENDORS

KINDS = ("request", "response", "error", "event")
PAIRS = [(vendor, kind) for vendor in VENDORS for kind in KINDS]


@cache
def kind_schema(vendor: str, kind: str) -> dict:
    path = GENERATED / vendor / f"{vendor}_responses" / "schemas" / f"{kind}.json"
    return json.loads(path.read_text("utf-8"))


@cache
def components(vendor: str) -> dict[str, dict]:
    """Every component schema of a vendor: the union of the `$defs` of its kind schemas."""
    found: dict[str, dict] = {}
    for kind in KINDS:
        found.update(kind_schema(vendor, kind)["$defs"])
    return found


def root_name(vendor: str, kind: str) -> str:
    return kind_schema(vendor, kind)["$ref"].removeprefix(DEFS_PREFIX)


def ref_name(node: dict) -> str | None:
    ref = node.get("$ref")
    return ref.removeprefix(DEFS_PREFIX) if ref else None


_FAST: dict[tuple[str, int], tuple[dict, object]] = {}


def fits(vendor: str, node: dict, instance: object) -> bool:
    """Whether `instance` is valid against one subschema of the vendor's components."""
    key = (vendor, id(node))
    if key not in _FAST:  # the node is kept beside its validator, so its id stays its own
        _FAST[key] = (node, jsonschema_rs.validator_for({"$defs": components(vendor), **node}))
    return _FAST[key][1].is_valid(instance)


def union_branches(node: dict) -> list[dict] | None:
    return node.get("oneOf") or node.get("anyOf")


def branch_type_values(vendor: str, branch: dict) -> set:
    """The `type` values a union branch admits (its const or enum), or an empty set."""
    name = ref_name(branch)
    target = components(vendor)[name] if name else branch
    prop = (target.get("properties") or {}).get("type") or {}
    values: set = set()
    for option in union_branches(prop) or [prop]:
        values |= {option["const"]} if "const" in option else set(option.get("enum") or ())
        values |= {None} if option.get("type") == "null" else set()
    return values


@dataclass
class Node:
    """One visited node of an instance: where it is and which subschema governs it."""

    pointer: str
    schema: dict
    value: object
    component: str | None = None
    union_pointer: str | None = None  # the innermost enclosing union node, if any
    branch: str | None = None  # the component chosen at this union node
    union_types: dict = field(default_factory=dict)  # branch name -> admitted `type` values
    admissible: set = field(default_factory=set)  # the member components that accept the value


def annotate(vendor: str, kind: str, instance: object) -> list[Node]:
    """Every node of a valid instance, with the subschema and union branch that govern it."""
    nodes: list[Node] = []
    defs = components(vendor)

    def visit(schema: dict, value: object, pointer: str, component: str | None, union: str | None) -> None:
        name = ref_name(schema)
        if name:
            visit(defs[name], value, pointer, name, union)
            return
        branches = union_branches(schema)
        if branches:
            chosen = next(b for b in branches if fits(vendor, b, value))
            node = Node(pointer, schema, value, component, union, ref_name(chosen))
            node.union_types = {ref_name(b): branch_type_values(vendor, b) for b in branches if ref_name(b)}
            node.admissible = {ref_name(b) for b in branches if ref_name(b) and fits(vendor, b, value)}
            nodes.append(node)
            visit(chosen, value, pointer, None, pointer)
            return
        nodes.append(Node(pointer, schema, value, component, union))
        if isinstance(value, dict):
            props = schema.get("properties") or {}
            extra = schema.get("additionalProperties")
            for key, item in value.items():
                sub = props.get(key, extra if isinstance(extra, dict) else None)
                if sub is not None:
                    visit(sub, item, json_pointer.join(pointer, key), None, union)
        elif isinstance(value, list) and isinstance(schema.get("items"), dict):
            for index, item in enumerate(value):
                visit(schema["items"], item, f"{pointer}/{index}", None, union)

    visit(kind_schema(vendor, kind), instance, "", None, None)
    return nodes


def components_reached(nodes: list[Node]) -> set[str]:
    """The components an instance exercised: every one it was walked through, and every
    union member that also takes the value (overlapping `anyOf` members)."""
    reached = {node.component for node in nodes if node.component}
    for node in nodes:
        reached |= node.admissible
    return reached


def targets() -> list[tuple[str, str, str]]:
    """(vendor, kind, label): the kinds, with the event kind split per event type."""
    found = []
    for vendor in VENDORS:
        for kind in KINDS:
            root = components(vendor)[root_name(vendor, kind)]
            if kind == "event":
                found += [(vendor, kind, ref_name(branch)) for branch in root["oneOf"]]
            else:
                found.append((vendor, kind, kind))
    return found
