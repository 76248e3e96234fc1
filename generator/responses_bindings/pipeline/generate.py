"""Run the stages for every vendor root, and regenerate or check the output tree."""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..common.document import kind_components
from ..errors import LintFailed
from .bundle import bundle
from .drift import TreeDiff, compare_trees
from .format import format_package
from .json_schemas import json_schemas
from .lint import lint
from .load import VendorRoot, discover_vendors
from .manifest import write_manifest
from .package import write_package
from .pydantic_models import write_models
from .stamp import stamp_files
from .typed_params import write_params
from .vendor_matrix import write_matrix
from .version import stamp_version


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
    roots = kind_components(document)
    schemas = stage("jsonschema", json_schemas, document)
    package = out / root.package_name
    package.mkdir(parents=True)
    kind_models = stage("models", write_models, document, roots, package / "models.py")
    stage("params", write_params, document, schemas["request"], package / "params.py")
    stage("package", write_package, root, document, kind_models, schemas, out)
    stage("format", format_package, package)
    stage("version", stamp_version, out, root, document)
    stage("stamp", stamp_files, out, root.path.name)
    stage("manifest", write_manifest, out, root, bundled.sources, roots)
    return VendorResult(root.vendor_id, len(document["components"]["schemas"]), time.perf_counter() - started, timings)


def build_all(spec_dir: Path, out_dir: Path) -> list[VendorResult]:
    """Generate every vendor of `spec_dir` into the fresh folder `out_dir`."""
    roots = discover_vendors(spec_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    results = [build_vendor(root, out_dir / root.vendor_id) for root in roots]
    write_matrix(spec_dir, out_dir)
    return results


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
