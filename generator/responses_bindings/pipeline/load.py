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


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A YAML loader that refuses duplicate keys instead of keeping the last one (libyaml's parser
    when PyYAML has it: ~5x faster)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict:
    mapping = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        if key in mapping:
            raise yaml.MarkedYAMLError(problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


_PARSED: dict[str, object] = {}  # file text -> its YAML value: a spec is read once per side and vendor
_PARSED_LIMIT = 4096


def _copy(value: object) -> object:
    """A copy of a YAML value's containers (the cached value itself is never handed out)."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def read_yaml(path: Path) -> object:
    """Parse one YAML file, raising SpecError with the file and line on bad syntax."""
    try:
        text = path.read_text(encoding="utf-8")
        if text not in _PARSED:
            if len(_PARSED) >= _PARSED_LIMIT:
                _PARSED.clear()
            _PARSED[text] = yaml.load(text, Loader=_UniqueKeyLoader)
        return _copy(_PARSED[text])
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
