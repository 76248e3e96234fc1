"""The agreement properties, shared by the documented, generated and mutated instances."""

from __future__ import annotations

import json

from . import layers, tally
from .conftest import spent
from .kinds import Node, annotate, components_reached
from .mutations import Mutation
from conftest import canonical_json


def check_valid(vendor: str, kind: str, instance: object, label: str, category: str = "valid") -> list[Node]:
    """A valid instance: every layer accepts it, writes it back unchanged, and picks the
    union member class named by each member's `type`."""
    spent()
    reference = layers.oracle(vendor, kind, instance)
    assert reference.valid, f"the oracle rejects a {category} {kind} instance at {sorted(reference.pointers)}"
    nodes = annotate(vendor, kind, instance)
    expected = canonical_json(instance)
    for name, layer in layers.JUDGED.items():
        verdict = layer(vendor, kind, instance)
        assert verdict.valid, f"{name} rejects a valid {kind} at {sorted(verdict.pointers)}"
        if name in layers.TYPED:
            assert canonical_json(verdict.dump) == expected, (
                f"{name} does not round-trip the {kind}: {difference(json.loads(expected), verdict.dump)}"
            )
        if name == "parse":
            check_union_members(nodes, verdict.value, name)
    for component in components_reached(nodes):
        tally.components_tried[(vendor, component)] += 1
    tally.instances_tried[(vendor, label, category)] += 1
    return nodes


def difference(wanted: object, got: object, pointer: str = "") -> str:
    """The first place where a written-back instance differs from the original."""
    if isinstance(wanted, dict) and isinstance(got, dict):
        for key in sorted(set(wanted) | set(got)):
            if key not in got or key not in wanted:
                return f"{pointer}/{key}: {wanted.get(key, '(absent)')!r} became {got.get(key, '(absent)')!r}"
            if canonical_json(wanted[key]) != canonical_json(got[key]):
                return difference(wanted[key], got[key], f"{pointer}/{key}")
    if isinstance(wanted, list) and isinstance(got, list) and len(wanted) == len(got):
        for index, (a, b) in enumerate(zip(wanted, got, strict=True)):
            if canonical_json(a) != canonical_json(b):
                return difference(a, b, f"{pointer}/{index}")
    return f"{pointer or '/'}: {wanted!r} became {got!r}"


def check_union_members(nodes: list[Node], value: object, layer: str) -> None:
    """Each union member became a class of a member that takes it and admits its `type`
    (for a `oneOf` that is exactly one; overlapping `anyOf` members may tie)."""
    for node in nodes:
        if node.branch and isinstance(node.value, dict) and "type" in node.value:
            if not any(node.union_types.get(name) for name in node.admissible):
                continue  # not a union told apart by `type` (a nullable object; a union of unions; a free-form `type`)
            fitting = {name for name in node.admissible if node.value["type"] in node.union_types[name]}
            classes = layers.model_classes_at(value, node.pointer)
            assert fitting & set(classes), (
                f"{layer}: the member at {node.pointer or '/'} has type {node.value['type']!r} "
                f"but became {' > '.join(classes)}, not one of {sorted(fitting)}"
            )


def check_mutation(vendor: str, kind: str, mutation: Mutation, label: str) -> None:
    """A mutated instance: every judging layer gives the oracle's verdict and, when it is
    `invalid`, reports an error at the mutated pointer."""
    spent()
    reference = layers.oracle(vendor, kind, mutation.instance)
    if reference.valid:
        check_valid(vendor, kind, mutation.instance, label, "mutated-valid")
        return
    where = sorted(mutation.expected)
    assert mutation.points_at(reference.pointers), f"oracle: {mutation.op} at {where}: {sorted(reference.pointers)}"
    for name, layer in layers.JUDGED.items():
        verdict = layer(vendor, kind, mutation.instance)
        if name == "models" and mutation.op == "null" and verdict.valid:
            continue  # the models take null for an optional field; parse()'s JSON Schema check refuses it
        assert not verdict.valid, f"{name} accepts a {kind} after {mutation.op} at {mutation.pointer}"
        assert mutation.points_at(verdict.pointers), (
            f"{name}: {mutation.op} at {where} reported at {sorted(verdict.pointers)}"
        )
    check_warn_keeps_everything(vendor, kind, mutation)
    tally.instances_tried[(vendor, label, "mutated")] += 1


def check_warn_keeps_everything(vendor: str, kind: str, mutation: Mutation) -> None:
    """The "warn" policy on an invalid object: it writes back exactly what was sent and carries
    the issues validate() reports."""
    if not isinstance(mutation.instance, dict):
        return  # warn raises for a payload that is not a JSON object
    written, issues = layers.parse_warn(vendor, kind, mutation.instance)
    assert canonical_json(written) == canonical_json(mutation.instance), (
        f"warn loses data after {mutation.op} at {mutation.pointer}: {difference(mutation.instance, written)}"
    )
    expected = {(i.pointer, i.message) for i in layers.package_issues(vendor, kind, mutation.instance)}
    assert issues == expected, f"warn after {mutation.op} at {mutation.pointer}: {sorted(issues ^ expected)}"
