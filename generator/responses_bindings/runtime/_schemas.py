"""The bundled JSON Schemas of each payload kind, and the validators built from them (cached)."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema_rs

from ._kinds import KIND_MODELS

KINDS = tuple(KIND_MODELS)

__all__ = ["KINDS", "schema"]


def check_kind(kind: str) -> None:
    if kind not in KIND_MODELS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")


def schema(kind: str, strict: bool = False) -> dict:
    """The JSON Schema (Draft 2020-12) of one payload kind; `strict` closes every object."""
    check_kind(kind)
    folder = resources.files(__package__ or __name__.rpartition(".")[0]).joinpath("schemas")
    if strict:
        folder = folder.joinpath("strict")
    return json.loads(folder.joinpath(f"{kind}.json").read_text("utf-8"))


DOCUMENTS: dict[tuple[str, bool], dict] = {}
VALIDATORS: dict[tuple[str, bool], jsonschema_rs.Validator] = {}


def document(kind: str, strict: bool) -> dict:
    """The cached schema of a kind (read-only: callers get copies from schema())."""
    key = (kind, strict)
    if key not in DOCUMENTS:
        DOCUMENTS[key] = schema(kind, strict)
    return DOCUMENTS[key]


def validator(kind: str, strict: bool = False) -> jsonschema_rs.Validator:
    key = (kind, strict)
    if key not in VALIDATORS:
        VALIDATORS[key] = jsonschema_rs.validator_for(document(kind, strict))
    return VALIDATORS[key]
