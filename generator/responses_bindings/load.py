"""Stage 1, load: find the vendor roots in spec/ and read YAML files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class SpecError(Exception):
    """A problem in the spec, named by file and JSON pointer."""

    def __init__(self, file: Path | str, pointer: str, message: str):
        self.file, self.pointer, self.message = str(file), pointer, message
        super().__init__(f"{file}#{pointer}: {message}")


@dataclass(frozen=True)
class VendorRoot:
    """One vendor's root document: `spec/<vendor_id>.yaml`."""

    vendor_id: str
    path: Path
    document: dict

    @property
    def package_name(self) -> str:
        return f"{self.vendor_id}_responses"

    @property
    def distribution_name(self) -> str:
        return f"{self.vendor_id}-responses"


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses duplicate keys instead of keeping the last one."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict:
    mapping = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        if key in mapping:
            raise yaml.MarkedYAMLError(problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path) -> object:
    """Parse one YAML file, raising SpecError with the file and line on bad syntax."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise SpecError(path, "", f"invalid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    except OSError as exc:
        raise SpecError(path, "", f"cannot read: {exc.strerror}") from None


def discover_vendors(spec_dir: Path) -> list[VendorRoot]:
    """Every `*.yaml` directly in spec/ is a vendor root; its file name is the vendor id."""
    roots = []
    for path in sorted(spec_dir.glob("*.yaml")):
        vendor_id = path.stem
        if not vendor_id.isidentifier() or not vendor_id.islower():
            raise SpecError(path, "", "a vendor id (the root file name) must be a lower-case Python identifier")
        document = read_yaml(path)
        if not isinstance(document, dict) or "openapi" not in document:
            raise SpecError(path, "", "a vendor root must be an OpenAPI document")
        roots.append(VendorRoot(vendor_id, path, document))
    if not roots:
        raise SpecError(spec_dir, "", "no vendor root (*.yaml) found")
    _check_key_variables_are_unique(roots)
    return roots


def _check_key_variables_are_unique(roots: list[VendorRoot]) -> None:
    """Two roots naming one API key variable: a root copied from another vendor kept its value."""
    seen: dict[str, Path] = {}
    for root in roots:
        info = root.document.get("info")
        name = info.get("x-api-key-env") if isinstance(info, dict) else None
        if isinstance(name, str) and name in seen:
            raise SpecError(root.path, "/info/x-api-key-env", f"{name} is already the key variable of {seen[name].name}")
        if isinstance(name, str):
            seen[name] = root.path
