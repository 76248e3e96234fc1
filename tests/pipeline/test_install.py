"""Each generated/<vendor> folder installs alone into a fresh venv and works without the repo."""

from __future__ import annotations

import subprocess

import pytest

from conftest import FRESH_VENV_GROUP, GENERATED, VENDORS

pytestmark = pytest.mark.xdist_group(FRESH_VENV_GROUP)  # shares the venvs of installed_alone

SMOKE = """
import json, pathlib, sys
import {package} as p
assert not any("{repo}" in entry for entry in sys.path), sys.path
assert "site-packages" in p.__file__, p.__file__
schema = p.schema("response")
assert p.validate({{"model": "m"}}, kind="request") == []
print("ok", p.VENDOR_ID, len(schema["$defs"]))
"""


@pytest.mark.parametrize("vendor", VENDORS)
def test_generated_package_installs_into_a_fresh_venv(vendor, installed_alone, tmp_path):
    python = installed_alone(vendor)  # installed from a copy of generated/<vendor>, then the copy removed
    script = SMOKE.format(package=f"{vendor}_responses", repo=GENERATED.parent)
    done = subprocess.run([str(python), "-I", "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith(f"ok {vendor} ")
