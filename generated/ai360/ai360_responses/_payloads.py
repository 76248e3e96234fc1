"""Parse and validate this vendor's `/v1/responses` payloads against the bundled spec.

`validate()` checks a payload against the JSON Schema of its kind and returns every
problem with its JSON pointer; `parse()` turns a payload into the typed pydantic model,
strictly, and raises `PayloadError` (carrying the same problems) when it does not fit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import jsonschema_rs
from pydantic import BaseModel, RootModel, ValidationError

from . import models
from ._kinds import KIND_MODELS

KINDS = tuple(KIND_MODELS)


def _escape(token: object) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def _pointer(path) -> str:
    return "".join("/" + _escape(token) for token in path)


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in a payload: where (a JSON pointer) and what."""

    pointer: str
    message: str

    def __str__(self) -> str:
        return f"{self.pointer or '/'}: {self.message}"


class PayloadError(ValueError):
    """A payload that does not fit its kind's schema; `issues` lists every problem."""

    def __init__(self, kind: str, issues: list[Issue]):
        self.kind, self.issues = kind, issues
        lines = "\n".join(f"  {issue}" for issue in issues)
        super().__init__(f"invalid {kind} payload ({len(issues)} problem(s)):\n{lines}")


def _check_kind(kind: str) -> None:
    if kind not in KIND_MODELS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")


def _decode(payload: object) -> object:
    if isinstance(payload, (bytes, bytearray, memoryview, str)):
        return json.loads(bytes(payload) if not isinstance(payload, str) else payload)
    return payload


def schema(kind: str) -> dict:
    """The JSON Schema (Draft 2020-12) of one payload kind."""
    _check_kind(kind)
    return json.loads(
        resources.files(__package__)
        .joinpath("schemas", f"{kind}.json")
        .read_text("utf-8")
    )


@cache
def _validator(kind: str):
    return jsonschema_rs.validator_for(schema(kind))


def validate(payload: object, kind: str = "response") -> list[Issue]:
    """Every problem of `payload` (bytes, str or decoded JSON) as a sorted list; [] = valid."""
    _check_kind(kind)
    try:
        instance = _decode(payload)
    except (ValueError, UnicodeDecodeError) as exc:
        return [Issue("", f"not valid JSON: {exc}")]
    found = {
        Issue(_pointer(error.instance_path), error.message)
        for error in _validator(kind).iter_errors(instance)
    }
    return sorted(found)


def model_class(kind: str) -> type[BaseModel]:
    """The pydantic model of one payload kind."""
    _check_kind(kind)
    return getattr(models, KIND_MODELS[kind])


def parse(payload: object, kind: str = "response") -> BaseModel:
    """The typed model of `payload`, validated strictly; raises PayloadError."""
    model = model_class(kind)
    try:
        if isinstance(payload, (bytes, bytearray, str)):
            parsed = model.model_validate_json(payload, strict=True)
        else:
            parsed = model.model_validate(payload, strict=True)
    except ValidationError as exc:
        issues = validate(payload, kind) or [
            Issue(_pointer(error["loc"]), error["msg"])
            for error in exc.errors(include_url=False)
        ]
        raise PayloadError(kind, issues) from None
    return parsed.root if isinstance(parsed, RootModel) else parsed
