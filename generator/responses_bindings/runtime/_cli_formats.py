"""The document formats of `validate`: one JSON report, SARIF 2.1.0, or JUnit XML.

SARIF (OASIS Static Analysis Results Interchange Format 2.1.0,
https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html): one run, a rule per
problem class (_cli_rules), a result per problem with its file, line and column. JUnit XML
(as Jenkins, GitLab and GitHub test reporters read it): a test suite per file, a test case
per payload, a failure per invalid payload listing its problems.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from urllib.parse import quote

from ._cli_report import Report, Result, problem_text, where
from ._cli_rules import RULES

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report: Report, version: str) -> str:
    return {"json": json_report, "sarif": sarif_report, "junit": junit_report}[report.fmt](report, version)


def _problems(report: Report):
    for result in report.kept:
        for problem in result.problems:
            yield result, problem


def json_report(report: Report, version: str) -> str:
    shown = [
        {"file": result.file, "line": problem.line, "column": problem.column, "item": result.index, "kind": result.kind,
         "kind_reason": result.reason, "rule": problem.rule, "pointer": problem.pointer, "message": problem.message,
         "expected": problem.expected, "found": problem.found, "event_index": problem.index, "event": problem.event,
         "severity": "warning" if problem.warning else "error"}
        for result, problem in _problems(report)
    ]
    document = {
        "vendor": report.vendor, "version": version, "kind": report.kind, "strict": report.strict,
        "summary": {**report.summary(), "problems_shown": len(shown)},
        "files": [
            {"path": t.path, "payloads": t.payloads, "invalid": t.invalid, "kinds": dict(sorted(t.kinds.items()))}
            for t in report.files
        ],
        "problems": shown,
        "problems_truncated": report.found > len(shown),
        "io_errors": report.io_errors,
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def artifact_uri(path: str) -> str:
    """A path as a SARIF artifact URI: relative to the current folder when inside it, else file://."""
    if path == "<stdin>":
        return "stdin"
    raw = os.fsencode(path)
    relative = os.path.relpath(raw)
    if os.path.isabs(raw) and relative.startswith(b".."):
        return "file://" + quote(os.path.abspath(raw))
    return quote(relative.replace(os.sep.encode(), b"/"))


def sarif_report(report: Report, version: str) -> str:
    rule_ids = list(RULES)
    results = []
    for result, problem in _problems(report):
        region = {"startLine": problem.line} if problem.line else {}
        if problem.line and problem.column:
            region["startColumn"] = problem.column
        location: dict[str, object] = {"artifactLocation": {"uri": artifact_uri(result.file)}}
        if region:
            location["region"] = region
        properties = {"kind": result.kind, "pointer": problem.pointer, "expected": problem.expected, "found": problem.found}
        if result.index is not None:
            properties["item"] = result.index
        if problem.index is not None:
            properties.update(event_index=problem.index, event=problem.event)
        results.append({
            "ruleId": problem.rule, "ruleIndex": rule_ids.index(problem.rule), "level": "warning" if problem.warning else "error",
            "message": {"text": problem_text(result, problem)},
            "locations": [{"physicalLocation": location}],
            "properties": {key: value for key, value in properties.items() if value not in (None, "")},
        })
    notifications = [{"level": "error", "message": {"text": message}} for message in report.io_errors]
    run = {
        "tool": {"driver": {
            "name": "responses-bindings validate", "version": version or "0",
            "rules": [{"id": rule, "shortDescription": {"text": text}} for rule, text in RULES.items()],
        }},
        "columnKind": "unicodeCodePoints",
        "invocations": [{"executionSuccessful": not report.io_errors, "toolExecutionNotifications": notifications}],
        "results": results,
        "properties": {"vendor": report.vendor, "summary": report.summary()},
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2)


def _xml_text(text: str) -> str:
    """Text that XML 1.0 can hold (control characters as \\uXXXX)."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _case_name(result: Result) -> str:
    name = where("", result.line).lstrip(":") or "whole file"
    name = f"line {name}" if result.line else name
    if result.index is not None:
        name += f" item {result.index}"
    if result.events is not None:
        name += f" stream of {result.events} event(s)"
    return name + (f" ({result.kind})" if result.kind else "")


def junit_report(report: Report, version: str) -> str:
    by_file: dict[str, list[Result]] = {}
    for result in report.kept:
        by_file.setdefault(result.file, []).append(result)
    invalid = sum(not result.valid for result in report.kept)
    root = ET.Element("testsuites", name=f"responses-bindings validate ({report.vendor})",
                      tests=str(len(report.kept) + len(report.io_errors)), failures=str(invalid),
                      errors=str(len(report.io_errors)))
    for file, results in by_file.items():
        suite = ET.SubElement(root, "testsuite", name=_xml_text(file), tests=str(len(results)),
                              failures=str(sum(not r.valid for r in results)), errors="0", skipped="0")
        for result in results:
            case = ET.SubElement(suite, "testcase", classname=_xml_text(file), name=_xml_text(_case_name(result)))
            if result.valid:
                if result.problems:  # allowed warnings only
                    shown = [f"{where(file, p.line, p.column)}: {problem_text(result, p)}" for p in result.problems]
                    ET.SubElement(case, "system-out").text = _xml_text("\n".join(shown))
                continue
            lines = [f"{where(file, p.line, p.column)}: {problem_text(result, p)}" for p in result.problems]
            if result.omitted:
                lines.append(f"... and {result.omitted} more problem(s) (--max-errors)")
            first = result.problems[0] if result.problems else None
            failure = ET.SubElement(case, "failure", type=first.rule if first else "invalid",
                                    message=_xml_text(f"{result.total} problem(s)" + (f"; first: {problem_text(result, first)}" if first else "")))
            failure.text = _xml_text("\n".join(lines))
    if report.io_errors:
        suite = ET.SubElement(root, "testsuite", name="input", tests=str(len(report.io_errors)), failures="0",
                              errors=str(len(report.io_errors)), skipped="0")
        for message in report.io_errors:
            case = ET.SubElement(suite, "testcase", classname="input", name=_xml_text(message))
            ET.SubElement(case, "error", type="io", message=_xml_text(message))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
