"""Running the external generators as subprocesses, with their output checked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..errors import ToolError


def tool_path(name: str) -> str:
    """The tool installed beside this interpreter (the project's venv)."""
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def run_tool(args: list[str], cwd: Path) -> str:
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    env["RUFF_NO_CACHE"] = "true"
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    output = done.stdout + done.stderr
    if done.returncode != 0:
        raise ToolError(f"{Path(args[0]).name} failed ({done.returncode}):\n{output}")
    return output
