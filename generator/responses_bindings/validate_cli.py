"""`responses-bindings validate`: check recorded payloads against a vendor's schemas, for CI.

Exit codes: 0 every payload is valid, 1 at least one is invalid (including input that is not
a JSON payload at all: empty, binary, not JSON, nested too deeply, too large), 2 usage or I/O
errors (unknown vendor, missing or unreadable path).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import orjson

from . import progress, readers

KIND_CHOICES = ("auto", "request", "response", "error", "event")
MAX_REPORTED_PROBLEMS = 10_000
VENDOR_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class UsageError(Exception):
    """A problem with the command line itself (exit 2)."""


def load_vendor(vendor: str, out: Path) -> ModuleType:
    """`<vendor>_responses` from `out/<vendor>/` when generated there, else as installed."""
    if not VENDOR_NAME.match(vendor):
        raise UsageError(f"--vendor {vendor!r}: expected a vendor id such as ai360")
    folder = out / vendor
    if (folder / f"{vendor}_responses" / "__init__.py").is_file() and str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    try:
        return importlib.import_module(f"{vendor}_responses")
    except ImportError:
        known = sorted(p.name for p in out.iterdir() if (p / f"{p.name}_responses").is_dir()) if out.is_dir() else []
        hint = f"; generated vendors in {out}: {', '.join(known)}" if known else ""
        raise UsageError(f"unknown vendor {vendor!r}: no {folder}/ and no installed {vendor}_responses package{hint}") from None


def guess_kind(value: object, package: ModuleType) -> tuple[str, str]:
    """The kind a payload's shape says it is, and why; the closest kind when the shape is unclear."""
    if isinstance(value, dict):
        tag = value.get("type")
        if value.get("object") == "response":
            return "response", 'object is "response"'
        if isinstance(tag, str) and (tag.startswith("response.") or tag == "error"):
            return "event", f"type is {json.dumps(tag)}"
        if "model" not in value and ("error" in value or {"code", "message"} <= value.keys()):
            return "error", "error fields and no model"
        if "model" in value and "output" not in value:
            return "request", "model and no output"
    counts = {kind: len(package.validate(value, kind)) for kind in package.KINDS}
    best = min(package.KINDS, key=lambda kind: counts[kind])
    return best, "closest match"


def decode(data: bytes) -> tuple[object, str | None]:
    """The JSON value of `data`, or a one-line reason it is not a JSON payload."""
    try:
        return orjson.loads(data), None
    except orjson.JSONDecodeError as exc:
        text = str(exc)
        if "depth limit" in text:
            return None, "nested too deeply: more than 1024 levels of arrays/objects"
        if "UTF-8" in text:
            return None, f"not UTF-8 text: {text}"
        return None, f"not JSON: {text}"


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


def check_payload(payload: readers.Payload, package: ModuleType, args, tally: FileTally, report: Report) -> None:
    """Validate one payload (or report why it is not one) into `tally` and `report`."""
    tally.payloads += 1
    problem = payload.problem
    value = None
    if problem is None:
        value, problem = decode(payload.data)
    if problem is not None:
        tally.invalid += 1
        report.problem(Problem(payload.source, payload.line, None, problem))
        return
    kind, reason = guess_kind(value, package) if args.kind == "auto" else (args.kind, "")
    tally.kinds[kind] += 1
    if reason:
        tally.reasons[f"{kind}: {reason}"] += 1
    issues = package.validate(value, kind, strict=args.strict)
    if not issues:
        return
    tally.invalid += 1
    for issue in issues[: args.max_errors]:
        report.problem(Problem(payload.source, payload.line, kind, issue.message, reason, issue.pointer or "/",
                               issue.expected, issue.found, issue.keyword or "schema"))
    if len(issues) > args.max_errors:
        more = len(issues) - args.max_errors
        report.problem(Problem(payload.source, payload.line, kind, f"... and {more} more problem(s) (--max-errors)", reason))


def run(args: argparse.Namespace) -> int:
    """The `validate` command; returns the exit code (2 also when stdout is closed early)."""
    try:
        return _run(args)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 2


def _run(args: argparse.Namespace) -> int:
    report = Report(args.format, args.vendor, args.kind, args.strict)
    try:
        if args.max_errors < 1 or args.max_bytes < 1:
            raise UsageError("--max-errors and --max-bytes must be positive")
        package = load_vendor(args.vendor, args.out)
    except UsageError as exc:
        print(f"responses-bindings validate: error: {exc}", file=sys.stderr)
        return 2
    sources, errors = readers.expand(args.paths)
    for message in errors:
        report.io_error(message)
    meter = readers.Meter()
    total = readers.total_bytes(sources)
    bar = report.bar = progress.ProgressBar(total) if progress.wanted(total) else None
    stdin = sys.stdin.buffer
    try:
        for source in sources:
            name = "<stdin>" if source == readers.STDIN else source
            tally = FileTally(name)
            try:
                for payload in readers.payloads(source, stdin, args.max_bytes, meter):
                    check_payload(payload, package, args, tally, report)
                    if bar:
                        bar.update(meter.done)
            except OSError as exc:
                report.io_error(f"{name}: cannot read: {exc.strerror or exc}")
                continue
            if tally.payloads == 0:
                check_payload(readers.Payload(name, None, problem="empty: no payloads"), package, args, tally, report)
            report.file_done(tally)
    finally:
        if bar:
            bar.clear()
        report.bar = None
    report.finish()
    if report.io_errors:
        return 2
    return 1 if any(t.invalid for t in report.files) else 0


def add_parser(commands) -> None:
    """Register `validate` on the CLI's subcommands."""
    parser = commands.add_parser(
        "validate", help="validate recorded payloads (.json, .jsonl, directories, - for stdin)", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--vendor", required=True, help="vendor id, e.g. ai360 or zhixin")
    parser.add_argument("--kind", choices=KIND_CHOICES, default="auto", help="payload kind (default: auto, told apart by shape)")
    parser.add_argument("--strict", action="store_true", help="also report properties the schema does not declare")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text", help="output format (default: text)")
    parser.add_argument("--max-errors", type=int, default=20, metavar="N", help="problems shown per payload (default: 20)")
    parser.add_argument("--max-bytes", type=int, default=readers.DEFAULT_MAX_BYTES, metavar="N",
                        help=f"largest payload or JSONL line accepted (default: {readers.DEFAULT_MAX_BYTES:,})")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a .json/.jsonl file, a directory, or - for stdin")
    parser.set_defaults(run=run)
