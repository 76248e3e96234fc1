"""Each generated/<vendor> folder installs alone into a fresh venv and works without the repo."""

from __future__ import annotations

import shutil
import subprocess
import venv

import pytest

from conftest import GENERATED, VENDORS

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
def test_generated_package_installs_into_a_fresh_venv(vendor, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(GENERATED / vendor, project)
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(project)]
    done = subprocess.run(install, capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    shutil.rmtree(project)  # the installed copy must not need its source folder
    script = SMOKE.format(package=f"{vendor}_responses", repo=GENERATED.parent)
    done = subprocess.run([str(python), "-I", "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith(f"ok {vendor} ")
