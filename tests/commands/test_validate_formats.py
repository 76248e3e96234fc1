"""validate's output formats, read back by parsers we did not write (sarif-pydantic for SARIF 2.1.0,
junitparser for JUnit XML), and the package's own `python -m <vendor>_responses validate`."""

from __future__ import annotations

import json

import pytest
from junitparser import Failure, JUnitXml
from recorded import bad_response, example, output, run_cli, run_package, sse, stream_events
from sarif_pydantic import Sarif

from responses_bindings.runtime._cli_rules import RULES


@pytest.fixture
def mixed(tmp_path):
    """A folder with a valid and an invalid payload in a .jsonl, a broken stream and a non-JSON file."""
    folder = tmp_path / "rec"
    folder.mkdir()
    lines = [json.dumps(example("ai360", "request")), json.dumps(bad_response("ai360"))]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    events = stream_events("ai360")
    events[3]["sequence_number"] = 1
    (folder / "b.sse").write_bytes(sse(events))
    (folder / "c.json").write_text("{nope", "utf-8")
    return folder


def test_json_report(mixed):
    result = run_cli("--vendor", "ai360", "--format", "json", str(mixed))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["summary"] == {"files": 3, "payloads": 4, "valid": 1, "invalid": 3, "problems": 3, "warnings": 0, "io_errors": 0,
                                 "problems_shown": 3}
    first = report["problems"][0]
    assert (first["line"], first["kind"], first["pointer"], first["expected"], first["found"], first["rule"]) == (
        2, "response", "/usage/output_tokens", "integer", 'string "lots"', "schema-type")
    assert first["kind_reason"].startswith('has "object"')
    assert report["version"].startswith("2026.") and "+h" in report["version"]


def test_github_annotations(mixed):
    result = run_cli("--vendor", "ai360", "--format", "github", str(mixed))
    lines = result.stdout.decode().splitlines()
    line = json.dumps(bad_response("ai360"))
    column = line.index('"lots"') + 1
    assert lines[0] == (f"::error file={mixed}/a.jsonl,line=2,col={column},title=schema-type%3A response /usage/output_tokens::"
                        '[response, auto: has "object", "completed_at" and 4 more (only a response has them)] '
                        '/usage/output_tokens: expected integer, found string "lots"')
    assert any(f"file={mixed}/b.sse,line=" in line and "stream-sequence" in line for line in lines)
    assert lines[-1].startswith("::notice title=responses-bindings validate::ai360: 3 file(s)")


def test_sarif_is_read_by_a_sarif_2_1_0_model(mixed):
    result = run_cli("--vendor", "ai360", "--format", "sarif", str(mixed), cwd=mixed)
    assert result.returncode == 1
    document = json.loads(result.stdout)
    sarif = Sarif.model_validate(document)
    assert sarif.version == "2.1.0"
    run, = sarif.runs
    rules = [rule.id for rule in run.tool.driver.rules]
    assert rules == list(RULES)
    found = {(r.rule_id, r.locations[0].physical_location.artifact_location.uri) for r in run.results}
    assert found == {("schema-type", "a.jsonl"), ("stream-sequence", "b.sse"), ("input-not-json", "c.json")}
    for raw in document["runs"][0]["results"]:
        assert rules[raw["ruleIndex"]] == raw["ruleId"] and raw["level"] == "error"
        region = raw["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    typed = next(r for r in document["runs"][0]["results"] if r["ruleId"] == "schema-type")
    assert typed["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2, "startColumn": json.dumps(bad_response("ai360")).index('"lots"') + 1}


def test_junit_has_a_test_case_per_payload(mixed, tmp_path):
    result = run_cli("--vendor", "ai360", "--format", "junit", str(mixed))
    assert result.returncode == 1
    path = tmp_path / "junit.xml"
    path.write_bytes(result.stdout)
    xml = JUnitXml.fromfile(str(path))
    suites = {suite.name: suite for suite in xml}
    assert sorted(suites) == [f"{mixed}/a.jsonl", f"{mixed}/b.sse", f"{mixed}/c.json"]
    cases = {suite.name.rsplit("/", 1)[1]: [(case.name, [type(r).__name__ for r in case.result]) for case in suite]
             for suite in suites.values()}
    assert cases["a.jsonl"] == [("line 1 (request)", []), ("line 2 (response)", ["Failure"])]
    assert cases["b.sse"][0][1] == ["Failure"] and "stream of" in cases["b.sse"][0][0]
    failure = next(r for case in suites[f"{mixed}/a.jsonl"] for r in case.result if isinstance(r, Failure))
    assert failure.type == "schema-type" and "/usage/output_tokens" in failure.text
    assert (xml.tests, xml.failures) == (4, 3)


def test_junit_escapes_what_xml_cannot_hold(tmp_path):
    path = tmp_path / "ctl.jsonl"
    path.write_bytes(b'{"model": "m\\u0001", "input": 5}\n\x01\x02{}\n')
    result = run_cli("--vendor", "ai360", "--format", "junit", str(path))
    junit = tmp_path / "out.xml"
    junit.write_bytes(result.stdout)
    assert JUnitXml.fromfile(str(junit)).failures == 2


def test_io_errors_show_in_every_format(tmp_path):
    missing = str(tmp_path / "missing.json")
    for fmt in ("json", "sarif", "junit", "github"):
        result = run_cli("--vendor", "ai360", "--format", fmt, missing)
        assert result.returncode == 2 and "missing.json: no such file or directory" in result.stdout.decode(), fmt


# -- the package's own command line: same options, formats and exit codes -------------------

@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit"])
def test_python_m_package_validate_prints_what_the_generator_command_prints(mixed, fmt):
    mine = run_package("ai360", "validate", "--format", fmt, str(mixed))
    theirs = run_cli("--vendor", "ai360", "--format", fmt, str(mixed))
    assert mine.returncode == theirs.returncode == 1, output(mine)
    if fmt == "sarif":
        assert json.loads(mine.stdout)["runs"][0]["results"] == json.loads(theirs.stdout)["runs"][0]["results"]
    else:
        assert mine.stdout == theirs.stdout


def test_python_m_package_usage_and_version(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(example("zhixin", "request")), "utf-8")
    assert run_package("zhixin", "validate", str(path)).returncode == 0
    assert run_package("zhixin", "validate", "--vendor", "zhixin", str(path)).returncode == 0
    other = run_package("zhixin", "validate", "--vendor", "ai360", str(path))
    assert other.returncode == 2 and "this is the zhixin package" in output(other)
    assert run_package("zhixin", "validate").returncode == 2
    version = run_package("zhixin", "--version")
    assert version.returncode == 0 and version.stdout.decode().startswith("zhixin_responses 2026.")


@pytest.fixture
def extra_field(tmp_path):
    """A documented request with one undeclared property: `--strict` reports it as an unknown-field."""
    path = tmp_path / "extra.json"
    path.write_text(json.dumps({**example("zhixin", "request"), "x_trace": "t-1"}), "utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "github", "json", "sarif", "junit"])
def test_allowed_classes_are_warnings_in_every_format_and_exit_0(extra_field, fmt):
    strict = ["--vendor", "zhixin", "--kind", "request", "--strict", "--format", fmt, str(extra_field)]
    refused = run_cli(*strict)
    allowed = run_cli(*strict[:-1], "--allow", "unknown-field,bad-value", str(extra_field))
    assert (refused.returncode, allowed.returncode) == (1, 0), output(allowed)
    refused_text, allowed_text = refused.stdout.decode(), allowed.stdout.decode()
    assert "/x_trace" in allowed_text
    shown_as_warning = {
        "text": "warning (allowed): [request] /x_trace",
        "github": "::warning file=",
        "json": '"severity": "warning"',
        "sarif": '"level": "warning"',
        "junit": "<system-out>",
    }[fmt]
    assert shown_as_warning in allowed_text and shown_as_warning not in refused_text


def test_an_unknown_class_is_a_usage_error(extra_field):
    result = run_cli("--vendor", "zhixin", "--allow", "typo", str(extra_field))
    assert result.returncode == 2 and "unknown class typo; expected unknown-field" in output(result)
