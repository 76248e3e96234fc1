"""The generator: generated/ is fresh, output is deterministic and self-contained, vendors are data."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from responses_bindings.pipeline.drift import compare_trees
from responses_bindings.pipeline.generate import build_all, build_vendor, generate
from responses_bindings.pipeline.load import discover_vendors
from responses_bindings.pipeline.manifest import files_below

from conftest import GENERATED, REPO, SPEC, VENDORS

# One fresh generation (a module fixture) serves every test here: keep them on one xdist worker (make test: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("generation")


@pytest.fixture(scope="module")
def fresh_tree(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("fresh") / "generated"
    build_all(SPEC, out)
    return out


def test_generated_tree_equals_a_fresh_generation(fresh_tree):
    drift = compare_trees(fresh_tree, GENERATED)
    assert not drift, f"generated/ is stale (run `make generate`): {drift}"


def test_generation_is_byte_identical_run_to_run(fresh_tree, tmp_path):
    """A second run writes the same bytes (the drift test compares with a run of another process;
    this one, one vendor's project, with one of the same process: caches must not leak into output)."""
    root = next(root for root in discover_vendors(SPEC) if root.vendor_id == VENDORS[-1])
    build_vendor(root, tmp_path / root.vendor_id)
    assert not compare_trees(fresh_tree / root.vendor_id, tmp_path / root.vendor_id)


def test_output_holds_no_caches_timestamps_or_absolute_paths(fresh_tree):
    for relative in files_below(fresh_tree):
        assert not any(part.startswith(".") or part == "__pycache__" for part in relative.parts), relative
        text = (fresh_tree / relative).read_text("utf-8")
        assert str(REPO) not in text and str(fresh_tree) not in text and "/tmp/" not in text, relative
        assert not re.search(r"\b20\d\d-\d\d-\d\dT\d\d:\d\d", text), f"timestamp in {relative}"


GOLDEN_SPEC = REPO / "tests" / "golden" / "unions" / "spec"  # a tiny spec: check mode is about the tree, not the spec


def test_check_mode_lists_added_removed_and_changed_files(tmp_path):
    stale = tmp_path / "generated"
    build_all(GOLDEN_SPEC, stale)
    vendor = "acme"
    (stale / vendor / "README.md").write_text("edited by hand\n")
    (stale / vendor / "orphan.py").write_text("# nobody generates me\n")
    (stale / vendor / "openapi.json").unlink()
    _, drift = generate(GOLDEN_SPEC, stale, check=True)
    assert drift.changed == [f"{vendor}/README.md"]
    assert drift.removed == [f"{vendor}/orphan.py"]
    assert drift.added == [f"{vendor}/openapi.json"]
    assert (stale / vendor / "orphan.py").exists(), "--check must not touch the tree"


def test_cli_check_exits_non_zero_on_a_stale_tree(tmp_path):
    stale = tmp_path / "generated"
    build_all(GOLDEN_SPEC, stale)
    (stale / "stray.txt").write_text("orphan\n")
    cli = [sys.executable, "-m", "responses_bindings", "--spec", str(GOLDEN_SPEC), "--out", str(stale), "generate", "--check"]
    done = subprocess.run(cli, capture_output=True, text=True)
    assert done.returncode == 1
    assert "removed:" in done.stdout and "stray.txt" in done.stdout


def test_a_third_vendor_root_yields_a_third_working_package(tmp_path):
    spec = tmp_path / "spec"
    shutil.copytree(SPEC, spec)
    root = (spec / "ai360.yaml").read_text("utf-8")
    for vendor in VENDORS:  # build only the new vendor: the others are covered by the drift test
        (spec / f"{vendor}.yaml").unlink()
    root = root.replace("https://api.360.cn", "https://gateway.acme.test").replace("360 AI", "Acme AI")
    root = root.replace("x-vendor-id: ai360", "x-vendor-id: acme").replace("AI360_API_KEY", "ACME_API_KEY")
    (spec / "acme.yaml").write_text(root, "utf-8")
    out = tmp_path / "generated"
    results = build_all(spec, out)
    assert [r.vendor_id for r in results] == ["acme"]
    script = (
        "import json, acme_responses as p\n"
        "doc = json.load(open('openapi.json'))\n"
        "body = doc['paths']['/v1/responses']['post']['responses']['200']['content']['application/json']"
        "['examples']['documented']['value']\n"
        "print(p.SERVER_URL, type(p.parse(json.dumps(body))).__name__, p.validate({'model': 1}, kind='request'))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=out / "acme", capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("https://gateway.acme.test Response [Issue(pointer='/model'")
