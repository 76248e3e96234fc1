"""The rules of a recorded event stream beyond each event's own schema.

- an SSE `event:` name equals the data's `type`;
- `sequence_number` increases strictly where present;
- exactly one terminal event (`response.completed` / `failed` / `incomplete`, or `error`),
  and nothing after it (a final `data: [DONE]` aside);
- the deltas of a text concatenate to its final text, wherever that text shows again: in its
  `.done` event, its `content_part.done` part, its `output_item.done` item and the terminal
  response's output (output text, refusals, reasoning summaries, function call arguments).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

TERMINAL_TYPES = ("response.completed", "response.failed", "response.incomplete", "error")
DONE_SENTINEL = b"[DONE]"

# delta event type -> (text family, the fields that say which text it extends)
DELTAS = {
    "response.output_text.delta": ("output_text", ("output_index", "content_index")),
    "response.refusal.delta": ("refusal", ("output_index", "content_index")),
    "response.reasoning_summary_text.delta": ("summary_text", ("output_index", "summary_index")),
    "response.reasoning_text.delta": ("reasoning_text", ("output_index", "content_index")),
    "response.function_call_arguments.delta": ("arguments", ("output_index",)),
}
# done event type -> (text family, the field holding the final text)
DONES = {
    "response.output_text.done": ("output_text", "text"),
    "response.refusal.done": ("refusal", "refusal"),
    "response.reasoning_summary_text.done": ("summary_text", "text"),
    "response.reasoning_text.done": ("reasoning_text", "text"),
    "response.function_call_arguments.done": ("arguments", "arguments"),
}
PART_TEXT = {"output_text": "text", "refusal": "refusal", "summary_text": "text", "reasoning_text": "text"}


@dataclass(frozen=True)
class StreamFault:
    """A stream rule broken at one event: which rule, the pointer inside the event, the message."""

    rule: str
    pointer: str
    message: str


@dataclass
class _Text:
    parts: list[str] = field(default_factory=list)
    first: int = 0
    last: int = 0


def _index(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _item_texts(item: object) -> list[tuple[str, tuple, str, str]]:
    """(family, key inside the item, pointer inside the item, text) of each final text of an output item."""
    if not isinstance(item, dict):
        return []
    found = []
    for list_name in ("content", "summary"):
        for position, part in enumerate(item.get(list_name) or () if isinstance(item.get(list_name), list) else ()):
            family = part.get("type") if isinstance(part, dict) else None
            if family in PART_TEXT and isinstance(part.get(PART_TEXT[family]), str):
                found.append((family, (position,), f"/{list_name}/{position}/{PART_TEXT[family]}", part[PART_TEXT[family]]))
    if item.get("type") == "function_call" and isinstance(item.get("arguments"), str):
        found.append(("arguments", (), "/arguments", item["arguments"]))
    return found


def _first_difference(expected: str, found: str) -> int:
    for position, (a, b) in enumerate(zip(expected, found, strict=False)):
        if a != b:
            return position
    return min(len(expected), len(found))


class StreamChecker:
    """Feed it each event's decoded data in order, then `end()`; each returns the faults found."""

    def __init__(self) -> None:
        self.previous_sequence: int | None = None
        self.terminal: tuple[int, int] | None = None  # (index, line) of the first terminal event
        self.done_at: int | None = None  # index of `data: [DONE]`
        self.texts: dict[tuple, _Text] = {}
        self.events = 0
        self.last_line = 0

    def sentinel(self, index: int, line: int) -> list[StreamFault]:
        """`data: [DONE]`: the end marker some gateways send after the terminal event."""
        self.events += 1
        self.last_line = line
        if self.done_at is not None:
            return self._after_end()
        self.done_at = index
        return []

    def event(self, index: int, line: int, name: str | None, value: object) -> list[StreamFault]:
        self.events += 1
        self.last_line = line
        faults = self._after_end()
        if not isinstance(value, dict):
            return faults
        kind = value.get("type")
        if name is not None and isinstance(kind, str) and name != kind:
            faults.append(StreamFault("stream-event-name", "/type",
                                      f"expected {json.dumps(name)} (the SSE event: name), found {json.dumps(kind)}"))
        sequence = _index(value.get("sequence_number"))
        if sequence is not None:
            if self.previous_sequence is not None and sequence <= self.previous_sequence:
                faults.append(StreamFault("stream-sequence", "/sequence_number",
                                          f"expected more than {self.previous_sequence} (the previous event's), found {sequence}"))
            self.previous_sequence = sequence
        if kind in TERMINAL_TYPES:
            if self.terminal is not None:
                first, first_line = self.terminal
                faults.append(StreamFault("stream-terminal", "/type",
                                          f"expected one terminal event, found a second ({kind}; the first is event {first}, "
                                          f"line {first_line})"))
            else:
                self.terminal = (index, line)
            if kind != "error":
                faults += self._check_response(value.get("response"))
        faults += self._check_texts(index, kind, value)
        return faults

    def _after_end(self) -> list[StreamFault]:
        if self.done_at is not None:
            return [StreamFault("stream-after-terminal", "", f"expected nothing after data: [DONE] (event {self.done_at})")]
        if self.terminal is not None:
            first, first_line = self.terminal
            return [StreamFault("stream-after-terminal", "",
                                f"expected nothing after the terminal event (event {first}, line {first_line})")]
        return []

    def _check_texts(self, index: int, kind: object, value: dict) -> list[StreamFault]:
        if not isinstance(kind, str):
            return []
        output = _index(value.get("output_index"))
        if kind in DELTAS:
            family, fields = DELTAS[kind]
            key = (family, *(_index(value.get(name)) for name in fields))
            if None not in key and isinstance(value.get("delta"), str):
                text = self.texts.setdefault(key, _Text(first=index))
                text.parts.append(value["delta"])
                text.last = index
            return []
        if kind in DONES:
            family, name = DONES[kind]
            delta_fields = next(fields for f, fields in DELTAS.values() if f == family)
            key = (family, *(_index(value.get(n)) for n in delta_fields))
            return self._compare(key, value.get(name), f"/{name}")
        if kind in ("response.content_part.done", "response.reasoning_summary_part.done") and output is not None:
            part = value.get("part")
            position = _index(value.get("summary_index" if "summary" in kind else "content_index"))
            if isinstance(part, dict) and (family := part.get("type")) in PART_TEXT and position is not None:
                return self._compare((family, output, position), part.get(PART_TEXT[family]), f"/part/{PART_TEXT[family]}")
        if kind == "response.output_item.done" and output is not None:
            return [f for family, key, where, text in _item_texts(value.get("item"))
                    for f in self._compare((family, output, *key), text, f"/item{where}")]
        return []

    def _check_response(self, response: object) -> list[StreamFault]:
        outputs = response.get("output") if isinstance(response, dict) else None
        if not isinstance(outputs, list):
            return []
        return [f for position, item in enumerate(outputs) for family, key, where, text in _item_texts(item)
                for f in self._compare((family, position, *key), text, f"/response/output/{position}{where}")]

    def _compare(self, key: tuple, final: object, pointer: str) -> list[StreamFault]:
        text = self.texts.get(key)
        if text is None or not isinstance(final, str):
            return []
        joined = "".join(text.parts)
        if joined == final:
            return []
        at = _first_difference(joined, final)
        return [StreamFault(
            "stream-deltas", pointer,
            f"expected the concatenation of its {len(text.parts)} delta(s) (events {text.first}-{text.last}, "
            f"{len(joined)} characters), found {len(final)} characters differing from character {at}",
        )]

    def end(self) -> list[StreamFault]:
        """The faults only the end of the stream shows: no terminal event."""
        if self.terminal is None and self.events:
            return [StreamFault("stream-terminal", "", "expected a terminal event (response.completed, response.failed, "
                                                       "response.incomplete or error), found the end of the stream")]
        return []
