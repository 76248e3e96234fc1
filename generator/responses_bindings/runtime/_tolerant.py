"""Typed where it fits, as sent where it does not: how the `warn` and `off` policies keep
everything a gateway sent.

`build(annotation, value)` validates `value` as `annotation`; when that fails it descends:
a model is constructed field by field (each field built the same way, unknown keys kept as
extras, a missing required field read as None but not written back), a union member is
chosen by its `type` tag, lists and maps item by item. A part that fits nowhere (a new item
type, a `null` where a string belongs, a string where a number belongs) stays exactly the
value that was sent, so `model_dump(mode="json", exclude_unset=True)` gives the payload back.
"""

from __future__ import annotations

import types
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError
from typing_extensions import TypeAliasType

from ._by_type import type_tags


@cache
def adapter(annotation: Any) -> TypeAdapter:
    return TypeAdapter(annotation)


def build(annotation: Any, value: object) -> Any:
    """`value` as `annotation` where it fits; each part that does not fit stays as it was sent."""
    try:
        return adapter(annotation).validate_python(value, strict=True)
    except ValidationError:
        return _salvage(annotation, value)


def _bare(annotation: Any) -> Any:
    """The type behind aliases and `Annotated` metadata."""
    while True:
        if isinstance(annotation, TypeAliasType):
            annotation = annotation.__value__
        elif get_origin(annotation) is Annotated:
            annotation = get_args(annotation)[0]
        else:
            return annotation


def _salvage(annotation: Any, value: object) -> Any:
    annotation = _bare(annotation)
    origin = get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model(annotation, value) if isinstance(value, dict) else value
    if origin in (Union, types.UnionType):
        member = _member(get_args(annotation), value)
        return value if member is None else _salvage(member, value)
    if origin is list and isinstance(value, list):
        (item,) = get_args(annotation) or (Any,)
        return [build(item, entry) for entry in value]
    if origin is dict and isinstance(value, dict):
        item = (get_args(annotation) or (Any, Any))[1]
        return {key: build(item, entry) for key, entry in value.items()}
    return value


def _member(members: tuple, value: object) -> Any:
    """The union member `value` means: the one its `type` names, else the only model member
    for an object, else the member a container or None fits; None when no member claims it."""
    flat = [m for member in members for m in _flatten(member)]
    if isinstance(value, dict):
        models = [m for m in flat if isinstance(m, type) and issubclass(m, BaseModel)]
        tagged = [m for m in models if value.get("type") in type_tags(m)]
        if tagged:
            return tagged[0]
        untagged = [m for m in models if not type_tags(m)]
        if "type" in value and any(type_tags(m) for m in models):
            return untagged[0] if len(untagged) == 1 else None  # a `type` nobody lists: keep it as sent
        return models[0] if len(models) == 1 else (untagged[0] if len(untagged) == 1 else None)
    if isinstance(value, list):
        return next((m for m in flat if get_origin(m) is list), None)
    return None


def _flatten(member: Any) -> list:
    bare = _bare(member)
    if get_origin(bare) in (Union, types.UnionType):
        return [m for inner in get_args(bare) for m in _flatten(inner)]
    return [bare]


def _model(cls: type[BaseModel], data: dict) -> BaseModel:
    names = {(field.alias or name): name for name, field in cls.model_fields.items()}
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, item in data.items():
        name = names.get(key)
        if name is None:
            extra[key] = item
        else:
            values[name] = build(cls.model_fields[name].annotation, item)
    sent = set(values)
    for name, field in cls.model_fields.items():
        if name not in values:
            values[name] = None if field.is_required() else field.get_default(call_default_factory=True)
    return cls.model_construct(_fields_set=sent, **values, **extra)
