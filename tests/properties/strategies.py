"""Hypothesis strategies for valid instances, built per component from the kind schemas.

hypothesis-jsonschema handles these schemas but draws big `oneOf` unions slowly (it
filters candidates against every branch), so the bulk strategies are built here: one
strategy per component schema, unions drawn by picking a branch (each branch is told apart
by its `type`), numbers kept inside the I-JSON range (RFC 7493: IEEE doubles, integers
within ±2^53) so every layer can carry them exactly.
"""

from __future__ import annotations

from functools import cache

from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from .kinds import components, kind_schema, ref_name

SAFE_INTEGER = 2**53
TEXT = st.text(max_size=12)
JSON_SCALARS = st.none() | st.booleans() | st.integers(-SAFE_INTEGER, SAFE_INTEGER) | TEXT
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)


class Builder:
    """Strategies for one vendor's component schemas; `component(name)` is cached."""

    def __init__(self, vendor: str):
        self.vendor = vendor
        self.defs = components(vendor)
        self._components: dict[str, st.SearchStrategy] = {}

    def component(self, name: str) -> st.SearchStrategy:
        if name not in self._components:
            self._components[name] = st.deferred(lambda: self.node(self.defs[name]))
        return self._components[name]

    def node(self, schema: dict) -> st.SearchStrategy:
        name = ref_name(schema)
        if name:
            return self.component(name)
        if "const" in schema:
            return st.just(schema["const"])
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        branches = schema.get("oneOf") or schema.get("anyOf")
        if branches:
            return st.one_of([self.node(branch) for branch in branches])
        types = schema.get("type")
        if types is None:
            return JSON_VALUES
        if isinstance(types, list):
            return st.one_of([self.typed(t, schema) for t in types])
        return self.typed(types, schema)

    def typed(self, json_type: str, schema: dict) -> st.SearchStrategy:
        if json_type == "null":
            return st.none()
        if json_type == "boolean":
            return st.booleans()
        if json_type == "integer":
            return st.integers(schema.get("minimum", -SAFE_INTEGER), schema.get("maximum", SAFE_INTEGER))
        if json_type == "number":
            low, high = schema.get("minimum", -SAFE_INTEGER), schema.get("maximum", SAFE_INTEGER)
            return st.integers(int(low), int(high)) | st.floats(low, high, allow_nan=False)
        if json_type == "string":
            return st.text(min_size=schema.get("minLength", 0), max_size=min(schema.get("maxLength", 12), 12))
        if json_type == "array":
            items = schema.get("items")
            return st.lists(self.node(items) if isinstance(items, dict) else JSON_VALUES, max_size=2)
        if json_type == "object":
            return self.object(schema)
        raise ValueError(f"no strategy for JSON type {json_type!r}")

    def object(self, schema: dict) -> st.SearchStrategy:
        props = schema.get("properties") or {}
        required = set(schema.get("required") or ())
        fixed = st.fixed_dictionaries(
            {key: self.node(sub) for key, sub in props.items() if key in required},
            optional={key: self.node(sub) for key, sub in props.items() if key not in required},
        )
        extra = schema.get("additionalProperties")
        if extra is False or (props and extra in (None, True)):
            return fixed
        values = self.node(extra) if isinstance(extra, dict) else JSON_VALUES
        keys = TEXT.filter(lambda key: key not in props)
        extras = st.dictionaries(keys, values, max_size=3)
        return st.tuples(extras, fixed).map(lambda pair: {**pair[0], **pair[1]})


@cache
def builder(vendor: str) -> Builder:
    return Builder(vendor)


def valid_instances(vendor: str, kind: str) -> st.SearchStrategy:
    """Valid instances of one kind, from the strategies built here."""
    return builder(vendor).node(kind_schema(vendor, kind))


def component_instances(vendor: str, name: str) -> st.SearchStrategy:
    return builder(vendor).component(name)


@cache
def jsonschema_instances(vendor: str, kind: str) -> st.SearchStrategy:
    """Valid instances of one kind drawn by hypothesis-jsonschema from the bundled schema."""
    return from_schema(kind_schema(vendor, kind))
