"""One reported change per change of the spec: every place it reaches, and the vendors it reaches.

A change to a shared component shows in every payload place that uses the component, and in
every vendor whose root uses it (unless the vendor's `x-differences` patch it away). Each
vendor's diff lists it per place; here the places of one change, across vendors, become one
`Reported` change, shown at its shallowest place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...common.document import KIND_LOCATIONS
from .compare import Change
from .rules import LEVELS

KIND_ORDER = {kind: index for index, kind in enumerate([*KIND_LOCATIONS, "operation", "security", "servers"])}


@dataclass
class Place:
    change: Change
    vendors: list[str]


@dataclass
class Reported:
    """One change: its shallowest place first, every place it reaches, the vendors it reaches."""

    places: list[Place]
    vendors: list[str]
    ignored: str | None = None  # the ignore file's reason, when an entry matched
    extra: dict = field(default_factory=dict)

    @property
    def first(self) -> Change:
        return self.places[0].change

    @property
    def rule(self) -> str:
        return self.first.rule

    @property
    def level(self) -> str:
        return self.first.level

    @property
    def direction(self) -> str:
        return self.first.direction


def _order(change: Change) -> tuple:
    return KIND_ORDER.get(change.kind, len(KIND_ORDER)), change.where.count("/"), len(change.where), change.where


def merge(per_vendor: dict[str, list[Change]]) -> list[Reported]:
    """The changes of several vendors' diffs as reported changes, most severe first, then in spec order."""
    groups: dict[tuple, dict[tuple, Place]] = {}
    for vendor, changes in per_vendor.items():
        for change in changes:
            key = change.group or (change.rule, change.kind, change.where, change.message)
            key = (change.file, *key)
            places = groups.setdefault(key, {})
            place = places.setdefault((change.kind, change.where), Place(change, []))
            place.vendors.append(vendor)
    reported = []
    for places in groups.values():
        ordered = sorted(places.values(), key=lambda place: _order(place.change))
        vendors = sorted({vendor for place in ordered for vendor in place.vendors})
        reported.append(Reported(ordered, vendors))
    return sorted(reported, key=lambda r: (LEVELS.index(r.level), _order(r.first)))
