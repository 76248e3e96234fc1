"""Every rule `diff` classifies changes by: an id, a level (error, warning, info) and a direction.

The direction is what the client does with the changed thing: it *sends* requests (and its
credentials), it *receives* responses, error bodies and stream events; `both` for the
operation itself and its servers. The same change weighs differently by direction: a client
breaks when what it receives widens (a new enum value, a field made nullable) and when what
it may send narrows (a field made required, an enum value removed). `error` breaks code
written against the old spec; `warning` may (a client sees something new it cannot type, or
the meaning of a value changed); `info` does not.

Field rules exist once per direction, `request-…` for what is sent and `response-…` for what
is received (responses, error bodies and stream events alike); stream events add their own
two rules for the event types of the stream.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("error", "warning", "info")  # most severe first
DIRECTIONS = ("sent", "received", "both")


@dataclass(frozen=True)
class Rule:
    id: str
    level: str
    direction: str
    text: str


# change -> (level when sent, level when received, what changed)
_FIELD_RULES = {
    "field-removed": ("error", "error", "a field is removed"),
    "field-renamed": ("error", "error", "a field is renamed (one field gone, one alike added beside it)"),
    "field-added": ("info", "info", "an optional field is added"),
    "required-field-added": ("error", "info", "a required field is added"),
    "type-widened": ("info", "error", "a field accepts more JSON types"),
    "type-narrowed": ("error", "info", "a field accepts fewer JSON types"),
    "type-changed": ("error", "error", "a field's JSON type changes to another"),
    "made-nullable": ("info", "error", "a field may now be null"),
    "made-non-nullable": ("error", "info", "a field may no longer be null"),
    "made-required": ("error", "info", "an optional field becomes required"),
    "made-optional": ("info", "error", "a required field becomes optional"),
    "enum-values-added": ("info", "error", "an enum (or const) gains values"),
    "enum-values-removed": ("error", "info", "an enum (or const) loses values"),
    "enum-dropped": ("info", "error", "an enum is dropped: any value of the type is allowed"),
    "enum-introduced": ("error", "info", "a field is restricted to an enum"),
    "variant-added": ("info", "error", "a union gains a variant"),
    "variant-removed": ("error", "info", "a union loses a variant"),
    "limit-tightened": ("error", "info", "a bound tightens, or a pattern, format or multipleOf is added"),
    "limit-loosened": ("info", "error", "a bound loosens, or a pattern, format or multipleOf is dropped"),
    "limit-changed": ("warning", "warning", "a pattern, format or multipleOf changes to another value"),
}

_OTHER_RULES = [
    Rule("stream-event-type-added", "warning", "received",
         "the stream gains an event type (old clients receive it as an unknown event)"),
    Rule("stream-event-type-removed", "warning", "received",
         "the stream loses an event type (clients waiting for it never see it)"),
    Rule("operation-removed", "error", "both", "an operation is removed"),
    Rule("operation-added", "info", "both", "an operation is added"),
    Rule("operation-id-changed", "error", "both", "an operation's operationId changes"),
    Rule("payload-model-renamed", "error", "both", "a payload kind's root model is renamed"),
    Rule("request-body-made-required", "error", "sent", "the request body becomes required"),
    Rule("request-media-type-removed", "error", "sent", "a request media type is removed"),
    Rule("request-media-type-added", "info", "sent", "a request media type is added"),
    Rule("parameter-removed", "error", "sent", "a parameter is removed"),
    Rule("parameter-made-required", "error", "sent", "a parameter becomes (or is added as) required"),
    Rule("parameter-added", "info", "sent", "an optional parameter is added"),
    Rule("answer-removed", "error", "received", "an answer (status and media type) is removed"),
    Rule("answer-added", "warning", "received", "an answer (status and media type) is added"),
    Rule("security-changed", "error", "sent", "what the client must send to authenticate changes"),
    Rule("security-scheme-renamed", "info", "sent", "a security scheme is renamed, same definition"),
    Rule("server-url-changed", "warning", "both", "the server URLs change"),
]


def _all_rules() -> dict[str, Rule]:
    rules = {}
    for change, (sent, received, text) in _FIELD_RULES.items():
        rules[f"request-{change}"] = Rule(f"request-{change}", sent, "sent", f"request: {text}")
        rules[f"response-{change}"] = Rule(f"response-{change}", received, "received", f"response, error or event: {text}")
    rules.update({rule.id: rule for rule in _OTHER_RULES})
    return rules


RULES = _all_rules()


def field_rule(change: str, received: bool) -> str:
    """The id of a field rule in the direction of a payload kind."""
    return f"{'response' if received else 'request'}-{change}"


def at_least(level: str, threshold: str) -> bool:
    """Is `level` as severe as `threshold` or more?"""
    return LEVELS.index(level) <= LEVELS.index(threshold)


def rules_table(fmt: str = "text") -> str:
    """Every rule, sorted by direction then level: for `diff --rules` and the README."""
    ordered = sorted(RULES.values(), key=lambda r: (DIRECTIONS.index(r.direction), LEVELS.index(r.level), r.id))
    if fmt == "json":
        import json

        return json.dumps([vars(rule) for rule in ordered], indent=2)
    if fmt == "markdown":
        lines = ["| Rule | Level | Direction | Change |", "|---|---|---|---|"]
        lines += [f"| `{r.id}` | {r.level} | {r.direction} | {r.text} |" for r in ordered]
        return "\n".join(lines)
    width = max(len(rule.id) for rule in ordered)
    return "\n".join(f"{r.id:{width}}  {r.level:7}  {r.direction:8}  {r.text}" for r in ordered)
