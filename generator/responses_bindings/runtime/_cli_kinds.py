"""`--kind auto`: tell a payload's kind from what tells kinds apart.

The top-level properties each kind's schema declares are read from the schemas. A property
only one kind declares marks that kind: `object` and `output` a response, `input` a request,
`type` and `sequence_number` an event, `request_id` a DashScope error body. A payload whose
keys mark one kind is checked as that kind (and is invalid when it breaks that kind's schema,
however well it fits another). A payload without marks is checked against every kind: the
kind it fits, else, reported as fitting no kind, the closest one.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from types import ModuleType


def _declared(schema: dict) -> set[str]:
    """The top-level property names a kind's schema declares, through `$ref`s and unions."""
    names: set[str] = set()
    pending, seen = [schema], set()
    while pending:
        node = pending.pop()
        if not isinstance(node, dict) or id(node) in seen:
            continue
        seen.add(id(node))
        names.update(node.get("properties") or ())
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            pending.append(schema.get("$defs", {}).get(ref.removeprefix("#/$defs/")))
        for key in ("oneOf", "anyOf", "allOf"):
            pending.extend(node.get(key) or ())
    return names


TELLING = ("object", "type")  # named first: the fields that say outright what a payload is


def _listed(names, limit: int = 2) -> str:
    ordered = sorted(names, key=lambda name: (name not in TELLING, name))
    shown = ", ".join(json.dumps(name, ensure_ascii=False) for name in ordered[:limit])
    return shown + (f" and {len(ordered) - limit} more" if len(ordered) > limit else "")


class KindGuesser:
    """Chooses the kind of each payload for one vendor package."""

    def __init__(self, package: ModuleType):
        self.package = package
        declared = {kind: _declared(package.schema(kind)) for kind in package.KINDS}
        self.marks = {
            kind: names - set().union(*(other for key, other in declared.items() if key != kind))
            for kind, names in declared.items()
        }

    def guess(self, value: object, validate: Callable[[object, str], list | str],
              fits: Callable[[object, str], bool]) -> tuple[str, str, list | str | None]:
        """(kind, why, the issues against that kind when they were computed on the way). `validate`
        gives a kind's issues, or (a str) why the payload could not be checked against it; `fits`
        only says whether it is valid (cheap: listing an event's problems under every variant of
        its union took 27 ms a payload), so issues are listed only when no kind fits."""
        if isinstance(value, dict):
            hits = {kind: marks & value.keys() for kind, marks in self.marks.items()}
            hits = {kind: names for kind, names in hits.items() if names}
            most = max((len(names) for names in hits.values()), default=0)
            leaders = [kind for kind, names in hits.items() if len(names) == most] if most else []
            if len(leaders) == 1:
                kind = leaders[0]
                why = f"has {_listed(hits[kind])} (only a {kind} has {'them' if most > 1 else 'it'})"
                others = [f"{_listed(names)} of a {other}" for other, names in hits.items() if other != kind]
                return kind, why + (f"; also {'; '.join(others)}" if others else ""), None
            candidates = leaders or list(self.package.KINDS)
        else:
            candidates = list(self.package.KINDS)
        fitting = [kind for kind in candidates if fits(value, kind)]
        if fitting:
            also = f" (also {', '.join(fitting[1:])})" if len(fitting) > 1 else ""
            return fitting[0], f"fits {fitting[0]}{also}", []
        issues = {kind: validate(value, kind) for kind in candidates}
        closest = min(candidates, key=lambda kind: len(issues[kind]) if isinstance(issues[kind], list) else float("inf"))
        return closest, f"fits no kind; closest: {closest}", issues[closest]
