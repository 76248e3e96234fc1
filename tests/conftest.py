"""Shared fixtures: the repo's folders and every generated vendor package on sys.path."""

from __future__ import annotations

import importlib
import json
import re
import sys
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
