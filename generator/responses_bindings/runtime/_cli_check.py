"""Check what the inputs yield: decode a payload, choose its kind, validate it with the package's
public `validate()`, and place each reported problem on its line and column; check a recorded
stream event by event and as a whole.

Cost follows what is reported: problems beyond `--max-errors` are counted, not worded or
located, and a payload is validated once (`--kind auto` validates against every kind only
when nothing in the payload tells its kind).
"""

from __future__ import annotations

import re
from types import ModuleType

from . import _schemas
from ._cli_inputs import Payload, RecordedStream, too_large
from ._cli_kinds import KindGuesser
from ._cli_locate import Anchor, advance, item_offsets, line_and_column, offset_of
from ._cli_report import Problem, Result
from ._cli_rules import schema_rule
from ._cli_streams import DONE_SENTINEL, StreamChecker
from ._json import JSONError
from ._json import decode as decode_json
from ._pointer import tokens as pointer_tokens

_POSITION = re.compile(r"line (\d+) column (\d+)")


def decode(data: bytes) -> tuple[object, tuple[str, str, int | None, int | None] | None]:
    """The JSON value of `data`, or (rule, message, line, column) of why it is no JSON payload."""
    try:
        return decode_json(data), None
    except JSONError as exc:
        if exc.found == "too deep":
            return None, ("input-too-deep", "nested too deeply: more than 1024 levels of arrays/objects", None, None)
        text = exc.message.removeprefix("not valid JSON: ")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as bad:
        line, column = line_and_column(data, bad.start)
        return None, ("input-not-utf8", f"not UTF-8 text: byte 0x{data[bad.start]:02x} at line {line}, column {column} "
                                        f"is not valid UTF-8", line, column)
    found = _POSITION.search(text)
    line, column = (int(found.group(1)), int(found.group(2))) if found else (None, None)
    return None, ("input-not-json", f"not JSON: {text}", line, column)


class _Text:
    """A payload's text and where it starts in its file, to turn pointers into lines and columns."""

    def __init__(self, data: bytes | None, start: Anchor):
        self.data, self.start = data, start

    def place(self, pointer: str) -> tuple[int | None, int | None]:
        if self.data is None:
            return None, None
        offset = offset_of(self.data, pointer_tokens(pointer), self.start.offset)
        if offset is None:
            return self.start.line, None
        place = advance(self.data, self.start, offset)
        return place.line, place.column + 1


class Checker:
    """Checks payloads and recorded streams against one vendor package."""

    def __init__(self, package: ModuleType, kind: str, strict: bool, max_errors: int, max_bytes: int,
                 allow: tuple[str, ...] = ()):
        self.package, self.kind, self.strict, self.allow = package, kind, strict, allow
        self.max_errors, self.max_bytes = max_errors, max_bytes
        self.guesser = KindGuesser(package) if kind == "auto" else None

    def _validate(self, value: object, kind: str) -> list | str:
        """The package's issues, or why the payload could not be checked (never an exception)."""
        try:
            return self.package.validate(value, kind, strict=self.strict, allow=self.allow)
        except (ValueError, RecursionError) as exc:
            return f"cannot be checked: {type(exc).__name__}: {exc}"

    def _fits(self, value: object, kind: str) -> bool:
        """Whether the payload is valid as `kind` (no problems listed)."""
        try:
            return _schemas.validator(kind, self.strict).is_valid(value)
        except (ValueError, RecursionError):
            return False

    def payload(self, payload: Payload) -> list[Result]:
        """One result, or one per item of a whole document holding an array."""
        result = Result(payload.source, payload.line)
        if payload.problem is not None:
            return [self._input_problem(result, *payload.problem)]
        value, bad = decode(payload.data)
        if bad is not None:
            rule, message, line, column = bad
            if line is not None and column is not None and payload.line:
                line, column = payload.line + line - 1, column + (payload.column if line == 1 else 0)
            return [self._input_problem(result, rule, message, line or payload.line, column)]
        if payload.whole and isinstance(value, list):
            return self._items(payload, value)
        start = Anchor(0, payload.line or 1, payload.column)
        return [self._checked(result, value, _Text(payload.data, start))]

    def _items(self, payload: Payload, values: list) -> list[Result]:
        if not values:
            return [self._input_problem(Result(payload.source, 1), "input-empty", "empty array: no payloads")]
        starts = item_offsets(payload.data) or []
        results, place = [], Anchor(0, 1, 0)
        for index, value in enumerate(values):
            if index < len(starts):
                place = advance(payload.data, place, starts[index])
                line, text = place.line, _Text(payload.data, place)
            else:  # too large to locate: the file's line only
                line, text = None, _Text(None, place)
            results.append(self._checked(Result(payload.source, line, index), value, text))
        return results

    def _input_problem(self, result: Result, rule: str, message: str, line: int | None = None, column: int | None = None) -> Result:
        result.problems.append(Problem(rule, message, line=line or result.line, column=column))
        result.total = 1
        return result

    def _checked(self, result: Result, value: object, text: _Text) -> Result:
        issues = None
        if self.guesser is not None:
            result.kind, result.reason, issues = self.guesser.guess(value, self._validate, self._fits)
        else:
            result.kind = self.kind
        if issues is None:
            issues = self._validate(value, result.kind)
        if isinstance(issues, str):
            return self._input_problem(result, "input-unchecked", issues)
        result.warned = sum(1 for issue in issues if issue.allowed)
        result.total = len(issues) - result.warned
        for issue in issues[: self.max_errors]:
            line, column = text.place(issue.pointer)
            result.problems.append(Problem(schema_rule(issue.keyword), issue.message, issue.pointer, line, column,
                                           issue.expected, issue.found, warning=issue.allowed))
        return result

    def stream(self, recorded: RecordedStream) -> Result:
        """A recorded event stream: every event against the event schema, then the stream rules."""
        result = Result(recorded.source, kind="stream")
        shown = _Shown(result, self.max_errors)
        rules = StreamChecker()
        count, last_line = 0, 1
        for event in recorded.events:
            count += 1
            last_line = event.line
            result.line = result.line or event.line
            if event.data is None:
                shown.add(Problem(*too_large(self.max_bytes), line=event.line, index=event.index))
            elif event.data.strip() == DONE_SENTINEL:
                for fault in rules.sentinel(event.index, event.line):
                    shown.add(Problem(fault.rule, fault.message, line=event.line, column=event.column + 1, index=event.index))
            else:
                self._stream_event(event, rules, shown)
            if event.unterminated:
                shown.add(Problem("stream-unterminated", "the stream ends inside this event (no blank line after it): "
                                                         "clients do not dispatch it", line=event.line, index=event.index))
        result.events = count
        if count == 0:
            shown.add(Problem("input-empty", "empty: no events in this event stream"))
        for fault in rules.end():
            shown.add(Problem(fault.rule, fault.message, line=last_line))
        return result

    def _stream_event(self, event, rules: StreamChecker, shown: _Shown) -> None:
        value, bad = decode(event.data)
        if bad is not None:
            rule, message, line, column = bad
            line = line or 1
            shown.add(Problem(rule, message, line=event.line + line - 1, index=event.index,
                              column=column + (event.column if line == 1 else 0) if column else None))
            return
        kind = value.get("type") if isinstance(value, dict) and isinstance(value.get("type"), str) else event.name
        text = _Text(event.data, Anchor(0, event.line, event.column))
        issues = self._validate(value, "event")
        if isinstance(issues, str):
            shown.add(Problem("input-unchecked", issues, line=event.line, index=event.index, event=kind))
            issues = []
        for issue in issues:
            if shown.full:
                shown.count(issue.allowed)
                continue
            line, column = text.place(issue.pointer)
            shown.add(Problem(schema_rule(issue.keyword), issue.message, issue.pointer, line, column, issue.expected,
                              issue.found, event.index, kind, warning=issue.allowed))
        for fault in rules.event(event.index, event.line, event.name, value):
            line, column = text.place(fault.pointer) if fault.pointer else (event.line, event.column + 1)
            shown.add(Problem(fault.rule, fault.message, fault.pointer or None, line, column, index=event.index, event=kind))


class _Shown:
    """A stream's problems: all counted, the first `limit` kept."""

    def __init__(self, result: Result, limit: int):
        self.result, self.limit = result, limit

    @property
    def full(self) -> bool:
        return len(self.result.problems) >= self.limit

    def count(self, warning: bool = False) -> None:
        if warning:
            self.result.warned += 1
        else:
            self.result.total += 1

    def add(self, problem: Problem) -> None:
        self.count(problem.warning)
        if not self.full:
            self.result.problems.append(problem)
