"""Rewrite the golden records: each tests/golden/<feature>/spec generated afresh into <feature>/expected.

Run after a deliberate change to what the generator writes (`.venv/bin/python tests/golden/regenerate.py`),
then review the diff of tests/golden/*/expected: it shows exactly what the change does to output.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from responses_bindings.pipeline.generate import build_all
from responses_bindings.pipeline.manifest import MANIFEST_NAME, files_below
from responses_bindings.pipeline.package import runtime_modules

GOLDEN = Path(__file__).resolve().parent


def features() -> list[Path]:
    """Every golden record: a folder holding a `spec/`."""
    return sorted(path for path in GOLDEN.iterdir() if (path / "spec").is_dir())


def recorded(tree: Path) -> list[Path]:
    """The files of a generated tree a golden record keeps: all but the copied runtime modules
    (tested on their own) and the manifest (hashes of everything else)."""
    copied = {source.name for source in runtime_modules()}
    return [path for path in files_below(tree) if path.name != MANIFEST_NAME and not (len(path.parts) == 3 and path.name in copied)]


def generate_into(feature: Path, out: Path) -> None:
    """Generate `feature`'s spec and keep its recorded files in `out`."""
    with tempfile.TemporaryDirectory() as scratch:
        tree = Path(scratch) / "generated"
        build_all(feature / "spec", tree)
        for path in recorded(tree):
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(tree / path, out / path)


def main() -> int:
    for feature in features():
        expected = feature / "expected"
        shutil.rmtree(expected, ignore_errors=True)
        generate_into(feature, expected)
        print(f"{feature.name}: {len(files_below(expected))} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
