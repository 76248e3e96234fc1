"""The diff as text: breaking changes first, a shared-component change once with its place count."""

from __future__ import annotations

from ...common.document import KIND_LOCATIONS
from .compare import Change


def grouped(changes: list[Change]) -> list[tuple[Change, int]]:
    """One change per group (its shortest pointer), with how many other places it shows in."""
    groups: dict[tuple, list[Change]] = {}
    for index, change in enumerate(changes):
        groups.setdefault(change.group or (index,), []).append(change)
    order = {kind: index for index, kind in enumerate(KIND_LOCATIONS)}

    def first(change: Change) -> tuple:
        return order.get(change.kind, len(order)), len(change.where), change.where

    firsts = [(min(members, key=first), len(members) - 1) for members in groups.values()]
    return sorted(firsts, key=lambda pair: not pair[0].breaking)


def report(changes: list[Change], title: str) -> str:
    lines = [title]
    shown = grouped(changes)
    for breaking in (True, False):
        part = [(c, more) for c, more in shown if c.breaking == breaking]
        if part:
            lines.append("BREAKING" if breaking else "not breaking")
        for change, more in part:
            where = change.where or "(the payload)"
            also = f"  [and {more} more place{'s' * (more > 1)}]" if more else ""
            lines.append(f"  {change.kind:9} {where}: {change.message}{also}")
    count = sum(c.breaking for c, _ in shown)
    lines.append(f"{len(shown)} change(s), {count} breaking" if shown else "no changes")
    return "\n".join(lines)
