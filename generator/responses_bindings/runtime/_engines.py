"""How validate() finds the problems of an invalid payload, as faults, lazily.

`fast`: jsonschema-rs lists the problems of a small payload in one call. It cannot be asked
for only the first few (it builds every error, with each union's variants, before returning
one: 50,000 bad items took 8 s and 700 MB), and it refuses to report a value nested deeper
than 255 levels. So a big or deep payload is walked by the pure-Python jsonschema package,
which yields errors one at a time; at every `$ref` on the way jsonschema-rs says whether the
subtree is valid (skipped) and lists the problems of a small invalid one. Unions stop
collecting a variant's errors at the caller's limit. Cost follows the problems reported.

`reference`: the pure-Python jsonschema package alone (slow; the tests' oracle).

jsonschema writes `repr(instance)` into the message of a failed `type`, `enum`, ... check:
for a big container that costs its whole size per error, for a deep one more recursion than
Python allows. Both walks hand those keywords a shallow copy that prints as `{…}` / `[…]`
(the messages are not used: faults are built from the error's keyword, value and place).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from functools import cache
from itertools import islice

import jsonschema_rs

from . import _schemas
from ._faults import Fault, fast_faults, reference_faults, variant_schema

SMALL = 1000  # values in a subtree that jsonschema-rs checks whole
ENGINES = ("fast", "reference")

# How many errors a union collects per variant: the caller's limit plus one, or all (None).
_VARIANT_CAP: ContextVar[int | None] = ContextVar("variant_cap", default=None)


class _Object(dict):
    __slots__ = ()

    def __repr__(self) -> str:
        return "{…}"


class _Array(list):
    __slots__ = ()

    def __repr__(self) -> str:
        return "[…]"


# Keywords that look at a value without descending into it, and print it in their message.
_PRINTING_KEYWORDS = ("type", "enum", "const", "minProperties", "maxProperties", "minItems", "maxItems", "uniqueItems")


def _shallow(value: object) -> object:
    """`value`, or for a container a one-level copy that prints cheaply."""
    if isinstance(value, dict):
        return _Object(value)
    if isinstance(value, list):
        return _Array(value)
    return value


def _quietly_printing(base) -> dict:
    """`base`'s printing keywords, each given a cheaply printed value."""

    def quiet(keyword):
        check = base.VALIDATORS[keyword]
        return lambda validator, value, instance, schema: check(validator, value, _shallow(instance), schema)

    return {keyword: quiet(keyword) for keyword in _PRINTING_KEYWORDS if keyword in base.VALIDATORS}


def _small(value: object) -> bool:
    """At most SMALL values, and no empty property name (jsonschema-rs drops "" from error paths)."""
    pending, count = [value], 0
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            if "" in node:
                return False
            pending.extend(node.values())
            count += len(node)
        elif isinstance(node, list):
            pending.extend(node)
            count += len(node)
        if count > SMALL:
            return False
    return True


def _listed(validator: jsonschema_rs.Validator, instance: object, document: dict) -> list[Fault] | None:
    """Every fault jsonschema-rs finds in `instance`, or None where it cannot report (too deep)."""
    try:
        return [fault for error in validator.iter_errors(instance) for fault in fast_faults(error, document)] or None
    except ValueError:  # "Recursion limit reached": an error's value is nested deeper than it converts
        return None


@cache
def _pruned(kind: str, strict: bool):
    """The pure-Python validator of one kind whose `$ref`, `anyOf` and `oneOf` work as described above."""
    import jsonschema
    import jsonschema.validators

    document = _schemas.document(kind, strict)
    base = jsonschema.Draft202012Validator
    compiled: dict[str, jsonschema_rs.Validator] = {}

    class Found(jsonschema.ValidationError):
        """Faults jsonschema-rs found in a subtree, carried to where the walk reports them."""

        def __init__(self, faults: list[Fault]):
            super().__init__("problems found by jsonschema-rs")
            self.faults = faults

    def subschema(ref: str) -> jsonschema_rs.Validator | None:
        if not ref.startswith("#/$defs/"):
            return None
        if ref not in compiled:
            compiled[ref] = jsonschema_rs.validator_for({"$schema": document["$schema"], "$defs": document["$defs"], "$ref": ref})
        return compiled[ref]

    def ref(validator, ref, instance, schema):
        fast = subschema(ref)
        if fast is not None:
            if fast.is_valid(instance):
                return
            faults = _listed(fast, instance, document) if _small(instance) else None
            if faults:
                yield Found(faults)
                return
        yield from base.VALIDATORS["$ref"](validator, ref, instance, schema)

    def type_schema(variant: object) -> dict | None:
        """The schema of the `type` property of the object a variant describes."""
        target = variant_schema(document, variant)
        found = (target.get("properties") or {}).get("type") if isinstance(target, dict) else None
        return found if isinstance(found, dict) else None

    def ruled_out(validator, variant, index: int, instance) -> list:
        """The errors of the instance's `type` under a variant ([] when it fits). A variant its
        `type` rejects is dropped by _unions whatever else is wrong, so its other errors are not
        walked (for a big event, one full walk per variant of a 50-variant union)."""
        schema = type_schema(variant) if isinstance(instance, dict) and "type" in instance else None
        return [] if schema is None else list(validator.descend(instance["type"], schema, path="type", schema_path=index))

    def variant_errors(validator, variants, instance) -> tuple[int | None, list]:
        """(index of the first valid variant or None, the errors of the variants before it)."""
        cap, errors = _VARIANT_CAP.get(), []
        for index, variant in enumerate(variants):
            found = ruled_out(validator, variant, index, instance)
            if found:
                errors.extend(found)
                continue
            found = list(islice(validator.descend(instance, variant, schema_path=index), cap))
            if not found:
                return index, errors
            errors.extend(found)
        return None, errors

    def any_of(validator, variants, instance, schema):
        valid, errors = variant_errors(validator, variants, instance)
        if valid is None:
            yield jsonschema.ValidationError("not valid under any variant", context=errors)

    def one_of(validator, variants, instance, schema):
        valid, errors = variant_errors(validator, variants, instance)
        if valid is None:
            yield jsonschema.ValidationError("not valid under any variant", context=errors)
        elif any(validator.evolve(schema=other).is_valid(instance) for other in variants[valid + 1 :]):
            yield jsonschema.ValidationError("valid under more than one variant")

    keywords = {**_quietly_printing(base), "$ref": ref, "anyOf": any_of, "oneOf": one_of}
    return jsonschema.validators.extend(base, keywords)(document)


@cache
def _reference(kind: str, strict: bool):
    """The pure-Python jsonschema validator of one kind (printing keywords given cheap values)."""
    import jsonschema
    import jsonschema.validators

    base = jsonschema.Draft202012Validator
    return jsonschema.validators.extend(base, _quietly_printing(base))(_schemas.document(kind, strict))


@contextlib.contextmanager
def variant_cap(limit: int | None):
    """Within the block, unions collect at most `limit + 1` errors per variant."""
    token = _VARIANT_CAP.set(None if limit is None else limit + 1)
    try:
        yield
    finally:
        _VARIANT_CAP.reset(token)


def faults(instance: object, kind: str, strict: bool, engine: str) -> Iterator[Fault]:
    """The faults of an instance its kind's validator already rejected, lazily, in walk order."""
    document = _schemas.document(kind, strict)
    if engine == "fast":
        listed = _listed(_schemas.validator(kind, strict), instance, document) if _small(instance) else None
        if listed:
            yield from listed
            return
        validator = _pruned(kind, strict)
    else:
        validator = _reference(kind, strict)
    for error in validator.iter_errors(instance):
        yield from reference_faults(error, document)
