"""Check one payload: decode it, choose its kind, validate it, report what is wrong."""

from __future__ import annotations

from types import ModuleType

import orjson

from . import readers
from .kinds import guess_kind
from .report import FileTally, Problem, Report


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
