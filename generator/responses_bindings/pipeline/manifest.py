"""Stage "manifest": what a vendor project was generated from and what it holds."""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

from .load import VendorRoot
from .package import dump_json
from .stamp import JSON_KEY, notice

MANIFEST_NAME = "manifest.json"
TOOLS = ("responses-bindings", "datamodel-code-generator", "ruff")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_below(folder: Path) -> list[Path]:
    """Every file below `folder`, relative to it, in a stable order."""
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


def write_manifest(out: Path, root: VendorRoot, sources: tuple[Path, ...], kind_roots: dict[str, str]) -> dict:
    """Write `manifest.json` into project folder `out` and return it."""
    spec_top = root.path.resolve().parent
    manifest = {
        JSON_KEY: notice(root.path.name),
        "vendor": root.vendor_id,
        "kinds": kind_roots,
        "tools": {name: metadata.version(name) for name in TOOLS},
        "sources": {p.relative_to(spec_top).as_posix(): sha256(p) for p in sorted(sources)},
        "files": {p.as_posix(): sha256(out / p) for p in files_below(out) if p.name != MANIFEST_NAME},
    }
    (out / MANIFEST_NAME).write_text(dump_json(manifest), encoding="utf-8")
    return manifest
