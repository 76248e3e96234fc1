"""Parse and validate this vendor's `/v1/responses` payloads against the bundled spec.

`validate()` checks a payload against the JSON Schema of its kind and returns every
problem, each with its JSON pointer, what was expected and what was found; `parse()` turns a
payload into the typed pydantic model and raises `PayloadError` (carrying the same problems)
when it does not fit. With `strict=True` both also report properties the schema does not
declare (the `schemas/strict/` variants close every object that lists its properties).

Errors inside a union are reported inside the variant the payload selects (see _unions).
"""

from __future__ import annotations

from pydantic import BaseModel, RootModel, ValidationError

from . import _schemas, models
from ._decode import decode
from ._faults import fast_faults, reference_faults
from ._issues import Issue, PayloadError, sort_key, worded
from ._kinds import KIND_MODELS
from ._pointer import from_path
from ._unions import leaves

ENGINES = ("fast", "reference")

__all__ = ["model_class", "parse", "validate"]


def _issues(faults: list) -> list[Issue]:
    return sorted({worded(fault) for fault in leaves(faults)}, key=sort_key)


def _has_empty_key(value: object) -> bool:
    pending = [value]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            if "" in node:
                return True
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return False


def validate(payload: object, kind: str = "response", strict: bool = False, *, engine: str = "fast") -> list[Issue]:
    """Every problem of `payload` (bytes, str or decoded JSON), sorted; [] = valid.

    `strict` also reports properties the schema does not declare. `engine="reference"`
    uses the pure-Python jsonschema package (slow; the tests' oracle) instead of jsonschema-rs.
    """
    try:
        validator = _schemas.VALIDATORS[(kind, strict)]
    except KeyError:
        validator = _schemas.validator(kind, strict)
    try:
        instance = decode(payload)
    except ValueError as exc:
        return [Issue("", f"not valid JSON: {exc}", "a JSON document", "not JSON", "json")]
    if engine == "fast":
        if validator.is_valid(instance):
            return []
        if not _has_empty_key(instance):
            document = _schemas.document(kind, strict)
            return _issues([f for error in validator.iter_errors(instance) for f in fast_faults(error, document)])
        engine = "reference"  # jsonschema-rs 0.60 drops "" keys from error paths; rare, so take the slow road
    if engine == "reference":
        document = _schemas.document(kind, strict)
        reference = _schemas.reference(kind, strict)
        return _issues([f for error in reference.iter_errors(instance) for f in reference_faults(error, document)])
    raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")


def model_class(kind: str) -> type[BaseModel]:
    """The pydantic model of one payload kind."""
    _schemas.check_kind(kind)
    return getattr(models, KIND_MODELS[kind])


def parse(payload: object, kind: str = "response", strict: bool = False) -> BaseModel:
    """The typed model of `payload`; raises PayloadError with the issues validate() reports.

    The payload is checked against the JSON Schema first (so parse and validate always agree),
    then built by the pydantic model in strict mode.
    """
    try:
        instance = decode(payload)
    except ValueError:
        raise PayloadError(kind, validate(payload, kind, strict)) from None
    issues = validate(instance, kind, strict)
    if issues:
        raise PayloadError(kind, issues)
    try:
        parsed = model_class(kind).model_validate(instance, strict=True)
    except ValidationError as exc:
        found = [Issue(from_path(e["loc"]), e["msg"], keyword="model") for e in exc.errors(include_url=False)]
        raise PayloadError(kind, found) from None
    return parsed.root if isinstance(parsed, RootModel) else parsed
