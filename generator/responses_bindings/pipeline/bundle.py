"""Stage "bundle": one self-contained OpenAPI document per vendor.

File references (`$ref: ./components/schemas/X.yaml`) become `#/components/schemas/X`;
the file stem is the component name. Then the root's `x-differences` are applied as JSON
Merge Patches (RFC 7386) to the named components, which is how a vendor states what it
does differently from the shared components.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from ..common import pointer
from ..common.document import COMPONENT_PREFIX
from ..errors import SpecError
from .load import VendorRoot, read_yaml


@dataclass(frozen=True)
class Bundle:
    """A vendor's self-contained OpenAPI document and where each component came from."""

    document: dict
    origin: dict[str, str]
    root_file: str
    sources: tuple[Path, ...]


def merge_patch(target: object, patch: object) -> object:
    """RFC 7386: objects merge key by key, `null` deletes, anything else replaces."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


class _Bundler:
    def __init__(self, root: VendorRoot):
        self.root = root
        self.schemas: dict[str, dict] = {}
        self.origin: dict[str, Path] = {}

    def component_for_file(self, path: Path, where: str) -> str:
        name = path.stem
        known = self.origin.get(name)
        if known is not None and known != path:
            raise SpecError(path, "", f"component name {name!r} is also defined by {known}")
        if known is None:
            if not path.is_file():
                raise SpecError(self.root.path, where, f"$ref to a missing file {path}")
            self.origin[name] = path
            self.schemas[name] = {}  # placeholder against cycles
            self.schemas[name] = self.rewrite(read_yaml(path), path, "")
        return name

    def rewrite(self, node: object, base: Path, where: str) -> object:
        """Copy `node`, turning file $refs (relative to `base`) into component refs."""
        if isinstance(node, list):
            return [self.rewrite(item, base, pointer.join(where, i)) for i, item in enumerate(node)]
        if not isinstance(node, dict):
            return node
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and not value.startswith("#"):
                target = (base.parent / value).resolve()
                out[key] = COMPONENT_PREFIX + self.component_for_file(target, where)
            else:
                out[key] = self.rewrite(value, base, pointer.join(where, key))
        return out

    def run(self) -> dict:
        path = self.root.path.resolve()
        document = {k: v for k, v in self.root.document.items() if k != "x-differences"}
        local = (document.get("components") or {}).get("schemas") or {}
        for name in local:
            self.origin[name] = path
        document = self.rewrite(document, path, "")
        self.schemas.update(document.get("components", {}).get("schemas", {}))
        differences = self.root.document.get("x-differences") or []
        for index, difference in enumerate(differences):
            self.apply(difference, pointer.join("/x-differences", index))
        document.setdefault("components", {})["schemas"] = dict(sorted(self.schemas.items()))
        document["x-differences"] = [
            {"schema": d["schema"], "source": d["source"], "patch": self.rewrite(d["patch"], path, "")}
            for d in differences
        ]
        for name, schema in document["components"]["schemas"].items():
            self.check_refs(schema, pointer.join("/components/schemas", name))
        return document

    def apply(self, difference: object, where: str) -> None:
        if not isinstance(difference, dict) or set(difference) != {"schema", "source", "patch"}:
            raise SpecError(self.root.path, where, "a difference has exactly `schema`, `source` and `patch`")
        name = difference["schema"]
        if name not in self.schemas:
            raise SpecError(self.root.path, pointer.join(where, "schema"), f"no component named {name!r}")
        patch = self.rewrite(difference["patch"], self.root.path.resolve(), pointer.join(where, "patch"))
        self.schemas[name] = merge_patch(self.schemas[name], patch)

    def check_refs(self, node: object, where: str) -> None:
        if isinstance(node, list):
            for i, item in enumerate(node):
                self.check_refs(item, pointer.join(where, i))
        elif isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.removeprefix(COMPONENT_PREFIX) not in self.schemas:
                raise SpecError(self.root.path, where, f"unresolved $ref {ref!r}")
            for key, value in node.items():
                self.check_refs(value, pointer.join(where, key))


def _display(path: Path, root: VendorRoot) -> str:
    """A component's source file, relative to the folder that holds spec/."""
    top = root.path.resolve().parent.parent
    try:
        return path.relative_to(top).as_posix()
    except ValueError:
        return str(path)


def bundle(root: VendorRoot) -> Bundle:
    """Return the vendor's bundled OpenAPI document (a fresh dict) with component origins."""
    bundler = _Bundler(root)
    document = bundler.run()
    origin = {name: _display(path, root) for name, path in bundler.origin.items()}
    sources = tuple(sorted(set(bundler.origin.values()) | {root.path.resolve()}))
    return Bundle(document, origin, _display(root.path.resolve(), root), sources)
