"""Stage "client": the httpx client from the bundle with openapi-python-client.

Run with `--fail-on-warning`: the tool otherwise exits 0 while skipping what it cannot
handle. `--meta none` writes a bare package, which we nest as `<package>.client`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .external import run_tool, tool_path

CLIENT_CONFIG = "post_hooks: []\n"


def write_client(openapi_json: Path, target: Path) -> None:
    """Write the client package to `target` (a directory that must not exist)."""
    config = openapi_json.parent / "openapi-python-client.yaml"
    config.write_text(CLIENT_CONFIG)
    args = [
        tool_path("openapi-python-client"), "generate",
        "--path", openapi_json.name,
        "--meta", "none",
        "--fail-on-warning",
        "--config", config.name,
        "--output-path", str(target.resolve()),
    ]
    run_tool(args, cwd=openapi_json.parent)
    config.unlink()
    shutil.rmtree(target / ".ruff_cache", ignore_errors=True)
