"""The `responses-bindings` command line itself: --version, global options on either side of
the subcommand, one-line errors, and only the subcommand being run is imported."""

from __future__ import annotations

import subprocess
import sys

from responses_bindings import __version__

from conftest import GENERATED, REPO


def run(*args, cwd=REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "responses_bindings", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def test_version():
    done = run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"responses-bindings {__version__}"


def test_global_options_before_or_after_the_subcommand(tmp_path):
    before = run("--out", str(GENERATED), "examples", cwd=tmp_path)
    after = run("examples", "--out", str(GENERATED), cwd=tmp_path)
    assert before.returncode == after.returncode == 0 and before.stdout == after.stdout != ""
    missing = str(tmp_path / "no-spec")  # --spec read on either side: the same one-line error
    before, after = run("--spec", missing, "matrix", cwd=tmp_path), run("matrix", "--spec", missing, cwd=tmp_path)
    assert before.returncode == after.returncode == 2 and before.stderr == after.stderr
    assert "no-spec" in before.stderr and len(before.stderr.strip().splitlines()) == 1, before.stderr


def test_examples_outside_the_repository_is_one_line(tmp_path):
    done = run("examples", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["error: generated: no such folder (run from the repository's top, or pass --out)"]


def test_only_the_subcommand_run_is_imported(tmp_path):
    path = tmp_path / "r.json"
    path.write_text('{"model": "m"}', "utf-8")
    probe = (
        "import sys; from responses_bindings.cli import main; "
        f"code = main(['--out', {str(GENERATED)!r}, 'validate', '--vendor', 'ai360', {str(path)!r}]); "
        "heavy = [m for m in ('openapi_spec_validator', 'datamodel_code_generator', 'jsonschema', "
        "'responses_bindings.pipeline.generate', 'responses_bindings.commands.mock') if m in sys.modules]; "
        "print(code, heavy)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert done.stdout.strip().splitlines()[-1] == "0 []", done.stdout + done.stderr
