"""Counts kept across the property tests: instances per component schema and per kind."""

from __future__ import annotations

from collections import Counter

components_tried: Counter = Counter()  # (vendor, component) -> instances that reached it
instances_tried: Counter = Counter()  # (vendor, label, category) -> instances checked


def ran_generation() -> bool:
    return any(category == "valid" for (_, _, category) in instances_tried)


COUNTERS = {"components_tried": components_tried, "instances_tried": instances_tried}


def export() -> dict:
    """The counts as plain data, for an xdist worker to send to the controller."""
    return {name: [[list(key), count] for key, count in counter.items()] for name, counter in COUNTERS.items()}


def merge(exported: dict) -> None:
    """Add a worker's exported counts to this process's."""
    for name, rows in exported.items():
        for key, count in rows:
            COUNTERS[name][tuple(key)] += count
