"""Parse and validate this vendor's `/v1/responses` payloads against the bundled spec.

`validate()` checks a payload against the JSON Schema of its kind and returns every
problem, each with its JSON pointer, what was expected and what was found; `parse()` turns a
payload into the typed pydantic model and raises `PayloadError` (carrying the same problems)
when it does not fit. With `strict=True` both also report properties the schema does not
declare (the `schemas/strict/` variants close every object that lists its properties).

Errors inside a union are reported inside the variant the payload selects: by its `type`
member, by its JSON type, or else by the variant it comes closest to, so a bad field of a
`function_call` item is reported at that field rather than as "matches no variant".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

import jsonschema_rs
import orjson
from pydantic import BaseModel, RootModel, ValidationError

from . import models
from ._kinds import KIND_MODELS

KINDS = tuple(KIND_MODELS)
ENGINES = ("fast", "reference")
UNION_KEYWORDS = ("oneOf", "anyOf")
UNKNOWN_KEYWORDS = ("unevaluatedProperties", "additionalProperties")
SHOWN_CHARS = 60


def _escape(token: object) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def _pointer(path) -> str:
    return "".join("/" + _escape(token) for token in path)


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in a payload: where (a JSON pointer), what was expected and what was found.

    A missing required property points at the object that lacks it (as JSON Schema itself
    does) and names it; an unknown property (strict mode) points at the property itself.
    """

    pointer: str
    message: str
    expected: str = ""
    found: str = ""
    keyword: str = ""

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


# 19+ digits in a row: maybe an integer beyond 64 bits, which orjson reads as a float. Found by
# mapping every digit to "0" and anything else to "x" (C speed; a regex took 6x orjson's time).
_DIGITS_AS_ZEROS = bytes(
    ord("0") if chr(c).isdigit() and c < 128 else ord("x") for c in range(256)
)
_LONG_RUN = b"0" * 19


def _may_hold_long_integer(payload: bytes | bytearray | memoryview | str) -> bool:
    if isinstance(payload, str):
        payload = payload.encode("utf-8", "surrogatepass")
    elif isinstance(payload, memoryview):
        payload = payload.tobytes()
    return _LONG_RUN in payload.translate(_DIGITS_AS_ZEROS)


def _decode(payload: object) -> object:
    """Decoded JSON; bytes and str are parsed (orjson: RFC 8259, depth ≤ 1024, UTF-8 only).

    orjson silently turns an integer beyond the 64-bit range into a float; a payload that may
    hold one is read by the standard library instead, which keeps every integer exact.
    """
    if isinstance(payload, (bytes, bytearray, memoryview, str)):
        if _may_hold_long_integer(payload):
            orjson.loads(payload)  # the same errors (and limits) as the fast path
            return json.loads(
                payload if not isinstance(payload, memoryview) else bytes(payload)
            )
        return orjson.loads(payload)
    return payload


def schema(kind: str, strict: bool = False) -> dict:
    """The JSON Schema (Draft 2020-12) of one payload kind; `strict` closes every object."""
    _check_kind(kind)
    folder = resources.files(__package__).joinpath("schemas")
    if strict:
        folder = folder.joinpath("strict")
    return json.loads(folder.joinpath(f"{kind}.json").read_text("utf-8"))


_DOCUMENTS: dict[tuple[str, bool], dict] = {}
_VALIDATORS: dict[tuple[str, bool], jsonschema_rs.Validator] = {}


def _document(kind: str, strict: bool) -> dict:
    """The cached schema of a kind (read-only: callers get copies from schema())."""
    key = (kind, strict)
    if key not in _DOCUMENTS:
        _DOCUMENTS[key] = schema(kind, strict)
    return _DOCUMENTS[key]


@cache
def _reference(kind: str, strict: bool):
    import jsonschema  # the tests' oracle; not a runtime requirement

    return jsonschema.Draft202012Validator(_document(kind, strict))


def _validator(kind: str, strict: bool = False) -> jsonschema_rs.Validator:
    key = (kind, strict)
    if key not in _VALIDATORS:
        _VALIDATORS[key] = jsonschema_rs.validator_for(_document(kind, strict))
    return _VALIDATORS[key]


# -- engine-neutral faults ---------------------------------------------------------------------


@dataclass
class _Fault:
    """One raw schema error, as both engines describe it, before it becomes an Issue."""

    path: tuple
    keyword: str
    instance: object
    # The keyword's schema value: types, const, enum options, a property name, ...
    value: object = None
    # Union keywords: the errors of each variant, a name and the declared properties per variant.
    variants: list[list[_Fault]] | None = None
    labels: list[str] = field(default_factory=list)
    declared: list[set] = field(default_factory=list)
    # oneOf: more than one variant matched.
    several: bool = False
    # The union variant this error belongs to, when several were equally close.
    via: str = ""


def _label(subschema: object, index: int) -> str:
    if isinstance(subschema, dict):
        if "$ref" in subschema:
            return subschema["$ref"].rsplit("/", 1)[-1]
        if "const" in subschema:
            return json.dumps(subschema["const"], ensure_ascii=False)
        if isinstance(subschema.get("type"), str):
            return subschema["type"]
    return f"variant {index}"


def _at(document: dict, path) -> object:
    node = document
    for token in path:
        node = node[token]
    return node


def _declared(document: dict, subschema: object) -> set:
    """The property names a union variant declares (following a local `$ref`)."""
    if isinstance(subschema, dict) and subschema.get("$ref", "").startswith("#/"):
        subschema = _at(document, subschema["$ref"][2:].split("/"))
    return (
        set(subschema.get("properties", ())) if isinstance(subschema, dict) else set()
    )


def _union(
    path, name, instance, options, document, variants=None, several=False
) -> _Fault:
    labels = [_label(option, i) for i, option in enumerate(options)]
    declared = [_declared(document, option) for option in options]
    return _Fault(
        path,
        name,
        instance,
        variants=variants,
        labels=labels,
        declared=declared,
        several=several,
    )


def _fast_faults(error, document: dict) -> list[_Fault]:
    """jsonschema-rs errors → faults."""
    kind, path, instance = error.kind, tuple(error.instance_path), error.instance
    name = kind.name
    if name in UNION_KEYWORDS:
        options = _at(document, error.schema_path)
        if type(kind).__name__ == "OneOfMultipleValid":
            return [_union(path, name, instance, options, document, several=True)]
        variants = [
            [f for e in errors for f in _fast_faults(e, document)]
            for errors in kind.context
        ]
        return [_union(path, name, instance, options, document, variants)]
    details = kind.as_dict()
    if name == "required":
        return [_Fault(path, name, instance, details["property"])]
    if name in UNKNOWN_KEYWORDS:
        return [
            _Fault(path, name, instance, key) for key in details.get("unexpected", ())
        ]
    return [_Fault(path, name, instance, _at(document, error.schema_path))]


def _reference_faults(error, document: dict) -> list[_Fault]:
    """Pure-Python jsonschema errors → faults (the tests' reference oracle)."""
    name, path, instance, value = (
        error.validator,
        tuple(error.absolute_path),
        error.instance,
        error.validator_value,
    )
    if name in UNION_KEYWORDS:
        if name == "oneOf" and not error.context:
            return [_union(path, name, instance, value, document, several=True)]
        variants: list[list[_Fault]] = [[] for _ in value]
        for sub in error.context:
            variants[sub.relative_schema_path[0]].extend(
                _reference_faults(sub, document)
            )
        return [_union(path, name, instance, value, document, variants)]
    if name == "required":
        return [
            _Fault(path, name, instance, key) for key in value if key not in instance
        ]
    if name in UNKNOWN_KEYWORDS:
        declared = error.schema.get("properties", {})
        return [
            _Fault(path, name, instance, key) for key in instance if key not in declared
        ]
    return [_Fault(path, name, instance, value)]


# -- choosing the variant a union member meant --------------------------------------------------


def _rejects_shape(fault: _Fault, here: tuple) -> bool:
    """A variant error that says "not this variant": wrong JSON type, or wrong/missing `type`."""
    if fault.path == here:
        return fault.keyword == "type" or (
            fault.keyword == "required" and fault.value == "type"
        )
    return fault.path == here + ("type",)


def _tags(faults: list[_Fault], where: tuple) -> list:
    """The `type` values the variants' errors at `where` say they would have accepted."""
    found = []
    for fault in faults:
        if fault.path != where:
            continue
        if fault.keyword == "const":
            found.append(fault.value)
        elif fault.keyword == "enum":
            found.extend(fault.value)
        elif fault.keyword in UNION_KEYWORDS:
            found.extend(
                _tags([f for variant in fault.variants or () for f in variant], where)
            )
    return found


def _closeness(
    faults: list[_Fault], here: tuple, declared: set, instance: object
) -> tuple[int, int, int]:
    """Lower is closer: errors minus the present properties the variant knows, then fewer missing."""
    missing = sum(1 for f in faults if f.keyword == "required" and f.path == here)
    known = len(declared & instance.keys()) if isinstance(instance, dict) else 0
    errors = len(_leaves(faults))
    return errors - known, missing, errors


def _resolve_union(fault: _Fault) -> list[_Fault]:
    here, variants = fault.path, fault.variants
    if fault.several or not variants:
        return [fault]
    candidates = [
        i
        for i, faults in enumerate(variants)
        if not any(_rejects_shape(f, here) for f in faults)
    ]
    if len(candidates) > 1:
        scores = {
            i: _closeness(variants[i], here, fault.declared[i], fault.instance)
            for i in candidates
        }
        best = min(scores.values())
        candidates = [i for i in candidates if scores[i] == best]
    if len(candidates) == 1:
        return _leaves(variants[candidates[0]])
    if len(candidates) > 1:  # equally close: report what they all agree on, if anything
        by_issue = [{_issue(f): f for f in _leaves(variants[i])} for i in candidates]
        common = set.intersection(*(set(issues) for issues in by_issue))
        if common:
            return [by_issue[0][issue] for issue in sorted(common)]
        return [
            replace(f, via=fault.labels[i])
            for i in candidates
            for f in _leaves(variants[i])
        ]
    if not candidates and isinstance(fault.instance, dict):
        if "type" not in fault.instance and all(
            any(
                f.keyword == "required" and f.value == "type" and f.path == here
                for f in faults
            )
            for faults in variants
        ):
            return [_Fault(here, "required", fault.instance, "type")]
        tags = [
            tag
            for tag in _tags(
                [f for faults in variants for f in faults], here + ("type",)
            )
            if tag is not None
        ]
        if tags and "type" in fault.instance:
            return [
                _Fault(
                    here + ("type",),
                    "enum",
                    fault.instance["type"],
                    sorted(set(tags), key=str),
                )
            ]
    labels = [fault.labels[i] for i in candidates] or fault.labels
    return [_Fault(here, fault.keyword, fault.instance, variants=[], labels=labels)]


def _leaves(faults: list[_Fault]) -> list[_Fault]:
    out = []
    for fault in faults:
        out.extend(
            _resolve_union(fault) if fault.keyword in UNION_KEYWORDS else [fault]
        )
    return out


# -- wording ----------------------------------------------------------------------------------


def _shown(value: object) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (RecursionError, ValueError):
        return _json_type(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _described(value: object) -> str:
    kind = _json_type(value)
    if kind == "object":
        tag = value.get("type") if isinstance(value, dict) else None
        return f"object with type {_shown(tag)}" if isinstance(tag, str) else "object"
    if kind == "array":
        return f"array of {len(value)}"
    return kind if kind == "null" else f"{kind} {_shown(value)}"


def _sized(value: object, unit: str) -> str:
    return (
        f"{len(value)} {unit}"
        if isinstance(value, (str, list, dict))
        else _described(value)
    )


BOUNDS = {
    "minimum": ("≥ {}", None),
    "maximum": ("≤ {}", None),
    "exclusiveMinimum": ("> {}", None),
    "exclusiveMaximum": ("< {}", None),
    "minLength": ("at least {} characters", "characters"),
    "maxLength": ("at most {} characters", "characters"),
    "minItems": ("at least {} items", "items"),
    "maxItems": ("at most {} items", "items"),
    "minProperties": ("at least {} properties", "properties"),
    "maxProperties": ("at most {} properties", "properties"),
}


def _issue(fault: _Fault) -> Issue:
    keyword, value, path = fault.keyword, fault.value, fault.path
    found = _described(fault.instance)
    if keyword == "type":
        expected = " or ".join(value if isinstance(value, list) else [value])
    elif keyword == "const":
        expected = _shown(value)
        found = _shown(fault.instance)
    elif keyword == "enum":
        expected = "one of " + ", ".join(_shown(option) for option in value)
        found = _shown(fault.instance)
    elif keyword == "required":
        expected, found = f"required property {_shown(value)}", "no such property"
    elif keyword in UNKNOWN_KEYWORDS:
        path, expected, found = (
            path + (value,),
            "only the properties the schema declares",
            "unknown property",
        )
    elif keyword in UNION_KEYWORDS:
        joined = ", ".join(fault.labels)
        expected = f"exactly one of {joined}" if fault.several else f"one of {joined}"
        if fault.several:
            found = f"{found} matching several"
    elif keyword in BOUNDS:
        template, unit = BOUNDS[keyword]
        expected = template.format(value)
        found = _sized(fault.instance, unit) if unit else found
    elif keyword == "pattern":
        expected = f"text matching {value}"
    else:
        expected = f"{keyword} {_shown(value)}"
    message = f"expected {expected}, found {found}" + (
        f" (as {fault.via})" if fault.via else ""
    )
    return Issue(_pointer(path), message, expected, found, keyword)


def _sort_key(issue: Issue) -> tuple:
    tokens = issue.pointer.split("/")
    return tuple(
        (0, int(t), "") if t.isdigit() else (1, 0, t) for t in tokens
    ), issue.message


def _issues(faults: list[_Fault]) -> list[Issue]:
    return sorted({_issue(fault) for fault in _leaves(faults)}, key=_sort_key)


# -- public API -------------------------------------------------------------------------------


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


def validate(
    payload: object,
    kind: str = "response",
    strict: bool = False,
    *,
    engine: str = "fast",
) -> list[Issue]:
    """Every problem of `payload` (bytes, str or decoded JSON), sorted; [] = valid.

    `strict` also reports properties the schema does not declare. `engine="reference"`
    uses the pure-Python jsonschema package (slow; the tests' oracle) instead of jsonschema-rs.
    """
    try:
        validator = _VALIDATORS[(kind, strict)]
    except KeyError:
        validator = _validator(kind, strict)
    try:
        instance = _decode(payload)
    except ValueError as exc:
        return [
            Issue("", f"not valid JSON: {exc}", "a JSON document", "not JSON", "json")
        ]
    if engine == "fast":
        if validator.is_valid(instance):
            return []
        if not _has_empty_key(instance):
            document = _document(kind, strict)
            return _issues(
                [
                    f
                    for error in validator.iter_errors(instance)
                    for f in _fast_faults(error, document)
                ]
            )
        engine = "reference"  # jsonschema-rs 0.60 drops "" keys from error paths; rare, so take the slow road
    if engine == "reference":
        document = _document(kind, strict)
        reference = _reference(kind, strict)
        return _issues(
            [
                f
                for error in reference.iter_errors(instance)
                for f in _reference_faults(error, document)
            ]
        )
    raise ValueError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")


def model_class(kind: str) -> type[BaseModel]:
    """The pydantic model of one payload kind."""
    _check_kind(kind)
    return getattr(models, KIND_MODELS[kind])


def parse(payload: object, kind: str = "response", strict: bool = False) -> BaseModel:
    """The typed model of `payload`; raises PayloadError with the issues validate() reports.

    The payload is checked against the JSON Schema first (so parse and validate always agree),
    then built by the pydantic model in strict mode.
    """
    try:
        instance = _decode(payload)
    except ValueError:
        raise PayloadError(kind, validate(payload, kind, strict)) from None
    issues = validate(instance, kind, strict)
    if issues:
        raise PayloadError(kind, issues)
    try:
        parsed = model_class(kind).model_validate(instance, strict=True)
    except ValidationError as exc:
        found = [
            Issue(_pointer(e["loc"]), e["msg"], keyword="model")
            for e in exc.errors(include_url=False)
        ]
        raise PayloadError(kind, found) from None
    return parsed.root if isinstance(parsed, RootModel) else parsed
