"""The generation pipeline, one named stage per module:

load → bundle → lint → JSON Schema → models → params → package → format → manifest

Lint runs on the bundle, where references are resolved, so that union rules can look at
the variants a `$ref` points to; bundling itself only resolves and patches.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .bundle import bundle
from .format import format_package
from .jsonschemas import json_schemas, kind_roots
from .lint import LintError, lint
from .load import VendorRoot, discover_vendors
from .manifest import files_below, write_manifest
from .matrix import write_matrix
from .models import write_models
from .package import write_package
from .params import write_params


class LintFailed(Exception):
    def __init__(self, errors: list[LintError]):
        self.errors = errors
        super().__init__("\n".join(map(str, errors)))


@dataclass
class VendorResult:
    vendor_id: str
    schemas: int
    seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)


def build_vendor(root: VendorRoot, out: Path) -> VendorResult:
    """Generate one vendor's project into the empty folder `out`."""
    timings: dict[str, float] = {}

    def stage(name, action, *args):
        started = time.perf_counter()
        value = action(*args)
        timings[name] = time.perf_counter() - started
        return value

    started = time.perf_counter()
    bundled = stage("bundle", bundle, root)
    errors = stage("lint", lint, bundled)
    if errors:
        raise LintFailed(errors)
    document = bundled.document
    roots = kind_roots(document)
    schemas = stage("jsonschema", json_schemas, document)
    package = out / root.package_name
    package.mkdir(parents=True)
    kind_models = stage("models", write_models, document, roots, package / "models.py")
    stage("params", write_params, document, schemas["request"], package / "params.py")
    stage("package", write_package, root, document, kind_models, schemas, out)
    stage("format", format_package, package)
    stage("manifest", write_manifest, out, root.vendor_id, bundled.sources, root.path.resolve().parent, roots)
    return VendorResult(root.vendor_id, len(document["components"]["schemas"]), time.perf_counter() - started, timings)


def build_all(spec_dir: Path, out_dir: Path) -> list[VendorResult]:
    """Generate every vendor of `spec_dir` into the fresh folder `out_dir`."""
    roots = discover_vendors(spec_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    results = [build_vendor(root, out_dir / root.vendor_id) for root in roots]
    write_matrix(spec_dir, out_dir)
    return results


@dataclass
class TreeDiff:
    added: list[str]
    removed: list[str]
    changed: list[str]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def compare_trees(expected: Path, actual: Path) -> TreeDiff:
    """What `actual` lacks (added by a fresh run), has extra (orphans) or has different."""
    want = set(files_below(expected)) if expected.exists() else set()
    have = set(files_below(actual)) if actual.exists() else set()
    changed = [p for p in sorted(want & have) if (expected / p).read_bytes() != (actual / p).read_bytes()]
    return TreeDiff(
        added=[p.as_posix() for p in sorted(want - have)],
        removed=[p.as_posix() for p in sorted(have - want)],
        changed=[p.as_posix() for p in changed],
    )


def generate(spec_dir: Path, out_dir: Path, check: bool = False) -> tuple[list[VendorResult], TreeDiff]:
    """Regenerate `out_dir` from `spec_dir`; with `check`, leave it alone and report drift."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "generated"
        results = build_all(spec_dir, fresh)
        drift = compare_trees(fresh, out_dir)
        if not check and drift:
            if out_dir.exists():
                shutil.rmtree(out_dir)
            shutil.copytree(fresh, out_dir)
    return results, drift
