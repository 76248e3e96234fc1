"""Shared fixtures: the repo's folders and every generated vendor package on sys.path."""

from __future__ import annotations

import importlib
import json
import re
import shutil
import subprocess
import sys
import venv
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from responses_bindings.pipeline.lint import type_values

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "spec"
GENERATED = REPO / "generated"
VENDOR_DOCS = REPO / "tests" / "fixtures" / "vendor-docs"
CORPUS = REPO / "tests" / "fixtures" / "corpus"  # published payloads and stream transcripts, per vendor
VENDORS = sorted(p.stem for p in SPEC.glob("*.yaml"))
DEFS_PREFIX = "#/$defs/"  # where a kind schema keeps its components

pytest_plugins = ["properties.report"]

for vendor in VENDORS:
    if str(GENERATED / vendor) not in sys.path:
        sys.path.insert(0, str(GENERATED / vendor))


def vendor_package(vendor: str):
    """The generated `<vendor>_responses` package."""
    return importlib.import_module(f"{vendor}_responses")


def readme_python_blocks() -> list[tuple[int, str]]:
    """(line number, source) of every ```python snippet of the README. Blocks that are a user's
    pytest file (they import pytest) are run as such by tests/commands/test_record_replay.py."""
    text = (REPO / "README.md").read_text("utf-8")
    blocks = re.finditer(r"^```python\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)
    return [(text.count("\n", 0, match.start()) + 1, match.group(1)) for match in blocks if "import pytest" not in match.group(1)]


def bundled_document(vendor: str) -> dict:
    return json.loads((GENERATED / vendor / "openapi.json").read_text("utf-8"))


def canonical_json(value: object) -> str:
    """RFC 8785-like canonical text: sorted keys, no spaces, integral floats as integers."""

    def normalise(node):
        if isinstance(node, float) and node.is_integer():
            return int(node)
        if isinstance(node, dict):
            return {key: normalise(item) for key, item in node.items()}
        if isinstance(node, list):
            return [normalise(item) for item in node]
        return node

    return json.dumps(normalise(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@pytest.fixture(params=VENDORS)
def vendor(request) -> str:
    return request.param


# The xdist group of every test that uses `installed_alone`: one worker makes each venv once.
FRESH_VENV_GROUP = "fresh-venv"


@pytest.fixture(scope="session")
def installed_alone(tmp_path_factory):
    """vendor -> the python of a fresh venv into which that generated package alone was
    installed, from a copy of its folder that is then removed (so nothing of the repo is used).
    Made once per vendor; tests that install more into it run after those that need it bare."""
    made: dict[str, Path] = {}

    def python_for(vendor: str) -> Path:
        if vendor not in made:
            root = tmp_path_factory.mktemp(f"alone-{vendor}")
            project = root / "project"
            shutil.copytree(GENERATED / vendor, project)
            venv.EnvBuilder(with_pip=True).create(root / "venv")
            python = root / "venv" / "bin" / "python"
            install = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(project)]
            done = subprocess.run(install, capture_output=True, text=True, cwd=root, timeout=900)
            assert done.returncode == 0, done.stderr[-2000:]
            shutil.rmtree(project)
            made[vendor] = python
        return made[vendor]

    return python_for


@cache
def _union_members(vendor: str, kind: str, strict: bool) -> tuple[str, dict[str, str]]:
    """(the kind schema's root `$ref`, `type` value -> the `$ref` of the member of its root `oneOf`
    that takes it); no members unless every member requires a `type` const/enum (lint keeps
    the members' values disjoint)."""
    schema = vendor_package(vendor).schema(kind, strict)
    root, defs = schema["$ref"], schema["$defs"]
    members: dict[str, str] = {}
    for variant in defs.get(root.removeprefix(DEFS_PREFIX), {}).get("oneOf") or []:
        values = type_values(defs.get(variant.get("$ref", "").removeprefix(DEFS_PREFIX), {}))
        if values is None:
            return root, {}  # a member that may leave out `type` could take any payload
        members.update(dict.fromkeys(values, variant["$ref"]))
    return root, members


@cache
def _rooted_oracle(vendor: str, kind: str, strict: bool, root: str) -> Draft202012Validator:
    return Draft202012Validator({**vendor_package(vendor).schema(kind, strict), "$ref": root})


def oracle_for(vendor: str, kind: str, instance: object, strict: bool = False) -> Draft202012Validator:
    """The tests' reference: jsonschema's validator of a kind schema, to judge `instance`. For a
    union told apart by a required `type` (the events) it is rooted at the member the instance's
    `type` names: every other member refuses that `type`, so the verdict is the union's, without
    walking 59 members that say only that."""
    root, members = _union_members(vendor, kind, strict)
    tag = instance.get("type") if isinstance(instance, dict) else None
    return _rooted_oracle(vendor, kind, strict, members.get(tag, root) if isinstance(tag, str) else root)
