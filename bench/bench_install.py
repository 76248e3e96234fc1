"""What validating in CI costs to install: packages, installed size and seconds, for three setups.

- `vendor package`: `pip install generated/<vendor>`, then `python -m <vendor>_responses validate`
  (the README's CI snippet);
- `pre-commit hook`: the same plus this repository's plain install (`pip install .`, PyYAML only),
  what pre-commit installs for the hook, then `responses-bindings validate`;
- `generator toolchain`: `pip install ".[generate]"` plus the vendor package (what validating
  needed before the validator shipped in the packages).
Each into a fresh venv (pip's cache as it is on this machine); sizes are of site-packages.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENDOR = "zhixin"
BASELINE = {"pip", "setuptools"}  # what a fresh venv already has


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def measure(name: str, targets: list[str], scratch: Path) -> tuple[str, int, float, float]:
    env_dir = scratch / name.replace(" ", "-")
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.check_output([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                        text=True).strip())
    before = folder_bytes(site)
    started = time.perf_counter()
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *targets],
                   check=True, cwd=scratch)
    seconds = time.perf_counter() - started
    listed = json.loads(subprocess.check_output([str(python), "-m", "pip", "list", "--format", "json"], text=True))
    packages = len([p for p in listed if p["name"].lower() not in BASELINE])
    return name, packages, (folder_bytes(site) - before) / 1e6, seconds


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-install-") as work:
        scratch = Path(work)
        project = scratch / "vendor"
        shutil.copytree(REPO / "generated" / VENDOR, project)
        repo = scratch / "repo"
        shutil.copytree(REPO, repo, ignore=shutil.ignore_patterns(".venv", ".git", "generated", "tests", "*.egg-info",
                                                                  "__pycache__", "build", ".*_cache", ".hypothesis"))
        rows = [
            measure("vendor package", [str(project)], scratch),
            measure("pre-commit hook", [str(repo), str(project)], scratch),
            measure("generator toolchain", [f"{repo}[generate]", str(project)], scratch),
        ]
    print(f"validating {VENDOR} in CI: what a fresh venv needs installed (python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores)")
    print(f"{'setup':22} {'packages':>8} {'MB':>8} {'seconds':>8}")
    for name, packages, megabytes, seconds in rows:
        print(f"{name:22} {packages:>8} {megabytes:>8.1f} {seconds:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
