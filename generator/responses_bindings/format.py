"""Stage 7, format: one formatter over the whole generated package, with no cache left behind."""

from __future__ import annotations

import shutil
from pathlib import Path

from .tools import run_tool, tool_path


def format_package(package: Path) -> None:
    """`ruff format` every Python file of `package`, ignoring any ruff config around it."""
    run_tool([tool_path("ruff"), "format", "--isolated", "--no-cache", "--quiet", str(package)], cwd=package)
    shutil.rmtree(package / ".ruff_cache", ignore_errors=True)
