"""Find a vendor package (for validate and record): generated under --out, else installed."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from ..errors import UsageError
from ..pipeline.load import vendor_id_problem


def load_vendor(vendor: str, out: Path) -> ModuleType:
    """`<vendor>_responses` from `out/<vendor>/` when generated there, else as installed."""
    problem = vendor_id_problem(vendor)
    if problem:
        raise UsageError(f"--vendor {vendor!r}: {problem}")
    name = f"{vendor}_responses"
    init = out / vendor / name / "__init__.py"
    if name not in sys.modules and init.is_file():
        return _import_from(name, init)
    try:
        return importlib.import_module(name)
    except ImportError:
        known = sorted(p.name for p in out.iterdir() if (p / f"{p.name}_responses").is_dir()) if out.is_dir() else []
        hint = f"; generated vendors in {out}: {', '.join(known)}" if known else ""
        raise UsageError(f"unknown vendor {vendor!r}: no {out / vendor}/ and no installed {name} package{hint}") from None


def _import_from(name: str, init: Path) -> ModuleType:
    """Import package `name` from its `__init__.py`, without touching sys.path."""
    spec = importlib.util.spec_from_file_location(name, init, submodule_search_locations=[str(init.parent)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module
