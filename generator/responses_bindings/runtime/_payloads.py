"""Parse and validate this vendor's `/v1/responses` payloads against the bundled spec.

`validate()` checks a payload against the JSON Schema of its kind and returns its problems,
each with its JSON pointer, what was expected and what was found; `parse()` turns a payload
into the typed pydantic model and raises `PayloadError` (carrying the same problems) when it
does not fit; `loads()` only reads the JSON. With `strict=True` validate and parse also report
properties the schema does not declare (the `schemas/strict/` variants close every object
that lists its properties).

Text is read strictly (see _json): a repeated name, a NaN, invalid UTF-8, nesting deeper
than 1024 or a payload encoded twice is one problem, never an exception. Cost follows the
problems reported (see _engines): `max_issues` stops the search.

Errors inside a union are reported inside the variant the payload selects (see _unions).

`validation=` is parse()'s policy for a payload that deviates from the spec: "strict" and
"spec" raise (strict also for undeclared properties), "warn" returns it typed where it fits
and as sent where it does not (see _tolerant), its issues in `validation_issues` and one
logged warning, "off" skips the schema check and builds the same way. Text that is not a
JSON object raises in every policy.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, get_args, overload

import orjson
from pydantic import BaseModel, TypeAdapter, ValidationError

from . import _schemas, _tolerant
from ._engines import ENGINES, faults, variant_cap
from ._issues import ALLOWABLE, Issue, Issues, PayloadError, worded
from ._json import JSONError, check, decode
from ._kinds import KIND_MODELS
from ._model import Model, UnknownEvent
from ._pointer import from_path
from ._unions import leaves

if TYPE_CHECKING:
    from ._kinds import ErrorModel, EventModel, RequestModel, ResponseModel

PARSE_MAX_ISSUES = 100  # problems a PayloadError from parse() lists at most
LOGGED_POINTERS = 10  # pointers a "warn" log line names

Validation = Literal["strict", "spec", "warn", "off"]
POLICIES: tuple[str, ...] = get_args(Validation)

log = logging.getLogger(__package__)

__all__ = ["POLICIES", "Validation", "kind_adapter", "kind_type", "loads", "parse", "validate"]

TEXT_TYPES = (bytes, bytearray, memoryview, str)


def check_policy(validation: str) -> None:
    if validation not in POLICIES:
        raise ValueError(f"unknown validation {validation!r}; expected one of {', '.join(POLICIES)}")


def _allowed(allow: object) -> tuple[str, ...]:
    classes = (allow,) if isinstance(allow, str) else tuple(allow)  # type: ignore[arg-type]
    unknown = [c for c in classes if c not in ALLOWABLE]
    if unknown:
        raise ValueError(f"cannot allow {', '.join(map(repr, unknown))}; deviation classes: {', '.join(ALLOWABLE)}")
    return classes


def _check_options(kind: str, engine: str, max_issues: int | None) -> None:
    _schemas.check_kind(kind)
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    if max_issues is not None and (type(max_issues) is not int or max_issues < 1):
        raise ValueError(f"max_issues must be a positive integer or None, not {max_issues!r}")


def _json_issue(exc: JSONError) -> Issue:
    return Issue(exc.pointer, exc.message, "a JSON document", exc.found, "json")


def _holds_json(text: str) -> bool:
    """A string whose text is itself a JSON object or array: a payload encoded twice."""
    if text[:64].lstrip()[:1] not in ("{", "["):
        return False
    try:
        orjson.loads(text)
    except orjson.JSONDecodeError:
        return False
    return True


def _load(payload: object) -> object:
    """The JSON value of payload text (bytes or str), or a Python value checked to be plain JSON."""
    if not isinstance(payload, TEXT_TYPES):
        check(payload)
        return payload
    value = decode(payload)
    if isinstance(value, str) and _holds_json(value):
        raise JSONError("", "double-encoded: a JSON string whose text is a JSON document; decode it once more",
                        "a string holding JSON")
    return value


def loads(payload: bytes | bytearray | memoryview | str) -> object:
    """The JSON value of payload text, read strictly; PayloadError (one issue, keyword "json")
    for text that is not JSON, repeats a name, nests deeper than 1024 or is encoded twice."""
    if not isinstance(payload, TEXT_TYPES):
        raise TypeError(f"loads() reads bytes or str, not {type(payload).__name__}")
    try:
        return _load(payload)
    except JSONError as exc:
        raise PayloadError("JSON", [_json_issue(exc)]) from None


def _validate(instance: object, kind: str, strict: bool, engine: str, max_issues: int | None) -> Issues:
    if engine == "fast" and _schemas.validator(kind, strict).is_valid(instance):
        return Issues()
    found: dict[Issue, None] = {}
    with variant_cap(max_issues):
        for fault in faults(instance, kind, strict, engine):
            for leaf in leaves([fault]):
                found.setdefault(worded(leaf))
            if max_issues is not None and len(found) > max_issues:
                break
    return Issues.of(found, max_issues)


def validate(
    payload: object,
    kind: str = "response",
    strict: bool = False,
    *,
    allow: str | tuple[str, ...] | list[str] = (),
    engine: str = "fast",
    max_issues: int | None = None,
) -> Issues:
    """The problems of `payload` (bytes, str or decoded JSON), sorted; [] = valid.

    `strict` also reports properties the schema does not declare. `allow` names deviation
    classes (DEVIATIONS) that do not make the payload invalid: their issues are still listed,
    marked `allowed`, and `issues.valid` is True when only those occur. `max_issues` stops
    looking after that many (`issues.truncated` then says more were there). `engine="reference"`
    uses the pure-Python jsonschema package (slow; the tests' oracle). A str is JSON text.
    """
    _check_options(kind, engine, max_issues)
    classes = _allowed(allow) if allow else ()
    try:
        instance = _load(payload)
    except JSONError as exc:
        return Issues([_json_issue(exc)])
    return _validate(instance, kind, strict, engine, max_issues).allowing(classes)


def kind_type(kind: str) -> Any:
    """The type of one payload kind in `models`: a model class (`Response`), or the union a
    union kind is (`ResponseStreamEvent`, an annotated type alias)."""
    _schemas.check_kind(kind)
    from . import models  # here, not at the top: validate() needs no models, and building them takes most of an import

    return getattr(models, KIND_MODELS[kind])


@cache
def kind_adapter(kind: str) -> TypeAdapter:
    """The pydantic TypeAdapter parse() builds a kind's objects with (built on first use, cached)."""
    return _tolerant.adapter(kind_type(kind))


@overload
def parse(payload: object, kind: Literal["request"], strict: bool = False, *, validation: Validation = "spec",
          max_issues: int = PARSE_MAX_ISSUES) -> RequestModel: ...
@overload
def parse(payload: object, kind: Literal["response"] = "response", strict: bool = False, *, validation: Validation = "spec",
          max_issues: int = PARSE_MAX_ISSUES) -> ResponseModel: ...
@overload
def parse(payload: object, kind: Literal["error"], strict: bool = False, *, validation: Validation = "spec",
          max_issues: int = PARSE_MAX_ISSUES) -> ErrorModel: ...
@overload
def parse(payload: object, kind: Literal["event"], strict: bool = False, *, validation: Validation = "spec",
          max_issues: int = PARSE_MAX_ISSUES) -> EventModel | UnknownEvent: ...
def parse(payload: object, kind: str = "response", strict: bool = False, *, validation: Validation = "spec",
          max_issues: int = PARSE_MAX_ISSUES) -> Any:
    """The typed model of `payload`, by the `validation` policy (`strict=True` is "strict").

    "strict"/"spec" (the default): raises PayloadError with the issues validate() reports (at
    most `max_issues`). "warn": never raises for a JSON object; returns it typed where it fits
    and as sent where it does not, its issues in `validation_issues`, and logs one warning.
    "off": no schema check, built the same way. The payload is checked against the JSON
    Schema first (so parse and validate always agree), then built by the pydantic model in
    strict mode.
    """
    _check_options(kind, "fast", max_issues)
    check_policy(validation)
    policy = "strict" if strict else validation
    try:
        instance = _load(payload)
    except JSONError as exc:
        raise PayloadError(kind, [_json_issue(exc)]) from None
    if policy == "off":
        return _kept(instance, kind, Issues())
    issues = _validate(instance, kind, policy == "strict", "fast", max_issues)
    if not issues:
        try:
            return _typed(instance, kind, max_issues)
        except PayloadError as exc:
            if policy != "warn":
                raise
            issues = Issues(exc.issues)
    elif policy != "warn":
        raise PayloadError(kind, issues)
    log.warning("%s payload deviates from the spec at %s", kind, _pointers(issues))
    return _kept(instance, kind, issues)


def _typed(instance: object, kind: str, max_issues: int) -> Any:
    """A valid instance as its kind's model, built strictly; PayloadError where the model disagrees."""
    try:
        return kind_adapter(kind).validate_python(instance, strict=True)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        found = Issues.of([Issue(from_path(e["loc"]), e["msg"], keyword="model") for e in errors], max_issues)
        raise PayloadError(kind, found) from None


def _kept(instance: object, kind: str, issues: Issues) -> Any:
    """The instance typed where it fits and as sent where it does not, its issues recorded."""
    if not isinstance(instance, dict):
        raise PayloadError(kind, issues or [Issue("", "expected a JSON object", "object", type(instance).__name__, "type")])
    built = _tolerant.build(kind_type(kind), instance)
    if not isinstance(built, BaseModel):  # an event of a type the spec does not list
        built = UnknownEvent.model_construct(_fields_set=set(instance), **instance)
    if isinstance(built, Model):
        built._record(list(issues), kept_as_sent=True)
    return built


def _pointers(issues: list[Issue]) -> str:
    shown = sorted({issue.pointer or "/" for issue in issues})
    more = f" and {len(shown) - LOGGED_POINTERS} more" if len(shown) > LOGGED_POINTERS else ""
    return ", ".join(shown[:LOGGED_POINTERS]) + more
