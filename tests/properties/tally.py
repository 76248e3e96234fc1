"""Counts kept across the property tests: instances per component schema and per kind."""

from __future__ import annotations

from collections import Counter

components_tried: Counter = Counter()  # (vendor, component) -> instances that reached it
instances_tried: Counter = Counter()  # (vendor, label, category) -> instances checked


def ran_generation() -> bool:
    return any(category == "valid" for (_, _, category) in instances_tried)
