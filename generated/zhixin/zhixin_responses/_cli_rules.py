"""The classes of problem `validate` reports: a stable id and a one-line description each.

The ids are the SARIF rule ids and the JUnit failure types; a validation policy that allows
a class of deviation names classes by these ids.
"""

from __future__ import annotations

RULES = {
    # The payload breaks its kind's JSON Schema; the id names the JSON Schema keyword.
    "schema-type": "a value of the wrong JSON type",
    "schema-required": "a required property is missing",
    "schema-unknown-property": "a property the schema does not declare (--strict)",
    "schema-enum": "a value outside the allowed set",
    "schema-const": "a value other than the one allowed",
    "schema-union": "a value that fits none (or several) of a union's variants",
    "schema-bound": "a number, length or count outside its bounds",
    "schema-pattern": "text that does not match the required pattern",
    "schema-other": "another JSON Schema constraint",
    # The input is no JSON payload at all.
    "input-empty": "an empty file, line or stream",
    "input-binary": "binary data (a NUL byte), not text",
    "input-not-utf8": "text that is not valid UTF-8",
    "input-not-json": "text that is not JSON",
    "input-too-deep": "JSON nested deeper than 1,024 levels",
    "input-too-large": "a payload larger than --max-bytes",
    "input-compression": "a corrupt or truncated gzip file",
    "input-unchecked": "a payload the validator could not check",
    # A recorded event stream (text/event-stream) breaks a rule of streams.
    "stream-event-name": "an SSE `event:` name that differs from the data's `type`",
    "stream-sequence": "a `sequence_number` not greater than the one before it",
    "stream-terminal": "no terminal event, or more than one",
    "stream-after-terminal": "an event after the terminal event (or after `data: [DONE]`)",
    "stream-deltas": "a final text that is not the concatenation of its deltas",
    "stream-unterminated": "a last event not ended by a blank line (clients drop it)",
}

SCHEMA_KEYWORD_RULES = {
    "type": "schema-type",
    "required": "schema-required",
    "additionalProperties": "schema-unknown-property",
    "unevaluatedProperties": "schema-unknown-property",
    "enum": "schema-enum",
    "const": "schema-const",
    "oneOf": "schema-union",
    "anyOf": "schema-union",
    "minimum": "schema-bound",
    "maximum": "schema-bound",
    "exclusiveMinimum": "schema-bound",
    "exclusiveMaximum": "schema-bound",
    "minLength": "schema-bound",
    "maxLength": "schema-bound",
    "minItems": "schema-bound",
    "maxItems": "schema-bound",
    "minProperties": "schema-bound",
    "maxProperties": "schema-bound",
    "pattern": "schema-pattern",
}


def schema_rule(keyword: str) -> str:
    """The problem class of an issue raised by JSON Schema `keyword`."""
    return SCHEMA_KEYWORD_RULES.get(keyword, "schema-other")
