"""What `validate` found, and the line formats: plain text and GitHub workflow annotations.

Results arrive one payload (or recorded stream) at a time. Line formats print them at once;
the document formats (json, sarif, junit, in _cli_formats) print everything at the end from
what is kept here: every payload for junit, the shown problems (at most 10,000) otherwise.
File names are shown with control characters and undecodable bytes escaped, so a name can
neither forge a report line nor fail on a strict stdout.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

MAX_KEPT_PROBLEMS = 10_000
DOCUMENT_FORMATS = ("json", "sarif", "junit")
FORMATS = ("text", "github", *DOCUMENT_FORMATS)


def shown_name(name: str) -> str:
    """A path as text that is safe on one report line: undecodable bytes as \\xNN, controls escaped."""
    raw = name.encode("utf-8", "surrogateescape")
    text = raw.decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii") for ch in text)


@dataclass
class Problem:
    """One thing wrong: its class (a rule id), a message, and where (pointer None: the input itself)."""

    rule: str
    message: str
    pointer: str | None = None
    line: int | None = None
    column: int | None = None
    expected: str = ""
    found: str = ""
    index: int | None = None  # in a recorded stream: the event's index (from 0)
    event: str | None = None  # in a recorded stream: the event's type
    warning: bool = False  # a deviation of a class `--allow` names: shown, but the payload stays valid


@dataclass
class Result:
    """One checked payload, or one recorded stream, with the problems shown (`total` = all errors
    found, `warned` = all warnings found)."""

    file: str
    line: int | None = None
    index: int | None = None  # the payload's index in a .json file holding an array
    kind: str | None = None
    reason: str = ""  # why --kind auto chose `kind`
    problems: list[Problem] = field(default_factory=list)
    total: int = 0
    events: int | None = None  # a recorded stream's event count
    warned: int = 0

    @property
    def valid(self) -> bool:
        return self.total == 0

    @property
    def omitted(self) -> int:
        return self.total + self.warned - len(self.problems)

    def label(self) -> str:
        parts = [] if self.index is None else [f"item {self.index}"]
        parts += [self.kind] if self.kind else []
        parts += [f"auto: {self.reason}"] if self.reason else []
        return ", ".join(parts)


@dataclass
class FileTally:
    path: str
    payloads: int = 0
    invalid: int = 0
    events: int = 0
    kinds: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)


def where(file: str, line: int | None, column: int | None = None) -> str:
    return file + (f":{line}" if line else "") + (f":{column}" if line and column else "")


def _gh_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def problem_label(result: Result, problem: Problem) -> str:
    """`[item 2, response, auto: ...]` or `[stream, event 3 response.output_text.delta]`; empty for input problems."""
    parts = [result.label()] if result.label() else []
    if problem.index is not None:
        parts.append(f"event {problem.index}" + (f" {problem.event}" if problem.event else ""))
    return f"[{', '.join(parts)}] " if parts else ""


def problem_text(result: Result, problem: Problem) -> str:
    place = f"{problem.pointer or '/'}: " if problem.pointer is not None else ""
    severity = "warning (allowed): " if problem.warning else ""
    return f"{severity}{problem_label(result, problem)}{place}{problem.message}"


class Report:
    """Collects results; prints line formats as they come and document formats at the end."""

    def __init__(self, fmt: str, vendor: str, kind: str, strict: bool, stream: TextIO | None = None, tool: str = ""):
        self.fmt, self.vendor, self.kind, self.strict = fmt, vendor, kind, strict
        self.stream = stream or sys.stdout
        self.tool = tool or "validate"
        self.files: list[FileTally] = []
        self.kept: list[Result] = []  # document formats: the results they print
        self.kept_problems = 0
        self.io_errors: list[str] = []
        self.found = 0
        self.warnings = 0
        self.before_output: Callable[[], None] | None = None  # called before each line (clears a progress bar)

    def _emit(self, line: str, stream: TextIO | None = None) -> None:
        if self.before_output:
            self.before_output()
        print(line, file=stream or self.stream)

    def io_error(self, message: str) -> None:
        self.io_errors.append(message)
        if self.fmt == "github":
            self._emit(f"::error title={_gh_escape(self.tool, True)}::{_gh_escape(message)}")
        elif self.fmt == "text":
            self._emit(f"error: {message}", sys.stderr)

    def result(self, result: Result) -> None:
        self.found += result.total
        self.warnings += result.warned
        if self.fmt in DOCUMENT_FORMATS:
            self._keep(result)
        elif self.fmt == "text":
            for problem in result.problems:
                self._emit(f"{where(result.file, problem.line, problem.column)}: {problem_text(result, problem)}")
            if result.omitted:
                self._emit(f"{where(result.file, result.line)}: ... and {result.omitted} more problem(s) (--max-errors)")
        else:
            for problem in result.problems:
                self._annotate(result, problem)
            if result.omitted:
                place = f"file={_gh_escape(result.file, True)}" + (f",line={result.line}" if result.line else "")
                self._emit(f"::notice {place},title=more problems::{result.omitted} more problem(s) not shown (--max-errors)")

    def _keep(self, result: Result) -> None:
        if self.fmt == "junit":
            self.kept.append(result)
            return
        room = MAX_KEPT_PROBLEMS - self.kept_problems
        if result.problems and room > 0:
            shown = result.problems[:room]
            self.kept.append(Result(result.file, result.line, result.index, result.kind, result.reason, shown,
                                    result.total, result.events, result.warned))
            self.kept_problems += len(shown)

    def _annotate(self, result: Result, problem: Problem) -> None:
        place = f"file={_gh_escape(result.file, True)}"
        place += f",line={problem.line}" if problem.line else ""
        place += f",col={problem.column}" if problem.line and problem.column else ""
        title = f"{result.kind or 'payload'} {problem.pointer or '/'}" if problem.pointer is not None else "bad input"
        level = "warning" if problem.warning else "error"
        self._emit(f"::{level} {place},title={_gh_escape(f'{problem.rule}: {title}', True)}::{_gh_escape(problem_text(result, problem))}")

    def file_done(self, tally: FileTally) -> None:
        self.files.append(tally)
        if self.fmt != "text":
            return
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(tally.kinds.items()))
        chosen = f"; kinds: {kinds}" if kinds else ""
        chosen += f" ({tally.events} events)" if tally.events else ""
        if tally.reasons:
            chosen += " (auto: " + "; ".join(reason for reason, _ in tally.reasons.most_common(3)) + ")"
        valid = tally.payloads - tally.invalid
        self._emit(f"{tally.path}: {tally.payloads} payload(s), {valid} valid, {tally.invalid} invalid{chosen}")

    def summary(self) -> dict:
        payloads = sum(t.payloads for t in self.files)
        invalid = sum(t.invalid for t in self.files)
        return {
            "files": len(self.files), "payloads": payloads, "valid": payloads - invalid, "invalid": invalid,
            "problems": self.found, "warnings": self.warnings, "io_errors": len(self.io_errors),
        }

    def summary_line(self) -> str:
        totals = self.summary()
        return (
            f"{self.vendor}: {totals['files']} file(s), {totals['payloads']} payload(s): {totals['valid']} valid, "
            f"{totals['invalid']} invalid, {totals['problems']} problem(s)"
            + (f", {totals['warnings']} allowed warning(s)" if self.warnings else "")
            + (f", {totals['io_errors']} I/O error(s)" if self.io_errors else "")
        )

    def finish(self, version: str = "") -> None:
        if self.fmt in DOCUMENT_FORMATS:
            from ._cli_formats import render

            self._emit(render(self, version))
        elif self.fmt == "text":
            self._emit(self.summary_line())
        else:
            self._emit(f"::notice title={_gh_escape(self.tool, True)}::{_gh_escape(self.summary_line())}")
