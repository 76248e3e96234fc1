"""The drift check: how an output tree differs from a fresh generation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .manifest import files_below


@dataclass
class TreeDiff:
    added: list[str]
    removed: list[str]
    changed: list[str]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


# What installing or importing a generated package leaves beside it (git ignores these too).
LEFTOVERS = ("__pycache__", "build", ".ruff_cache", ".pytest_cache")


def _generated(path: Path) -> bool:
    return not any(part in LEFTOVERS or part.endswith(".egg-info") for part in path.parts)


def compare_trees(expected: Path, actual: Path) -> TreeDiff:
    """What `actual` lacks (added by a fresh run), has extra (orphans) or has different; build
    and import leftovers (`build/`, `*.egg-info`, `__pycache__`) are not part of a tree."""
    want = set(filter(_generated, files_below(expected))) if expected.exists() else set()
    have = set(filter(_generated, files_below(actual))) if actual.exists() else set()
    changed = [p for p in sorted(want & have) if (expected / p).read_bytes() != (actual / p).read_bytes()]
    return TreeDiff(
        added=[p.as_posix() for p in sorted(want - have)],
        removed=[p.as_posix() for p in sorted(have - want)],
        changed=[p.as_posix() for p in changed],
    )
