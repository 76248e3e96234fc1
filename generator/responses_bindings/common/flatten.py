"""Flatten a payload schema into the fields a client sees, one per JSON pointer.

A pointer names a place in a payload: property names as usual, `[]` for any array item,
`{}` for any value of a map (`additionalProperties`) and `(Name)` for one variant of a
union (`oneOf`/`anyOf`; the variant's component name, else its `type` const or JSON
type). `$ref`s are followed through the bundle's components; an `anyOf`/`oneOf` whose
only other variant is `{type: "null"}` is that variant made nullable, not a union.
Both `diff` and `matrix` read specs through this one view.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from . import pointer
from .document import COMPONENT_PREFIX

LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
OTHER_LIMITS = ("pattern", "multipleOf", "format")
JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}


@dataclass(frozen=True)
class Field:
    """One place in a payload and what the schema allows there."""

    pointer: str
    node: str  # root | property | item | value | variant
    types: tuple[str, ...]  # JSON types other than null, sorted; () means any
    nullable: bool
    required: bool | None  # None for nodes that are not properties
    enum: tuple[str, ...] | None  # allowed values as JSON text (null excluded); None = open
    owner: str  # the component whose schema defines this node
    local: str  # the pointer of this node inside `owner`
    variants: tuple[str, ...] = ()
    limits: tuple[tuple[str, object], ...] = ()  # bounds, pattern, format: (keyword, value)
    component: str | None = None  # the component this node's schema is (reached by `$ref`)
    recursive: bool = False  # a component already being expanded on this path

    @property
    def parent(self) -> str:
        return self.pointer.rsplit("/", 1)[0]

    @property
    def name(self) -> str:
        return self.pointer.rsplit("/", 1)[-1]

    def signature(self) -> tuple:
        """What a client sees here, without where in the spec it comes from."""
        return self.types, self.nullable, self.required, self.enum, self.variants, self.limits

    def moved(self, where: str) -> Field:
        """The same field at another pointer (a plain copy: fast, as flattening repeats whole components)."""
        copy = object.__new__(Field)
        copy.__dict__.update(self.__dict__, pointer=where)
        return copy

    def type_text(self) -> str:
        """`string`, `integer | boolean`, `"auto" | "disabled"` (an enum's values); null aside."""
        return " | ".join(list(self.enum) if self.enum is not None else list(self.types) or ["any"])


def _component(ref: str) -> str:
    return ref.removeprefix(COMPONENT_PREFIX)


def _json_type(value: object) -> str:
    return "null" if value is None else JSON_TYPES[type(value)]


class _Flattener:
    """Walks a payload schema into fields. A component reached again is not walked again: its
    fields are copied from its first walk, when the components on the path that its walk meets
    (which decide where recursion stops) are the same."""

    def __init__(self, schemas: dict[str, dict]):
        self.schemas = schemas
        self.root_variants_by_type = False
        self.fields: dict[str, Field] = {}
        self.walked: list[tuple[str, Field]] = []  # the fields in walk order
        # (owner, local) -> (its fields' span in `walked`, its pointer's length, components entered below, met on the path)
        self.memo: dict[tuple[str, str], tuple[int, int, int, frozenset, frozenset]] = {}

    def add(self, field: Field) -> None:
        self.fields[field.pointer] = field
        self.walked.append((field.pointer, field))

    def deref(self, schema: object, owner: str, local: str, entered: list[str] | None = None) -> tuple[dict, str, str]:
        """Follow `$ref`s; the owner becomes the last component reached (appended to `entered`)."""
        entered = [] if entered is None else entered
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            name = _component(schema["$ref"])
            if name in entered:
                break
            entered.append(name)
            schema, owner, local = self.schemas[name], name, ""
        return (schema if isinstance(schema, dict) else {}), owner, local

    def merge_all_of(self, schema: dict) -> dict:
        """`allOf` parts folded into one schema: properties and `required` joined, else first wins."""
        if not isinstance(schema.get("allOf"), list):
            return schema
        merged = {key: value for key, value in schema.items() if key != "allOf"}
        for part in schema["allOf"]:
            part = self.merge_all_of(self.deref(part, "", "")[0])
            properties = {**(part.get("properties") or {}), **(merged.get("properties") or {})}
            known = merged.get("required") or []
            required = [*known, *(name for name in part.get("required") or [] if name not in known)]
            merged.update({key: value for key, value in part.items() if key not in merged})
            if properties:
                merged["properties"] = properties
            if required:
                merged["required"] = required
        return merged

    def collapse(self, schema: object, owner: str, local: str, entered: list[str]) -> tuple[dict, str, str, bool, list]:
        """Strip null variants; a union left with one variant becomes that variant."""
        nullable = False
        while True:
            schema, owner, local = self.deref(schema, owner, local, entered)
            schema = self.merge_all_of(schema)
            key = "oneOf" if "oneOf" in schema else "anyOf" if "anyOf" in schema else None
            variants = list(schema.get(key) or []) if key else []
            kept = [v for v in variants if not _is_null(v)]
            nullable |= len(kept) < len(variants)
            if key and len(kept) == 1 and "properties" not in schema:
                schema, local = kept[0], pointer.join(local, key, variants.index(kept[0]))
                continue
            return schema, owner, local, nullable, kept

    def visit(self, schema: object, where: str, node: str, required: bool | None,
              owner: str, local: str, stack: tuple[str, ...]) -> set[str]:
        """Add the fields at and below `where`; return the components entered there."""
        node_owner, node_local = owner, local
        entered: list[str] = []
        schema, owner, local, nullable, variants = self.collapse(schema, owner, local, entered)
        declared = schema.get("type")
        types = set([declared] if isinstance(declared, str) else declared or [])
        enum = None
        if "const" in schema:
            enum = [schema["const"]]
        elif isinstance(schema.get("enum"), list):
            enum = list(schema["enum"])
        if enum is not None:
            nullable |= None in enum
            if not types:
                types = {_json_type(v) for v in enum}
            enum = [v for v in enum if v is not None]
        nullable |= "null" in types
        types.discard("null")
        names = _variant_names(variants, self.schemas)
        if where == "" and self.root_variants_by_type:
            names = _type_names(variants, names, self)
        recursive = any(name in stack for name in entered)
        if variants and not types:
            for variant in variants:
                vschema, *_ = self.collapse(variant, owner, local, [])
                types |= _shallow_types(vschema, self)
        self.add(Field(
            pointer=where, node=node, types=tuple(sorted(types)), nullable=nullable, required=required,
            enum=None if enum is None else tuple(json.dumps(v, ensure_ascii=False) for v in enum),
            owner=node_owner, local=node_local, variants=tuple(names),
            limits=tuple((k, schema[k]) for k in LOWER_BOUNDS + UPPER_BOUNDS + OTHER_LIMITS if k in schema),
            component=entered[-1] if entered else None, recursive=recursive,
        ))
        if recursive:
            return set(entered)
        stack = stack + tuple(entered)
        memo_key = (owner, local) if entered else None
        if memo_key in self.memo:
            start, end, prefix, inner, met = self.memo[memo_key]
            if inner.intersection(stack) == met:
                for path, field in self.walked[start:end]:
                    self.add(field.moved(where + path[prefix:]))
                return inner | set(entered)
        first = len(self.walked)
        inner = set()
        required_names = set(schema.get("required") or [])
        for name, sub in (schema.get("properties") or {}).items():
            inner |= self.visit(sub, pointer.join(where, name), "property", name in required_names,
                                owner, pointer.join(local, "properties", name), stack)
        if isinstance(schema.get("additionalProperties"), dict):
            inner |= self.visit(schema["additionalProperties"], pointer.join(where, "{}"), "value", None,
                                owner, pointer.join(local, "additionalProperties"), stack)
        if isinstance(schema.get("items"), dict):
            inner |= self.visit(schema["items"], pointer.join(where, "[]"), "item", None,
                                owner, pointer.join(local, "items"), stack)
        key = "oneOf" if "oneOf" in schema else "anyOf"
        indexes = [i for i, v in enumerate(schema.get(key) or []) if not _is_null(v)] if variants else []
        for name, variant, index in zip(names, variants, indexes, strict=True):
            inner |= self.visit(variant, pointer.join(where, f"({name})"), "variant", None,
                                owner, pointer.join(local, key, index), stack)
        if memo_key is not None:
            self.memo[memo_key] = (first, len(self.walked), len(where), frozenset(inner), frozenset(inner.intersection(stack)))
        return inner | set(entered)


def _is_null(schema: object) -> bool:
    return isinstance(schema, dict) and (schema.get("type") == "null" or ("const" in schema and schema["const"] is None))


def _shallow_types(schema: dict, flattener: _Flattener) -> set[str]:
    declared = schema.get("type")
    types = set([declared] if isinstance(declared, str) else declared or [])
    if not types and "const" in schema:
        types = {_json_type(schema["const"])}
    if not types and isinstance(schema.get("enum"), list):
        types = {_json_type(v) for v in schema["enum"]}
    if not types and (schema.get("properties") or schema.get("additionalProperties")):
        types = {"object"}
    if not types:
        for variant in schema.get("oneOf") or schema.get("anyOf") or []:
            types |= _shallow_types(flattener.deref(variant, "", "")[0], flattener)
    return types - {"null"}


def _variant_names(variants: list, schemas: dict[str, dict]) -> list[str]:
    """A readable, unique name per variant: component name, `type` const or JSON type."""
    names = []
    for index, variant in enumerate(variants):
        name = None
        if isinstance(variant, dict) and isinstance(variant.get("$ref"), str):
            name = _component(variant["$ref"])
        elif isinstance(variant, dict):
            const = ((variant.get("properties") or {}).get("type") or {}).get("const")
            declared = variant.get("type")
            name = const if isinstance(const, str) else declared if isinstance(declared, str) else None
        name = name or f"#{index}"
        names.append(name if name not in names else f"{name}#{index}")
    return names


def _type_names(variants: list, names: list[str], flattener: _Flattener) -> list[str]:
    """Each variant's single `type` value (const or one-value enum) as its name, when all are distinct."""
    typed = []
    for variant in variants:
        schema = flattener.merge_all_of(flattener.deref(variant, "", "")[0])
        tag = (schema.get("properties") or {}).get("type") or {}
        values = [tag["const"]] if "const" in tag else tag.get("enum") or []
        typed.append(pointer.escape(values[0]) if len(values) == 1 and isinstance(values[0], str) else None)
    return typed if None not in typed and len(set(typed)) == len(typed) else names


def flatten(schemas: dict[str, dict], root: str, *, root_variants_by_type: bool = False) -> dict[str, Field]:
    """Every field of the payload whose schema is component `root`, by pointer, in walk order.

    With `root_variants_by_type`, a union at the root names its variants by their `type` value
    (`/(response.completed)/...`: how `diff` names stream events) where each has one.
    """
    flattener = _Flattener(schemas)
    flattener.root_variants_by_type = root_variants_by_type
    flattener.visit({"$ref": COMPONENT_PREFIX + root}, "", "root", None, root, "", ())
    return flattener.fields
