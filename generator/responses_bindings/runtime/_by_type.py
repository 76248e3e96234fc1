"""`ByType`: how a union whose members may leave out their `type` is built at once.

A union like `InputItem` (typed items, and messages whose `type` is optional) cannot carry a
plain discriminator, and pydantic's smart mode tries every member on every item: 33 members,
about 40 µs an item. Marked `Annotated[A | B | ..., ByType()]`, it is built as a tagged
union whose tag is the payload's `type` (or its absence, or null): each tag leads to the one member
that takes it, or to a smart union of the few that share it. A `type` no member takes is an
error, as the JSON Schema says. The static type stays the plain union.

A smart union validates every member and keeps the one that set the most declared fields (the
leftmost on a tie). When a shared tag's payload names only fields some member declares, the
leftmost such member is that winner if it fits, so it is tried alone first (a message without
`type` is built once, not three times); the smart union decides only when it does not fit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, GetCoreSchemaHandler
from pydantic_core import CoreSchema, core_schema

ABSENT = "<no type>"  # the tag of an object that leaves `type` out
NULL = "<null type>"  # the tag of an object whose `type` is null

__all__: list[str] = []


def _literals(annotation: Any) -> list[str]:
    """The strings a `Literal[...]` (or `Literal[...] | None`) annotation allows."""
    if get_origin(annotation) is Literal:
        return [value for value in get_args(annotation) if isinstance(value, str)]
    return [value for member in get_args(annotation) for value in _literals(member)]


def type_tags(member: Any) -> list[str]:
    """The `type` values a union member (a model with a `Literal` `type` field) takes, whether
    its `type` is required or optional; [] for anything else."""
    field = member.model_fields.get("type") if isinstance(member, type) and issubclass(member, BaseModel) else None
    return _literals(field.annotation) if field is not None else []


def _tag(value: Any) -> str | None:
    """The payload's `type`, ABSENT or NULL; None (an error) when it is not a string."""
    if isinstance(value, dict):
        if "type" not in value:
            return ABSENT
        tag = value["type"]
    else:  # a model, when serializing
        tag = getattr(value, "type", None)
        if tag is None:
            return NULL if "type" in getattr(value, "model_fields_set", ()) else ABSENT
    if tag is None:
        return NULL
    return tag if isinstance(tag, str) else None


class ByType:
    """Marks a union of models with a `type` field (optional in some) to be built by that field.
    `nullable` names the members whose `type` the spec lets be null (the models take null for
    any optional field, so only the spec can say)."""

    def __init__(self, nullable: tuple[str, ...] = ()):
        self.nullable = nullable

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        members: dict[str, list[type[BaseModel]]] = {}
        for member in get_args(source):
            tags = type_tags(member) + ([] if member.model_fields["type"].is_required() else [ABSENT])
            tags += [NULL] if member.__name__ in self.nullable else []
            for tag in tags:
                members.setdefault(tag, []).append(member)
        choices: dict[str, CoreSchema] = {}
        covering: dict[str, list[tuple[frozenset[str], str]]] = {}  # shared tag -> (wire names, choice) per member
        for tag, found in members.items():
            if len(found) == 1:
                choices[tag] = handler.generate_schema(found[0])
                continue
            choices[tag] = _union([handler.generate_schema(member) for member in found], "smart")
            for member in found:
                choice = f"{tag} as {member.__name__}"
                choices[choice] = _union([handler.generate_schema(member), choices[tag]], "left_to_right")
                names = frozenset(field.alias or name for name, field in member.model_fields.items())
                covering.setdefault(tag, []).append((names, choice))
        return core_schema.tagged_union_schema(choices, discriminator=_chooser(covering))


def _union(members: list[CoreSchema], mode: Literal["smart", "left_to_right"]) -> CoreSchema:
    return core_schema.union_schema(list[CoreSchema | tuple[CoreSchema, str]](members), mode=mode)


def _chooser(covering: dict[str, list[tuple[frozenset[str], str]]]) -> Callable[[Any], str | None]:
    """The discriminator: the payload's tag, or for a shared tag the choice of the leftmost
    member that declares every name the payload has."""

    def choose(value: Any) -> str | None:
        tag = _tag(value)
        if tag in covering and isinstance(value, dict):
            keys = value.keys()
            for names, choice in covering[tag]:
                if keys <= names:
                    return choice
        return tag

    return choose
