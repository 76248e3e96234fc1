"""What validate reports, and how: text, GitHub workflow annotations or one JSON document."""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field

from . import progress

MAX_REPORTED_PROBLEMS = 10_000


@dataclass
class Problem:
    """One reported line: a payload's issue, or an input problem (pointer empty)."""

    file: str
    line: int | None
    kind: str | None
    message: str
    kind_reason: str = ""
    pointer: str = ""
    expected: str = ""
    found: str = ""
    keyword: str = ""


@dataclass
class FileTally:
    path: str
    payloads: int = 0
    invalid: int = 0
    kinds: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)


def _gh_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


class Report:
    """Collects results and prints them as text, GitHub workflow annotations or one JSON document."""

    def __init__(self, fmt: str, vendor: str, kind: str, strict: bool, stream=sys.stdout):
        self.fmt, self.vendor, self.kind, self.strict, self.stream = fmt, vendor, kind, strict, stream
        self.files: list[FileTally] = []
        self.problems: list[Problem] = []
        self.io_errors: list[str] = []
        self.problem_count = 0
        self.bar: progress.ProgressBar | None = None

    def _emit(self, line: str, stream=None) -> None:
        if self.bar:
            self.bar.clear()
        print(line, file=stream or self.stream)

    def io_error(self, message: str) -> None:
        self.io_errors.append(message)
        if self.fmt == "github":
            self._emit(f"::error title=responses-bindings validate::{_gh_escape(message)}")
        elif self.fmt == "text":
            self._emit(f"error: {message}", sys.stderr)

    def problem(self, problem: Problem) -> None:
        self.problem_count += 1
        if self.fmt == "json":
            if len(self.problems) < MAX_REPORTED_PROBLEMS:
                self.problems.append(problem)
            return
        where = problem.file + (f":{problem.line}" if problem.line else "")
        reason = f", auto: {problem.kind_reason}" if problem.kind_reason else ""
        label = f"[{problem.kind}{reason}] " if problem.kind else ""
        place = f"{problem.pointer or '/'}: " if problem.keyword else ""
        if self.fmt == "text":
            self._emit(f"{where}: {label}{place}{problem.message}")
            return
        location = f"file={_gh_escape(problem.file, True)}" + (f",line={problem.line}" if problem.line else "")
        title = _gh_escape(f"{problem.kind or 'payload'} {problem.pointer or '/'}" if problem.keyword else "bad input", True)
        self._emit(f"::error {location},title={title}::{_gh_escape(place + problem.message)}")

    def file_done(self, tally: FileTally) -> None:
        self.files.append(tally)
        if self.fmt != "text":
            return
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(tally.kinds.items()))
        chosen = f"; kinds: {kinds}" if kinds else ""
        if self.kind == "auto" and tally.reasons:
            chosen += " (auto: " + "; ".join(f"{reason}" for reason, _ in tally.reasons.most_common(3)) + ")"
        valid = tally.payloads - tally.invalid
        self._emit(f"{tally.path}: {tally.payloads} payload(s), {valid} valid, {tally.invalid} invalid{chosen}")

    def summary(self) -> dict:
        payloads = sum(t.payloads for t in self.files)
        invalid = sum(t.invalid for t in self.files)
        return {
            "files": len(self.files), "payloads": payloads, "valid": payloads - invalid, "invalid": invalid,
            "problems": self.problem_count, "io_errors": len(self.io_errors),
        }

    def finish(self) -> None:
        totals = self.summary()
        if self.fmt == "json":
            document = {
                "vendor": self.vendor, "kind": self.kind, "strict": self.strict, "summary": totals,
                "files": [
                    {"path": t.path, "payloads": t.payloads, "invalid": t.invalid, "kinds": dict(sorted(t.kinds.items()))}
                    for t in self.files
                ],
                "problems": [vars(p) for p in self.problems],
                "problems_truncated": self.problem_count > len(self.problems),
                "io_errors": self.io_errors,
            }
            self._emit(json.dumps(document, ensure_ascii=False, indent=2))
            return
        line = (
            f"{self.vendor}: {totals['files']} file(s), {totals['payloads']} payload(s): {totals['valid']} valid, "
            f"{totals['invalid']} invalid, {totals['problems']} problem(s)"
            + (f", {totals['io_errors']} I/O error(s)" if self.io_errors else "")
        )
        self._emit(line if self.fmt == "text" else f"::notice title=responses-bindings validate::{line}")
