"""Stage "bundle": one self-contained OpenAPI document per vendor.

File references (`$ref: ./components/schemas/X.yaml`) become `#/components/schemas/X`;
the file stem is the component name. A path item that is a file reference
(`/v1/responses: {$ref: ./paths/responses.yaml}`) is read in place, and the root's
`x-examples` are put into that operation. Then the root's `x-differences` are applied to
the named components: JSON Merge Patches (RFC 7386) in which `{x-append: [...]}` and
`{x-remove: [...]}` change an array instead of replacing it. That is how a vendor states
what it does differently from the shared components. spec/README.md documents each `x-` key.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from ..common import pointer
from ..common.document import COMPONENT_PREFIX, KIND_LOCATIONS, RESPONSES_PATH, kind_media
from ..errors import SpecError
from .load import VendorRoot, read_yaml

LIST_OPERATIONS = ("x-append", "x-remove")


@dataclass(frozen=True)
class Difference:
    """One applied `x-differences` entry: the component before it, and the patch (refs resolved)."""

    index: int
    schema: str
    before: dict
    patch: dict


@dataclass(frozen=True)
class Bundle:
    """A vendor's self-contained OpenAPI document and where each part came from."""

    document: dict
    origin: dict[str, str]  # component name -> file (relative to the folder holding spec/)
    root_file: str
    sources: tuple[Path, ...]
    vendor_id: str = ""
    path_origin: dict[str, str] = field(default_factory=dict)  # path -> file of a referenced path item
    differences: tuple[Difference, ...] = ()
    shared: dict[str, dict] = field(default_factory=dict)  # the components before any difference


def is_list_operation(patch: object) -> bool:
    """`{x-append: [...]}` and/or `{x-remove: [...]}`: a patch that edits an array."""
    return isinstance(patch, dict) and bool(patch) and set(patch) <= set(LIST_OPERATIONS)


def apply_patch(target: object, patch: object, file: Path, where: str) -> object:
    """An RFC 7386 merge patch (objects merge key by key, `null` deletes, anything else replaces),
    except that a list operation edits the target array in place of replacing it.

    `x-remove` drops the listed members, then `x-append` adds its members at the end; a
    member to remove that is not there, or an operation on something that is not an array,
    is an error at `where` in `file`.
    """
    if is_list_operation(patch):
        if not isinstance(target, list):
            raise SpecError(file, where, "x-append/x-remove edit an array, but the shared component has none here")
        result = list(target)
        for index, member in enumerate(_operation_list(patch, "x-remove", file, where)):
            if member not in result:
                raise SpecError(file, pointer.join(where, "x-remove", index), f"{member!r} is not in the shared array")
            result.remove(member)
        return result + copy.deepcopy(_operation_list(patch, "x-append", file, where))
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = apply_patch(result.get(key), value, file, pointer.join(where, key))
    return result


def _operation_list(patch: dict, key: str, file: Path, where: str) -> list:
    members = patch.get(key, [])
    if not isinstance(members, list):
        raise SpecError(file, pointer.join(where, key), f"{key} takes a list")
    return members


class _Bundler:
    def __init__(self, root: VendorRoot):
        self.root = root
        self.schemas: dict[str, dict] = {}
        self.origin: dict[str, Path] = {}
        self.path_origin: dict[str, Path] = {}
        self.differences: list[Difference] = []
        self.shared: dict[str, dict] = {}

    def component_for_file(self, path: Path, file: Path, where: str) -> str:
        name = path.stem
        known = self.origin.get(name)
        if known is not None and known != path:
            raise SpecError(path, "", f"component name {name!r} is also defined by {known}")
        if known is None:
            if not path.is_file():
                raise SpecError(file, where, f"$ref to a missing file {path}")
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
                out[key] = COMPONENT_PREFIX + self.component_for_file(target, base, where)
            else:
                out[key] = self.rewrite(value, base, pointer.join(where, key))
        return out

    def path_items(self, paths: object) -> dict:
        """The root's `paths`, each path item that is a file $ref read from its file."""
        if not isinstance(paths, dict):
            return {}
        resolved = {}
        for path, item in paths.items():
            where = pointer.join("/paths", path)
            ref = item.get("$ref") if isinstance(item, dict) else None
            if not isinstance(ref, str) or ref.startswith("#"):
                resolved[path] = self.rewrite(item, self.root.path.resolve(), where)
                continue
            if set(item) != {"$ref"}:
                raise SpecError(self.root.path, where, "a path item that is a $ref has no other keys")
            target = (self.root.path.resolve().parent / ref).resolve()
            if not target.is_file():
                raise SpecError(self.root.path, pointer.join(where, "$ref"), f"$ref to a missing file {target}")
            content = read_yaml(target)
            if not isinstance(content, dict):
                raise SpecError(target, "", "a path item file holds a mapping (`post: ...`)")
            self.path_origin[path] = target
            resolved[path] = self.rewrite(content, target, "")
        return resolved

    def run(self) -> dict:
        path = self.root.path.resolve()
        extensions = ("x-differences", "x-examples")
        document = {k: v for k, v in self.root.document.items() if k not in extensions and k != "paths"}
        for name in (document.get("components") or {}).get("schemas") or {}:
            self.origin[name] = path
        document = self.rewrite(document, path, "")
        document["paths"] = self.path_items(self.root.document.get("paths"))
        self.put_examples(document["paths"], self.root.document.get("x-examples") or {})
        self.schemas.update(document.get("components", {}).get("schemas", {}))
        self.shared = copy.deepcopy(self.schemas)
        differences = self.root.document.get("x-differences") or []
        if not isinstance(differences, list):
            raise SpecError(self.root.path, "/x-differences", "x-differences is a list")
        for index, difference in enumerate(differences):
            self.apply(index, difference)
        document.setdefault("components", {})["schemas"] = dict(sorted(self.schemas.items()))
        document["x-differences"] = [
            {"schema": d["schema"], "source": d["source"], "patch": applied.patch}
            for d, applied in zip(differences, self.differences, strict=True)
        ]
        for name, schema in document["components"]["schemas"].items():
            self.check_refs(schema, pointer.join("/components/schemas", name))
        return document

    def put_examples(self, paths: dict, examples: object) -> None:
        """Put the root's `x-examples` (kind -> name -> Example Object) into the operation."""
        if not isinstance(examples, dict):
            raise SpecError(self.root.path, "/x-examples", "x-examples maps a payload kind to named examples")
        operation = (paths.get(RESPONSES_PATH) or {}).get("post") or {}
        for kind, named in examples.items():
            where = pointer.join("/x-examples", kind)
            if kind not in KIND_LOCATIONS:
                raise SpecError(self.root.path, where, f"unknown payload kind; one of {', '.join(KIND_LOCATIONS)}")
            if not isinstance(named, dict) or not all(isinstance(e, dict) and "value" in e for e in named.values()):
                raise SpecError(self.root.path, where, "each example is an Example Object with a `value`")
            location, media_type = KIND_LOCATIONS[kind]
            media = kind_media(operation, kind)
            if not media:
                raise SpecError(self.root.path, where, f"the operation has no {media_type} {location} for {kind} examples")
            media["examples"] = {**(media.get("examples") or {}), **copy.deepcopy(named)}

    def apply(self, index: int, difference: object) -> None:
        where = pointer.join("/x-differences", index)
        if not isinstance(difference, dict) or set(difference) != {"schema", "source", "patch"}:
            raise SpecError(self.root.path, where, "a difference has exactly `schema`, `source` and `patch`")
        name = difference["schema"]
        if name not in self.schemas:
            raise SpecError(self.root.path, pointer.join(where, "schema"), f"no component named {name!r}")
        if not isinstance(difference["patch"], dict):
            raise SpecError(self.root.path, pointer.join(where, "patch"), "a patch is a mapping (a JSON Merge Patch)")
        patch = self.rewrite(difference["patch"], self.root.path.resolve(), pointer.join(where, "patch"))
        before = self.schemas[name]
        self.schemas[name] = apply_patch(before, patch, self.root.path, pointer.join(where, "patch"))
        self.differences.append(Difference(index, name, before, patch))

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
    """A spec file, relative to the folder that holds spec/."""
    top = root.path.resolve().parent.parent
    try:
        return path.relative_to(top).as_posix()
    except ValueError:
        return str(path)


def bundle(root: VendorRoot) -> Bundle:
    """Return the vendor's bundled OpenAPI document (a fresh dict) with the origin of each part."""
    bundler = _Bundler(root)
    document = bundler.run()
    files = set(bundler.origin.values()) | set(bundler.path_origin.values()) | {root.path.resolve()}
    return Bundle(
        document,
        origin={name: _display(path, root) for name, path in bundler.origin.items()},
        root_file=_display(root.path.resolve(), root),
        sources=tuple(sorted(files)),
        vendor_id=root.vendor_id,
        path_origin={path: _display(file, root) for path, file in bundler.path_origin.items()},
        differences=tuple(bundler.differences),
        shared=bundler.shared,
    )
