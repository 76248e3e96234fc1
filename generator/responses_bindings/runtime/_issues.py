"""Issues: a fault worded for people (where, what was expected, what was found), and PayloadError."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, get_args

from ._errors import ResponsesError, clipped
from ._faults import UNION_KEYWORDS, UNKNOWN_KEYWORDS, Fault
from ._json import preview
from ._pointer import from_path

SHOWN_CHARS = 60
MESSAGE_ISSUES = 20  # listed in the exception text; `issues` holds them all
LINE_CHARS = 300  # one issue's line in an exception message

__all__ = ["DEVIATIONS", "Deviation", "Issue", "Issues", "PayloadError"]

Deviation = Literal[
    "unknown-field", "unknown-variant", "unexpected-null", "missing-field", "wrong-type", "bad-value", "malformed-json"
]
DEVIATIONS: tuple[str, ...] = get_args(Deviation)
"""How a payload deviates from the spec, one class per issue:

- `unknown-field`: a property the schema does not declare (reported by `strict` only);
- `unknown-variant`: a `type` the spec does not list for an item, content part, annotation,
  tool or event (a new output item type, a new event);
- `unexpected-null`: `null` where the spec wants a value;
- `missing-field`: a required property left out;
- `wrong-type`: a value of another JSON type (a string for a number, an array for an object);
- `bad-value`: the right type but not an allowed value: an enum or const, a bound, a pattern, a format;
- `malformed-json`: the text is not JSON at all (never allowed: there is nothing to keep).
"""
ALLOWABLE = DEVIATIONS[:-1]
_NULL_KEYWORDS = ("type", "enum", "const", *UNION_KEYWORDS)


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
    allowed: bool = False  # its class was allowed (validate(allow=...)): a warning, not an error

    @property
    def deviation(self) -> str:
        """Its class, one of DEVIATIONS."""
        keyword = self.keyword
        if keyword in UNKNOWN_KEYWORDS:
            return "unknown-field"
        if keyword == "required":
            return "missing-field"
        if keyword in ("json", "encoding"):
            return "malformed-json"
        if keyword in _NULL_KEYWORDS and self.found.split(" ")[0] == "null":
            return "unexpected-null"
        if keyword in ("enum", "const") and self.pointer.endswith("/type"):
            return "unknown-variant"
        if keyword in ("type", "model", "", *UNION_KEYWORDS):
            return "wrong-type"
        return "bad-value"

    def __str__(self) -> str:
        warning = " (allowed)" if self.allowed else ""
        return f"{self.pointer or '/'}: {self.message}{warning}"


class Issues(list):
    """The problems validate() found, sorted by place; `truncated` when there were more than
    its `max_issues` (the rest were not looked for). With `allow=`, `errors` are the problems
    that make the payload invalid and `warnings` those of allowed classes; `valid` says which."""

    truncated = False

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self if not issue.allowed]

    @property
    def warnings(self) -> list[Issue]:
        return [issue for issue in self if issue.allowed]

    @property
    def valid(self) -> bool:
        return not self.errors

    def allowing(self, allow: tuple[str, ...]) -> Issues:
        """These issues, those of the `allow`ed classes marked as warnings."""
        if not allow:
            return self
        marked = Issues(replace(issue, allowed=True) if issue.deviation in allow else issue for issue in self)
        marked.truncated = self.truncated
        return marked

    @classmethod
    def of(cls, found, limit: int | None) -> Issues:
        ordered = sorted(found, key=sort_key)
        issues = cls(ordered if limit is None else ordered[:limit])
        issues.truncated = limit is not None and len(ordered) > limit
        return issues


class PayloadError(ResponsesError, ValueError):
    """A payload that does not fit its kind's schema (or is no JSON at all); `issues` lists the problems."""

    def __init__(self, kind: str, issues: list[Issue]):
        self.kind, self.issues = kind, issues
        lines = "".join(f"\n  {clipped(str(issue), LINE_CHARS)}" for issue in issues[:MESSAGE_ISSUES])
        if len(issues) > MESSAGE_ISSUES:
            lines += f"\n  ... {len(issues) - MESSAGE_ISSUES} more in .issues"
        more = "; more not listed" if getattr(issues, "truncated", False) else ""
        super().__init__(f"invalid {kind} payload ({len(issues)} problem(s){more}):{lines}")


def _shown(value: object) -> str:
    return preview(value, SHOWN_CHARS)


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
        return f'object with type {_shown(tag)}' if isinstance(tag, str) else "object"
    if isinstance(value, list):
        return f"array of {len(value)}"
    return kind if kind == "null" else f"{kind} {_shown(value)}"


def _sized(value: object, unit: str) -> str:
    return f"{len(value)} {unit}" if isinstance(value, (str, list, dict)) else _described(value)


BOUNDS = {
    "minimum": ("≥ {}", None), "maximum": ("≤ {}", None),
    "exclusiveMinimum": ("> {}", None), "exclusiveMaximum": ("< {}", None),
    "minLength": ("at least {} characters", "characters"), "maxLength": ("at most {} characters", "characters"),
    "minItems": ("at least {} items", "items"), "maxItems": ("at most {} items", "items"),
    "minProperties": ("at least {} properties", "properties"), "maxProperties": ("at most {} properties", "properties"),
}


def worded(fault: Fault) -> Issue:
    keyword, value, path = fault.keyword, fault.value, fault.path
    found = _described(fault.instance)
    if keyword == "type":
        expected = " or ".join(str(option) for option in (value if isinstance(value, list) else [value]))
    elif keyword == "const":
        expected = _shown(value)
        found = _shown(fault.instance)
    elif keyword == "enum":
        expected = "one of " + ", ".join(_shown(option) for option in (value if isinstance(value, list) else [value]))
        found = _shown(fault.instance)
    elif keyword == "required":
        expected, found = f"required property {_shown(value)}", "no such property"
    elif keyword in UNKNOWN_KEYWORDS:
        path, expected, found = path + (value,), "only the properties the schema declares", "unknown property"
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
    message = f"expected {expected}, found {found}" + (f" (as {fault.via})" if fault.via else "")
    return Issue(from_path(path), message, expected, found, keyword)


def sort_key(issue: Issue) -> tuple:
    tokens = issue.pointer.split("/")
    return tuple((0, int(t), "") if t.isdigit() else (1, 0, t) for t in tokens), issue.message
