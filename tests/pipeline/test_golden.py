"""Golden records: each tiny spec under tests/golden/ generates exactly its committed `expected/` tree."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from responses_bindings.pipeline.drift import compare_trees

from conftest import REPO

GOLDEN = REPO / "tests" / "golden"
_spec = importlib.util.spec_from_file_location("golden_regenerate", GOLDEN / "regenerate.py")
regenerate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regenerate)


@pytest.mark.parametrize("feature", regenerate.features(), ids=lambda path: path.name)
def test_the_generator_writes_the_golden_record(feature: Path, tmp_path):
    regenerate.generate_into(feature, tmp_path)
    drift = compare_trees(tmp_path, feature / "expected")
    assert not drift, f"{feature.name}: output differs from the golden record (run tests/golden/regenerate.py): {drift}"
