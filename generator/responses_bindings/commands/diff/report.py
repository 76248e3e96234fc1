"""The diff as text, markdown, JSON, GitHub workflow annotations or JUnit XML.

Changes come most severe first. A change of a shared component shows once, at its shallowest
place, with how many more places it reaches (`--all-places` lists them) and, when several
vendors were compared, which vendors it reaches.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .ignore import Ignore
from .impact import Reported
from .rules import LEVELS, at_least

FORMATS = ("text", "markdown", "json", "github", "junit")
HEADINGS = {"error": "ERROR: breaks clients", "warning": "WARNING: may break clients", "info": "INFO: does not break"}


@dataclass
class DiffReport:
    title: str
    vendors: list[str]
    changes: list[Reported]
    fail_on: str = "error"
    all_places: bool = False
    notes: list[str] = field(default_factory=list)
    unused: list[Ignore] = field(default_factory=list)

    def failing(self) -> list[Reported]:
        return [c for c in self.changes if c.ignored is None and at_least(c.level, self.fail_on)]

    def counts(self) -> dict[str, int]:
        counted = {level: sum(c.level == level and c.ignored is None for c in self.changes) for level in LEVELS}
        return {"changes": len(self.changes), **counted, "ignored": sum(c.ignored is not None for c in self.changes),
                "failing": len(self.failing())}

    def summary(self) -> str:
        counts = self.counts()
        if not self.changes:
            return "no changes"
        text = f"{counts['changes']} change(s): {counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info"
        text += f"; {counts['ignored']} ignored" if counts["ignored"] else ""
        return text + f"; {counts['failing']} at or above --fail-on {self.fail_on}"

    def vendors_of(self, change: Reported) -> str:
        return ", ".join(change.vendors) if len(self.vendors) > 1 else ""


def render(report: DiffReport, fmt: str) -> str:
    return {"text": text, "markdown": markdown, "json": as_json, "github": github, "junit": junit}[fmt](report)


def _more(change: Reported) -> str:
    more = len(change.places) - 1
    return f"  [and {more} more place{'s' * (more > 1)}]" if more else ""


def text(report: DiffReport) -> str:
    lines = [report.title, *report.notes]
    for level in LEVELS:
        part = [c for c in report.changes if c.level == level and c.ignored is None]
        if part:
            lines.append(HEADINGS[level])
        for change in part:
            first = change.first
            tags = "; ".join(filter(None, [change.rule, report.vendors_of(change)]))
            more = "" if report.all_places else _more(change)
            lines.append(f"  {first.kind:9} {first.where or '(the payload)'}: {first.message}  [{tags}]{more}")
            if report.all_places:
                lines += [f"      also {p.change.kind} {p.change.where}" + (f" ({', '.join(p.vendors)})" if report.vendors_of(change) else "")
                          for p in change.places[1:]]
    ignored = [c for c in report.changes if c.ignored is not None]
    if ignored:
        lines.append("IGNORED (ignore file)")
        lines += [f"  {c.first.kind:9} {c.first.where}: {c.first.message}  [{c.rule}] because: {c.ignored}" for c in ignored]
    lines += [f"ignore file entry {i.number} ({i.rule} at {i.where}) matched no change" for i in report.unused]
    lines.append(report.summary())
    return "\n".join(lines)


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def markdown(report: DiffReport) -> str:
    lines = [f"### Spec changes: {_cell(report.title)}", "", report.summary(), ""]
    lines += [f"> {_cell(note)}" for note in report.notes]
    if not report.changes:
        return "\n".join(lines).rstrip() + "\n"
    show_vendors = len(report.vendors) > 1
    header = ["Level", "Rule", "Kind", "Where", "Change", *(["Vendors"] * show_vendors), "Places"]
    lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for change in report.changes:
        first = change.first
        level = f"~~{change.level}~~ ignored: {_cell(change.ignored)}" if change.ignored is not None else f"**{change.level}**"
        if report.all_places:
            places = "<br>".join(f"{p.change.kind} `{_cell(p.change.where)}`" for p in change.places)
        else:
            places = str(len(change.places))
        row = [level, f"`{change.rule}`", first.kind, f"`{_cell(first.where)}`", _cell(first.message),
               *([", ".join(change.vendors)] * show_vendors), places]
        lines.append("| " + " | ".join(row) + " |")
    lines += [f"\nIgnore file entry {i.number} ({i.rule} at `{i.where}`) matched no change." for i in report.unused]
    return "\n".join(lines) + "\n"


def as_json(report: DiffReport) -> str:
    changes = []
    for change in report.changes:
        first = change.first
        changes.append({
            "rule": change.rule, "level": change.level, "direction": change.direction, "kind": first.kind,
            "where": first.where, "message": first.message, "vendors": change.vendors, "file": first.file,
            "line": first.line, "ignored": change.ignored,
            "places": [{"kind": p.change.kind, "where": p.change.where, "vendors": p.vendors} for p in change.places],
        })
    document = {
        "title": report.title, "vendors": report.vendors, "fail_on": report.fail_on, "summary": report.counts(),
        "changes": changes, "notes": report.notes,
        "unused_ignores": [{"entry": i.number, "rule": i.rule, "where": i.where} for i in report.unused],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def github(report: DiffReport) -> str:
    commands = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for change in report.changes:
        if change.ignored is not None:
            continue
        first = change.first
        place = f"file={_escape(first.file, True)}" + (f",line={first.line}" if first.line else "")
        vendors = f" (vendors: {', '.join(change.vendors)})" if report.vendors_of(change) else ""
        more = f"; also at {len(change.places) - 1} more place(s)" if len(change.places) > 1 else ""
        message = f"{first.kind} {first.where}: {first.message}{vendors}{more}"
        lines.append(f"::{commands[change.level]} {place},title={_escape(change.rule, True)}::{_escape(message)}")
    lines += [f"::warning title=diff ignore file::{_escape(f'entry {i.number} ({i.rule} at {i.where}) matched no change')}"
              for i in report.unused]
    lines.append(f"::notice title=responses-bindings diff::{_escape(report.title + ': ' + report.summary())}")
    return "\n".join(lines)


def junit(report: DiffReport) -> str:
    import xml.etree.ElementTree as ET  # only this format needs it: keep the common start fast

    counts = report.counts()
    root = ET.Element("testsuites", name="responses-bindings diff", tests=str(counts["changes"]),
                      failures=str(counts["failing"]), errors="0")
    suite = ET.SubElement(root, "testsuite", name=report.title, tests=str(counts["changes"]),
                          failures=str(counts["failing"]), errors="0", skipped=str(counts["ignored"]))
    failing = {id(change) for change in report.failing()}
    for change in report.changes:
        first = change.first
        case = ET.SubElement(suite, "testcase", classname=f"{first.kind}.{change.rule}", name=f"{first.where}: {first.message}")
        detail = "\n".join(f"{p.change.kind} {p.change.where} ({', '.join(p.vendors)})" for p in change.places)
        if change.ignored is not None:
            ET.SubElement(case, "skipped", message=f"ignored: {change.ignored}")
        elif id(change) in failing:
            failure = ET.SubElement(case, "failure", type=change.rule, message=f"{change.level}: {first.message}")
            failure.text = detail
        else:
            ET.SubElement(case, "system-out").text = f"{change.level}: {detail}"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
