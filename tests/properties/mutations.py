"""Mutations of a valid instance, each with the JSON pointers its error must point at.

Every candidate breaks the instance locally (the mutated node no longer fits its own
subschema); whether the whole instance is then invalid is the oracle's call (an `anyOf`
sibling or another union member may still take it).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial

from responses_bindings.common import pointer as json_pointer

from .kinds import Node, fits

UNKNOWN_KEY = "zz_unknown"
# One value of each JSON type except null (null has its own mutation).
OTHER_TYPES = ("mutant", 1.5, 7, True, {}, [])


@dataclass
class Mutation:
    op: str
    pointer: str  # the mutated node
    expected: frozenset[str]  # an error must be reported at one of these
    build: Callable[[], object] = field(repr=False)  # makes the mutated copy (only when drawn)
    within: bool = False  # also accept errors inside the expected node (see foreign_type)

    def points_at(self, pointers: set[str]) -> bool:
        """Whether a reported pointer is an expected one (or inside one, for `within`)."""
        if self.within:
            return any(p == e or p.startswith(e + "/") for p in pointers for e in self.expected)
        return bool(pointers & self.expected)

    @cached_property
    def instance(self) -> object:
        return self.build()


def _parent(pointer: str) -> str:
    return pointer.rsplit("/", 1)[0]


def replace(instance: object, pointer: str, value: object) -> object:
    if not pointer:
        return value
    result = copy.deepcopy(instance)
    *path, last = json_pointer.tokens(pointer)
    node = result
    for token in path:
        node = node[int(token)] if isinstance(node, list) else node[token]
    node[int(last) if isinstance(node, list) else last] = value
    return result


def delete(instance: object, pointer: str) -> object:
    result = copy.deepcopy(instance)
    *path, last = json_pointer.tokens(pointer)
    node = result
    for token in path:
        node = node[int(token)] if isinstance(node, list) else node[token]
    del node[last]
    return result


def _expected(node: Node, nodes_by_pointer: dict[str, list[Node]]) -> frozenset[str]:
    """The mutated pointer; for the `type` of a union member also the member itself."""
    parent = _parent(node.pointer) if node.pointer else None
    if parent is not None and node.pointer.endswith("/type"):
        if any(n.branch for n in nodes_by_pointer.get(parent, ())):
            return frozenset({node.pointer, parent})
    return frozenset({node.pointer})


def mutations(vendor: str, nodes: list[Node], instance: object) -> dict[str, list[Mutation]]:
    """Every candidate mutation of `instance`, grouped by kind of mutation."""
    by_pointer: dict[str, list[Node]] = {}
    for node in nodes:
        by_pointer.setdefault(node.pointer, []).append(node)
    found: dict[str, list[Mutation]] = {}

    def add(op: str, pointer: str, expected: frozenset[str], build: Callable[[], object], within=False) -> None:
        found.setdefault(op, []).append(Mutation(op, pointer, expected, build, within))

    for node in nodes:
        schema, value, pointer = node.schema, node.value, node.pointer
        expected = _expected(node, by_pointer)
        if node.branch is not None or "oneOf" in schema or "anyOf" in schema:
            _union_mutations(vendor, node, instance, add)
            continue
        if isinstance(value, dict):
            for key in schema.get("required") or ():
                add("drop_required", f"{pointer}/{key}", frozenset({pointer}), partial(delete, instance, f"{pointer}/{key}"))
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) or extra is False:
                bad = next((v for v in OTHER_TYPES if not fits(vendor, extra, v)), None) if extra else 1
                if bad is not None:
                    where = f"{pointer}/{UNKNOWN_KEY}"
                    add("unknown_forbidden", where, frozenset({where if extra else pointer}),
                        partial(replace, instance, where, bad))
        if "type" in schema:
            for other in OTHER_TYPES:
                if not fits(vendor, schema, other) and _json_type(other) not in _types(schema):
                    add("wrong_type", pointer, expected, partial(replace, instance, pointer, other))
                    break
        if ("enum" in schema or "const" in schema) and not fits(vendor, schema, "not-an-allowed-value"):
            if "string" in _types(schema) or "type" not in schema:
                add("bad_enum", pointer, expected, partial(replace, instance, pointer, "not-an-allowed-value"))
        if not fits(vendor, schema, None):
            add("null", pointer, expected, partial(replace, instance, pointer, None))
    return found


def _union_mutations(vendor: str, node: Node, instance: object, add: Callable) -> None:
    value, pointer = node.value, node.pointer
    if not fits(vendor, node.schema, None):
        add("null", pointer, frozenset({pointer}), partial(replace, instance, pointer, None))
    if not isinstance(value, dict) or "type" not in value:
        return
    for name, types in node.union_types.items():
        foreign = sorted(t for t in types if isinstance(t, str) and t != value["type"])
        if name != node.branch and foreign:
            # The member now claims another member's `type`: its errors are that member's
            # mismatches, anywhere inside it (a field the new member types differently).
            mutated = partial(replace, instance, f"{pointer}/type", foreign[0])
            add("foreign_type", f"{pointer}/type", frozenset({pointer}), mutated, within=True)


def _types(schema: dict) -> set[str]:
    types = schema.get("type", ())
    return {types} if isinstance(types, str) else set(types)


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return {str: "string", dict: "object", list: "array"}[type(value)]
