"""The layers that must agree on every payload, each giving a `Verdict`.

- oracle: jsonschema's Draft 2020-12 validator on the kind schema (the reference);
- validate: the package's `validate()` (jsonschema-rs, the fast validator);
- parse: the package's `parse()`, from decoded JSON and from JSON bytes (pydantic, strict);
- models: the pydantic kind model itself, `model_validate(strict=True)`, pointers from its
  error locations.
"""

from __future__ import annotations

import inspect
import json
from dataclasses import dataclass, field

from pydantic import BaseModel, RootModel, ValidationError

from responses_bindings.common import pointer as json_pointer

from conftest import oracle_for, vendor_package


@dataclass
class Verdict:
    valid: bool
    pointers: set[str] = field(default_factory=set)
    dump: object = None  # the instance written back out, when valid
    value: object = None  # the typed object, when valid


def oracle(vendor: str, kind: str, instance: object) -> Verdict:
    """jsonschema's verdict (conftest.oracle_for), with the pointers of every error and sub-error."""
    pointers: set[str] = set()
    pending = list(oracle_for(vendor, kind, instance).iter_errors(instance))
    for error in pending:
        pointers.add(json_pointer.from_path(error.absolute_path))
        pending.extend(error.context or ())
    return Verdict(not pointers, pointers)


def package_issues(vendor: str, kind: str, instance: object) -> list:
    return vendor_package(vendor).validate(instance, kind=kind)


def validate(vendor: str, kind: str, instance: object) -> Verdict:
    issues = vendor_package(vendor).validate(instance, kind=kind)
    return Verdict(not issues, {issue.pointer for issue in issues})


def has_strict_validate(vendor: str) -> bool:
    return "strict" in inspect.signature(vendor_package(vendor).validate).parameters


def validate_strict(vendor: str, kind: str, instance: object) -> Verdict:
    issues = vendor_package(vendor).validate(instance, kind=kind, strict=True)
    return Verdict(not issues, {issue.pointer for issue in issues})


def _parse(vendor: str, kind: str, payload: object) -> Verdict:
    package = vendor_package(vendor)
    try:
        model = package.parse(payload, kind=kind)
    except package.PayloadError as exc:
        return Verdict(False, {issue.pointer for issue in exc.issues})
    return Verdict(True, dump=model.model_dump(mode="json", exclude_unset=True), value=model)


def parse(vendor: str, kind: str, instance: object) -> Verdict:
    return _parse(vendor, kind, instance)


def parse_warn(vendor: str, kind: str, instance: object) -> tuple[object, set[tuple[str, str]]]:
    """parse(validation="warn"): the object written back out, and its issues as (pointer, message)."""
    value = vendor_package(vendor).parse(json.dumps(instance).encode(), kind=kind, validation="warn")
    return value.model_dump(mode="json", exclude_unset=True), {(i.pointer, i.message) for i in value.validation_issues}


def parse_json(vendor: str, kind: str, instance: object) -> Verdict:
    return _parse(vendor, kind, json.dumps(instance).encode())


def loc_pointer(instance: object, loc: tuple) -> str:
    """The JSON pointer of a pydantic error location; union member tags in it are skipped.

    A tagged union puts the member's `type` value into the location before the member's
    fields; it is read as a tag even where a field has the same name (the `error` event's
    `error` field), since pydantic only writes it there when it chose a member by it."""
    pointer, node, tag_read = "", instance, False
    for token in loc:
        if isinstance(node, dict) and node.get("type") == token and not tag_read:
            tag_read = True  # one tag per object: the next token is one of its fields
            continue
        tag_read = False
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and isinstance(token, int) and 0 <= token < len(node):
            node = node[token]
        else:
            continue
        pointer = json_pointer.join(pointer, token)
    return pointer


def models(vendor: str, kind: str, instance: object) -> Verdict:
    adapter = vendor_package(vendor).kind_adapter(kind)
    try:
        value = adapter.validate_python(instance, strict=True)
    except ValidationError as exc:
        return Verdict(False, {loc_pointer(instance, error["loc"]) for error in exc.errors()})
    return Verdict(True, dump=value.model_dump(mode="json", exclude_unset=True), value=value)


JUDGED = {"validate": validate, "parse": parse, "parse_json": parse_json, "models": models}
TYPED = ("parse", "parse_json", "models")  # the layers that write the instance back


def model_classes_at(value: object, pointer: str) -> list[str]:
    """Class names of the typed object at `pointer` (pydantic root wrappers included)."""
    node = value
    for token in json_pointer.tokens(pointer):
        node = _child(node, token)
    names = []
    while True:
        names.append(type(node).__name__)
        if not isinstance(node, RootModel):
            return names
        node = node.root


def _child(node: object, token: str) -> object:
    while isinstance(node, RootModel):
        node = node.root
    if isinstance(node, list):
        return node[int(token)]
    if isinstance(node, dict):
        return node[token]
    if isinstance(node, BaseModel):
        for name, info in type(node).model_fields.items():
            if (info.alias or name) == token:
                return getattr(node, name)
        return node.model_extra[token]
    raise TypeError(f"no child {token!r} in a {type(node).__name__}")
