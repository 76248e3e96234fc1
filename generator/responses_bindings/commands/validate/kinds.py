"""`--kind auto`: tell a payload's kind from its shape."""

from __future__ import annotations

import json
from types import ModuleType


def guess_kind(value: object, package: ModuleType) -> tuple[str, str]:
    """The kind a payload's shape says it is, and why; the closest kind when the shape is unclear."""
    if isinstance(value, dict):
        tag = value.get("type")
        if value.get("object") == "response":
            return "response", 'object is "response"'
        if isinstance(tag, str) and (tag.startswith("response.") or tag == "error"):
            return "event", f"type is {json.dumps(tag)}"
        if "model" not in value and ("error" in value or {"code", "message"} <= value.keys()):
            return "error", "error fields and no model"
        if "model" in value and "output" not in value:
            return "request", "model and no output"
    counts = {kind: len(package.validate(value, kind)) for kind in package.KINDS}
    best = min(package.KINDS, key=lambda kind: counts[kind])
    return best, "closest match"
