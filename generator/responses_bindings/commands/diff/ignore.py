"""The ignore file: changes reviewed and accepted, each by rule id and place, with the reason.

A YAML list; each entry names a `rule`, a `where` (any place the change reaches, as `diff`
prints it: a field pointer, an operation, `security` or `servers`) and a `reason`, and may
narrow the match to a payload `kind` or a `vendor`:

    - rule: response-made-nullable
      where: /output/[]/(ResponseOutputMessage)/content/[]/(ResponseOutputText)/logprobs
      vendor: zhixin
      reason: DashScope sends null logprobs; our client handles it since 2026-05.

An ignored change is still listed (as ignored, with its reason) but never fails the run.
Entries that match nothing are reported, so the file does not rot.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...errors import UsageError
from ...pipeline.load import read_yaml
from .impact import Reported
from .rules import RULES

KEYS = {"rule", "where", "reason", "kind", "vendor"}


@dataclass(frozen=True)
class Ignore:
    number: int
    rule: str
    where: str
    reason: str
    kind: str | None = None
    vendor: str | None = None

    def matches(self, change: Reported) -> bool:
        if change.rule != self.rule or (self.vendor is not None and self.vendor not in change.vendors):
            return False
        return any(place.change.where == self.where and self.kind in (None, place.change.kind)
                   and (self.vendor is None or self.vendor in place.vendors) for place in change.places)


def read_ignores(path: Path) -> list[Ignore]:
    """The entries of an ignore file; a UsageError naming the entry for anything malformed."""
    if not path.is_file():
        raise UsageError(f"{path}: no such ignore file")
    entries = read_yaml(path) or []
    if not isinstance(entries, list):
        raise UsageError(f"{path}: expected a YAML list of {{rule, where, reason}} entries")
    ignores = []
    for number, entry in enumerate(entries, 1):
        where = f"{path}: entry {number}"
        if not isinstance(entry, dict) or not {"rule", "where", "reason"} <= entry.keys() or entry.keys() - KEYS:
            raise UsageError(f"{where}: expected keys rule, where, reason (and optionally kind, vendor)")
        if entry["rule"] not in RULES:
            raise UsageError(f"{where}: unknown rule {entry['rule']!r} (`responses-bindings diff --rules` lists them)")
        if not str(entry["reason"] or "").strip():
            raise UsageError(f"{where}: give a reason")
        ignores.append(Ignore(number, entry["rule"], str(entry["where"]), str(entry["reason"]).strip(),
                              entry.get("kind"), entry.get("vendor")))
    return ignores


def apply_ignores(changes: list[Reported], ignores: list[Ignore]) -> list[Ignore]:
    """Mark the changes an entry matches as ignored; return the entries that matched nothing."""
    used = set()
    for change in changes:
        for ignore in ignores:
            if ignore.matches(change):
                change.ignored = ignore.reason
                used.add(ignore.number)
                break
    return [ignore for ignore in ignores if ignore.number not in used]
