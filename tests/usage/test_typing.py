"""The type-check gate: pyright (pinned in requirements.lock) over the generated packages and
two user scripts, one that must check clean and run, one whose every marked line must be
reported. pyright's wheel bundles its JavaScript and runs on the machine's node, offline."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from responses_bindings.commands.mock import MockServer, VendorMock

from conftest import GENERATED, VENDORS, readme_python_blocks

# One pyright run (a module fixture) serves every test here: keep them on one xdist worker (make test: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("pyright")

SCRIPTS = Path(__file__).resolve().parent / "typing"
USER_OK = SCRIPTS / "user_ok.py"
USER_WRONG = SCRIPTS / "user_wrong.py"
EXPECTED = re.compile(r"#\s*expect-error:\s*(.+)$")


def packages() -> list[Path]:
    return [GENERATED / vendor / f"{vendor}_responses" for vendor in VENDORS]


def readme_snippets(folder: Path) -> dict[Path, int]:
    """The README's python blocks as files in `folder` (with the names the README takes as given): file -> README line."""
    files = {}
    for line, source in readme_python_blocks():
        path = folder / f"readme_line_{line}.py"
        path.write_text("raw_bytes: bytes = b''\n" + source, "utf-8")
        files[path] = line
    return files


@pytest.fixture(scope="module")
def snippets(tmp_path_factory) -> dict[Path, int]:
    return readme_snippets(tmp_path_factory.mktemp("readme"))


@pytest.fixture(scope="module")
def errors(tmp_path_factory, snippets) -> dict[Path, dict[int, list[str]]]:
    """file -> 1-based line -> pyright's error messages, from one pyright run over everything."""
    config = tmp_path_factory.mktemp("pyright") / "pyrightconfig.json"
    config.write_text(json.dumps({
        "extraPaths": [str(GENERATED / vendor) for vendor in VENDORS],
        "pythonVersion": "3.11",
        "typeCheckingMode": "standard",
    }))
    pyright = Path(sys.executable).parent / "pyright"
    env = dict(os.environ, PYRIGHT_PYTHON_IGNORE_WARNINGS="1")
    checked = [str(path) for path in [*packages(), SCRIPTS, *snippets]]  # on the command line: a config's include must be relative
    done = subprocess.run([str(pyright), "--outputjson", "-p", str(config), "--pythonpath", sys.executable, *checked],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode in (0, 1), done.stdout[-2000:] + done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert report["summary"]["filesAnalyzed"] > 10
    found: dict[Path, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for diagnostic in report["generalDiagnostics"]:
        if diagnostic["severity"] == "error":
            line = diagnostic["range"]["start"]["line"] + 1
            found[Path(diagnostic["file"])][line].append(diagnostic["message"].splitlines()[0])
    return found


def listed(errors: dict[Path, dict[int, list[str]]], files: list[Path]) -> list[str]:
    return [f"{path.name}:{line}: {message}"
            for path in files for line, messages in sorted(errors.get(path, {}).items()) for message in messages]


def package_files() -> list[Path]:
    return [path for package in packages() for path in sorted(package.rglob("*.py"))]


def test_the_generated_packages_check_clean(errors):
    assert listed(errors, package_files()) == []


def test_the_user_script_checks_clean(errors):
    assert listed(errors, [USER_OK]) == []


def test_the_readme_snippets_check_clean(errors, snippets):
    assert listed(errors, snippets) == []


def test_every_wrong_usage_is_reported_and_nothing_else(errors):
    lines = USER_WRONG.read_text("utf-8").splitlines()
    expected = {number: match.group(1) for number, text in enumerate(lines, 1) if (match := EXPECTED.search(text))}
    reported = errors.get(USER_WRONG, {})
    assert len(expected) >= 10
    missed = {number: why for number, why in expected.items() if number not in reported}
    assert missed == {}, f"pyright did not report: {missed}"
    unexpected = {number: messages for number, messages in reported.items() if number not in expected}
    assert unexpected == {}


def test_the_user_script_runs_against_the_mock_gateway():
    env = dict(os.environ, ZHIXIN_API_KEY="sk-user", PYTHONPATH=os.pathsep.join(str(GENERATED / v) for v in VENDORS))
    with MockServer(VendorMock.from_generated(GENERATED, "zhixin", api_key="sk-user")) as server:
        env["RESPONSES_BASE_URL"] = server.url
        done = subprocess.run([sys.executable, str(USER_OK)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "refused before sending: ['/temperature']" in done.stdout
    assert done.stdout.rstrip().endswith("ok")
