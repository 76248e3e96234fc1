"""Stage "load": find the vendor roots in spec/ and read YAML files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import SpecError


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


def vendor_id_problem(vendor_id: str) -> str | None:
    """Why `vendor_id` is not a valid vendor id (a lower-case Python identifier), or None."""
    if vendor_id.isidentifier() and vendor_id.isascii() and vendor_id.islower() and vendor_id[0].isalpha():
        return None
    return "expected a vendor id (a lower-case Python identifier starting with a letter, such as ai360)"


def read_root(path: Path) -> VendorRoot:
    """The vendor root document at `path`, whatever its file is called (diff reads old copies)."""
    document = read_yaml(path)
    if not isinstance(document, dict) or "openapi" not in document:
        raise SpecError(path, "", "a vendor root must be an OpenAPI document")
    return VendorRoot(path.stem, path, document)


def discover_vendors(spec_dir: Path) -> list[VendorRoot]:
    """Every `*.yaml` directly in spec/ is a vendor root; its file name is the vendor id."""
    roots = []
    for path in sorted(spec_dir.glob("*.yaml")):
        problem = vendor_id_problem(path.stem)
        if problem:
            raise SpecError(path, "", f"the root file name is the vendor id; {problem}")
        roots.append(read_root(path))
    if not roots:
        raise SpecError(spec_dir, "", "no vendor root (*.yaml) found")
    return roots
