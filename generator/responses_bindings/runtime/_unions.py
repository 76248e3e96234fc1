"""Choosing the variant a union member meant, so errors are reported inside it.

A variant is out when the payload's JSON type or `type` tag rejects it; among the rest the
closest wins (fewest errors net of the present properties it declares, then fewest missing).
Equally close variants report what they agree on. An object without `type`, where the variants
that may leave it out know fewer of its names than one that requires it, is reported inside
that one (its first error: the missing `type`): `{"call_id", "name", "arguments"}` is a
function call that forgot its type, not an item reference without an `id`.
"""

from __future__ import annotations

from dataclasses import replace

from ._faults import UNION_KEYWORDS, Fault
from ._issues import worded


def _rejects_shape(fault: Fault, here: tuple) -> bool:
    """A variant error that says "not this variant": wrong JSON type, or wrong/missing `type`."""
    if fault.path == here:
        return fault.keyword == "type" or (fault.keyword == "required" and fault.value == "type")
    return fault.path == here + ("type",)


def _tags(faults: list[Fault], where: tuple) -> list:
    """The `type` values the variants' errors at `where` say they would have accepted."""
    found = []
    for fault in faults:
        if fault.path != where:
            continue
        if fault.keyword == "const":
            found.append(fault.value)
        elif fault.keyword == "enum" and isinstance(fault.value, list):
            found.extend(fault.value)
        elif fault.keyword in UNION_KEYWORDS:
            found.extend(_tags([f for variant in fault.variants or () for f in variant], where))
    return found


def _closeness(faults: list[Fault], here: tuple, known: int) -> tuple[int, int, int]:
    """Lower is closer: errors minus the present properties the variant knows, then fewer missing."""
    missing = sum(1 for f in faults if f.keyword == "required" and f.path == here)
    errors = len(leaves(faults))
    return errors - known, missing, errors


def _lacks_only_its_type(faults: list[Fault], here: tuple) -> bool:
    """The variant's shape would fit but for the `type` the payload leaves out."""
    rejecting = [f for f in faults if _rejects_shape(f, here)]
    return bool(rejecting) and all(f.path == here and f.keyword == "required" for f in rejecting)


def _known(fault: Fault, index: int) -> int:
    return len(fault.declared[index] & fault.instance.keys()) if isinstance(fault.instance, dict) else 0


def _resolve_union(fault: Fault) -> list[Fault]:
    here, variants = fault.path, fault.variants
    if fault.several or not variants:
        return [fault]
    candidates = [i for i, faults in enumerate(variants) if not any(_rejects_shape(f, here) for f in faults)]
    untyped = [i for i, faults in enumerate(variants) if _lacks_only_its_type(faults, here)]
    if candidates and untyped:
        closest = max(untyped, key=lambda i: _known(fault, i))
        if _known(fault, closest) > max(_known(fault, i) for i in candidates):
            candidates = [closest]
    if len(candidates) > 1:
        scores = {i: _closeness(variants[i], here, _known(fault, i)) for i in candidates}
        best = min(scores.values())
        candidates = [i for i in candidates if scores[i] == best]
    if len(candidates) == 1:
        return leaves(variants[candidates[0]])
    if len(candidates) > 1:  # equally close: report what they all agree on, if anything
        by_issue = [{worded(f): f for f in leaves(variants[i])} for i in candidates]
        common = set.intersection(*(set(issues) for issues in by_issue))
        if common:
            return [by_issue[0][issue] for issue in sorted(common)]
        return [replace(f, via=fault.labels[i]) for i in candidates for f in leaves(variants[i])]
    if not candidates and isinstance(fault.instance, dict):
        if "type" not in fault.instance and all(
            any(f.keyword == "required" and f.value == "type" and f.path == here for f in faults) for faults in variants
        ):
            return [Fault(here, "required", fault.instance, "type")]
        tags = [tag for tag in _tags([f for faults in variants for f in faults], here + ("type",)) if tag is not None]
        if tags and "type" in fault.instance:
            return [Fault(here + ("type",), "enum", fault.instance["type"], sorted(set(tags), key=str))]
    labels = [fault.labels[i] for i in candidates] or fault.labels
    return [Fault(here, fault.keyword, fault.instance, variants=[], labels=labels)]


def leaves(faults: list[Fault]) -> list[Fault]:
    out = []
    for fault in faults:
        out.extend(_resolve_union(fault) if fault.keyword in UNION_KEYWORDS else [fault])
    return out
