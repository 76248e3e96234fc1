"""Shared fixtures: the repo's folders and every generated vendor package on sys.path."""

from __future__ import annotations

import importlib
import json
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "spec"
GENERATED = REPO / "generated"
VENDOR_DOCS = REPO / "tests" / "fixtures" / "vendor-docs"
CORPUS = REPO / "tests" / "fixtures" / "corpus"  # published payloads and stream transcripts, per vendor
VENDORS = sorted(p.stem for p in SPEC.glob("*.yaml"))

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


def member_schema(schema: dict, instance: object) -> dict:
    """`schema`, or, when its root is a `oneOf` whose members all require a `type` const/enum
    (the events) and the instance's `type` names one, the schema rooted at that member: every
    other member refuses that `type`, so its verdict is the union's, without walking them all."""
    tag = instance.get("type") if isinstance(instance, dict) else None
    defs = schema.get("$defs", {})
    root = defs.get(schema.get("$ref", "").removeprefix("#/$defs/"), {})
    found = None
    for variant in root.get("oneOf") or []:
        name = variant.get("$ref", "").removeprefix("#/$defs/")
        member = defs.get(name, {})
        if "type" not in member.get("required", []):
            return schema  # a member that may leave out `type` could take any payload
        allowed = member.get("properties", {}).get("type", {})
        if tag in ([allowed["const"]] if "const" in allowed else allowed.get("enum") or []):
            found = name
    return {**schema, "$ref": f"#/$defs/{found}"} if found else schema
