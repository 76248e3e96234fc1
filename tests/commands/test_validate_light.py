"""Validating in CI without the generator's toolchain: a fresh venv with only the vendor package
runs `python -m <vendor>_responses validate`; with the repository's plain (light) install beside
it, as the pre-commit hook installs it, `responses-bindings validate` runs the same validator."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from recorded import bad_response, example, sse, stream_events

from conftest import FRESH_VENV_GROUP, REPO

# The venv of installed_alone serves these tests and test_install's: one xdist worker (make test: --dist loadgroup).
# The pre-commit test installs the repository into it, so it comes after the test that needs it bare.
pytestmark = pytest.mark.xdist_group(FRESH_VENV_GROUP)

VENDOR = "zhixin"
PIP = ["-m", "pip", "install", "--quiet", "--disable-pip-version-check"]


@pytest.fixture
def light_venv(installed_alone) -> Path:
    """A venv holding the vendor package and nothing of the generator (see installed_alone)."""
    return installed_alone(VENDOR)


@pytest.fixture
def recordings(tmp_path):
    folder = tmp_path / "recordings"
    folder.mkdir()
    (folder / "ok.sse").write_bytes(sse(stream_events(VENDOR)))
    (folder / "ok.jsonl").write_text(json.dumps(example(VENDOR, "request")) + "\n", "utf-8")
    return folder


def run(python, *args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([str(python), *args], capture_output=True, text=True, cwd=cwd, timeout=300, env={"CI": "1"})


def test_only_the_vendor_package_validates(light_venv, recordings, tmp_path):
    absent = run(light_venv, "-c", "import importlib.util as u; print(u.find_spec('responses_bindings'), "
                                   "u.find_spec('datamodel_code_generator'), u.find_spec('ruff'))", cwd=tmp_path)
    assert absent.stdout.split() == ["None", "None", "None"]
    module = f"{VENDOR}_responses"
    ok = run(light_venv, "-m", module, "validate", str(recordings), cwd=tmp_path)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "2 file(s), 2 payload(s): 2 valid" in ok.stdout
    (recordings / "bad.json").write_text(json.dumps(bad_response(VENDOR), indent=2), "utf-8")
    bad = run(light_venv, "-m", module, "validate", "--format", "sarif", str(recordings), cwd=tmp_path)
    assert bad.returncode == 1 and json.loads(bad.stdout)["runs"][0]["results"][0]["ruleId"] == "schema-type"
    missing = run(light_venv, "-m", module, "validate", str(tmp_path / "nope.json"), cwd=tmp_path)
    assert missing.returncode == 2


def test_the_pre_commit_install_is_light_too(light_venv, recordings, tmp_path):
    """pre-commit installs the hook repository (`pip install .`) plus additional_dependencies."""
    repo = tmp_path / "repo"
    shutil.copytree(REPO, repo, ignore=shutil.ignore_patterns(".venv", ".git", "generated", "tests", "*.egg-info",
                                                              "__pycache__", "build", ".*_cache", ".hypothesis"))
    done = subprocess.run([str(light_venv), *PIP, str(repo)], capture_output=True, text=True, cwd=tmp_path, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    hook = (REPO / ".pre-commit-hooks.yaml").read_text("utf-8")
    assert "entry: responses-bindings validate\n" in hook
    script = light_venv.parent / "responses-bindings"
    ok = run(script, "validate", "--vendor", VENDOR, str(recordings), cwd=tmp_path)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (recordings / "bad.jsonl").write_text(json.dumps(bad_response(VENDOR)) + "\n", "utf-8")
    assert run(script, "validate", "--vendor", VENDOR, str(recordings), cwd=tmp_path).returncode == 1
    generate = run(script, "generate", cwd=tmp_path)
    assert generate.returncode == 2 and "needs the generator's toolchain" in generate.stderr, generate.stderr
    assert "Traceback" not in generate.stderr
