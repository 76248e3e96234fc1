"""`responses-bindings diff`: every rule on a tiny pair of specs (each rule fired by at least one
case), stream events, grouping and --all-places, per-vendor impact, the ignore file, --fail-on,
the formats, git revisions, exit codes, and the real specs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
import yaml
from junitparser import JUnitXml
from tiny_specs import root_document, schemas, write_spec

from responses_bindings.commands import diff
from responses_bindings.commands.diff.rules import RULES, rules_table

from conftest import REPO, SPEC

EVENTS = {
    "StreamEvent": {"oneOf": [{"$ref": "./DeltaEvent.yaml"}, {"$ref": "./DoneEvent.yaml"}]},
    "DeltaEvent": {
        "type": "object", "required": ["type", "sequence_number", "delta"],
        "properties": {"type": {"type": "string", "const": "response.delta"}, "sequence_number": {"type": "integer"},
                       "delta": {"type": "string"}},
    },
    "DoneEvent": {
        "type": "object", "required": ["type", "sequence_number", "response"],
        "properties": {"type": {"type": "string", "const": "response.completed"}, "sequence_number": {"type": "integer"},
                       "response": {"$ref": "./Response.yaml"}},
    },
}


def streaming_schemas() -> dict:
    return {**schemas(), **json.loads(json.dumps(EVENTS))}


def streaming_root(vendor: str = "acme") -> dict:
    root = root_document(vendor)
    ok = root["paths"]["/v1/responses"]["post"]["responses"]["200"]["content"]
    ok["text/event-stream"] = {"schema": {"$ref": "./components/schemas/StreamEvent.yaml"}}
    return root


def changes(tmp_path, edit_schemas=None, edit_root=None, base=None, base_root=None) -> dict[tuple[str, str, str], str]:
    """(kind, where, message) -> rule id, from the tiny streaming spec (edited by `base`) to an edited copy."""
    old_schemas, new_schemas = streaming_schemas(), streaming_schemas()
    old_root, new_root = streaming_root(), streaming_root()
    for edit in filter(None, [base]):
        edit(old_schemas)
        edit(new_schemas)
    for edit in filter(None, [base_root]):
        edit(old_root)
        edit(new_root)
    old = write_spec(tmp_path / "old", schemas=old_schemas, root=old_root)
    if edit_schemas:
        edit_schemas(new_schemas)
    if edit_root:
        edit_root(new_root)
    new = write_spec(tmp_path / "new", schemas=new_schemas, root=new_root)
    return {(c.kind, c.where, c.message): c.rule for c in diff.diff(str(old), str(new))}


def run_cli(*args, cwd=REPO):
    command = [sys.executable, "-m", "responses_bindings", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, timeout=300)


# -- every rule, each on a tiny change --------------------------------------------------------

def prop(component: str, name: str, **schema):
    return lambda s: s[component]["properties"].__setitem__(name, schema)


def drop(component: str, name: str):
    return lambda s: s[component]["properties"].pop(name)


def rename(component: str, old: str, new: str):
    def edit(s):
        props = s[component]["properties"]
        props[new] = props.pop(old)
    return edit


def required(component: str, *names: str):
    return lambda s: s[component].__setitem__("required", list(names))


def both(*edits):
    def edit(s):
        for one in edits:
            one(s)
    return edit


def add_tool(s):
    s["Tool"]["oneOf"].append({"$ref": "./ShellTool.yaml"})
    s["ShellTool"] = {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "const": "shell"}}}


def add_event(s):
    s["StreamEvent"]["oneOf"].append({"$ref": "./PingEvent.yaml"})
    s["PingEvent"] = {"type": "object", "required": ["type", "sequence_number"],
                      "properties": {"type": {"type": "string", "const": "response.ping"}, "sequence_number": {"type": "integer"}}}


def operation(root):
    return root["paths"]["/v1/responses"]["post"]


def answers(root):
    return operation(root)["responses"]


TOOL, SHELL = "/tools/[]/(FunctionTool)", "/tools/[]/(ShellTool)"
EVENT_TOOLS = "/(response.completed)/response/tools/[]"
CASES = {
    # fields: what a client sends (request) and what it receives (response, error, event)
    "field removed": (dict(edit_schemas=both(drop("Request", "temperature"), drop("Response", "note"))), {
        ("request", "/temperature", "field removed"): "request-field-removed",
        ("response", "/note", "field removed"): "response-field-removed",
        ("event", "/(response.completed)/response/note", "field removed"): "response-field-removed"}),
    "field renamed": (dict(edit_schemas=both(rename("Request", "temperature", "temp"), rename("Response", "note", "remark"))), {
        ("request", "/temperature", "field renamed to `temp`"): "request-field-renamed",
        ("response", "/note", "field renamed to `remark`"): "response-field-renamed",
        ("event", "/(response.completed)/response/note", "field renamed to `remark`"): "response-field-renamed"}),
    "field added": (dict(edit_schemas=both(prop("Request", "user", type="string"), prop("Error", "hint", type="string"))), {
        ("request", "/user", "field added"): "request-field-added",
        ("error", "/hint", "field added"): "response-field-added"}),
    "required field added": (dict(edit_schemas=both(prop("Request", "user", type="string"), required("Request", "model", "user"),
                                                    prop("Error", "hint", type="string"), required("Error", "message", "hint"))), {
        ("request", "/user", "required field added"): "request-required-field-added",
        ("error", "/hint", "required field added"): "response-required-field-added"}),
    "type widened": (dict(edit_schemas=both(prop("Request", "seed", type=["integer", "string", "number"]),
                                            prop("Error", "message", type=["string", "integer"]))), {
        ("request", "/seed", "type changed: integer | string → integer | number | string"): "request-type-widened",
        ("error", "/message", "type changed: string → integer | string"): "response-type-widened"}),
    "type narrowed": (dict(base=prop("Error", "message", type=["string", "integer"]),
                           edit_schemas=both(prop("Request", "seed", type="integer"), prop("Error", "message", type="string"))), {
        ("request", "/seed", "type changed: integer | string → integer"): "request-type-narrowed",
        ("error", "/message", "type changed: integer | string → string"): "response-type-narrowed"}),
    "type changed": (dict(edit_schemas=both(prop("Request", "model", type="integer"), prop("Error", "message", type="integer"))), {
        ("request", "/model", "type changed: string → integer"): "request-type-changed",
        ("error", "/message", "type changed: string → integer"): "response-type-changed"}),
    "made nullable": (dict(edit_schemas=both(prop("Request", "model", type=["string", "null"]),
                                             prop("Error", "message", type=["string", "null"]))), {
        ("request", "/model", "made nullable"): "request-made-nullable",
        ("error", "/message", "made nullable"): "response-made-nullable"}),
    "no longer nullable": (dict(edit_schemas=both(lambda s: s["Request"]["properties"]["temperature"].update(type="number"),
                                                  prop("Error", "code", type="string"))), {
        ("request", "/temperature", "no longer nullable"): "request-made-non-nullable",
        ("error", "/code", "no longer nullable"): "response-made-non-nullable"}),
    "made required": (dict(edit_schemas=both(required("Request", "model", "truncation"), required("Error", "message", "code"))), {
        ("request", "/truncation", "made required"): "request-made-required",
        ("error", "/code", "made required"): "response-made-required"}),
    "made optional": (dict(edit_schemas=both(required("Request"), required("Error"))), {
        ("request", "/model", "made optional"): "request-made-optional",
        ("error", "/message", "made optional"): "response-made-optional"}),
    "enum values added": (dict(edit_schemas=both(lambda s: s["Request"]["properties"]["truncation"]["enum"].append("smart"),
                                                 lambda s: s["Response"]["properties"]["status"]["enum"].append("queued"))), {
        ("request", "/truncation", 'enum value(s) added: "smart"'): "request-enum-values-added",
        ("response", "/status", 'enum value(s) added: "queued"'): "response-enum-values-added",
        ("event", "/(response.completed)/response/status", 'enum value(s) added: "queued"'): "response-enum-values-added"}),
    "enum values removed": (dict(edit_schemas=both(lambda s: s["Request"]["properties"]["truncation"]["enum"].remove("disabled"),
                                                   lambda s: s["Response"]["properties"]["status"]["enum"].remove("failed"))), {
        ("request", "/truncation", 'enum value(s) removed: "disabled"'): "request-enum-values-removed",
        ("response", "/status", 'enum value(s) removed: "failed"'): "response-enum-values-removed",
        ("event", "/(response.completed)/response/status", 'enum value(s) removed: "failed"'): "response-enum-values-removed"}),
    "enum dropped": (dict(edit_schemas=both(prop("Request", "truncation", type="string"), prop("Error", "message", type="string")),
                          base=prop("Error", "message", type="string", enum=["a", "b"])), {
        ("request", "/truncation", 'enum dropped (was "auto", "disabled"): any value allowed'): "request-enum-dropped",
        ("error", "/message", 'enum dropped (was "a", "b"): any value allowed'): "response-enum-dropped"}),
    "enum introduced": (dict(edit_schemas=both(prop("Request", "model", type="string", enum=["m1"]),
                                               prop("Error", "message", type="string", enum=["a"]))), {
        ("request", "/model", 'now restricted to "m1"'): "request-enum-introduced",
        ("error", "/message", 'now restricted to "a"'): "response-enum-introduced"}),
    "union variant added": (dict(edit_schemas=add_tool), {
        ("request", SHELL, "union variant added"): "request-variant-added",
        ("response", SHELL, "union variant added"): "response-variant-added",
        ("event", EVENT_TOOLS + "/(ShellTool)", "union variant added"): "response-variant-added"}),
    "union variant removed": (dict(base=add_tool, edit_schemas=lambda s: s["Tool"]["oneOf"].pop(1)), {
        ("request", "/tools/[]/(SearchTool)", "union variant removed"): "request-variant-removed",
        ("response", "/tools/[]/(SearchTool)", "union variant removed"): "response-variant-removed",
        ("event", EVENT_TOOLS + "/(SearchTool)", "union variant removed"): "response-variant-removed"}),
    "limit tightened": (dict(edit_schemas=both(lambda s: s["Request"]["properties"]["temperature"].update(maximum=1),
                                               prop("Error", "message", type="string", maxLength=10))), {
        ("request", "/temperature", "maximum 2 → 1"): "request-limit-tightened",
        ("error", "/message", "maxLength none → 10"): "response-limit-tightened"}),
    "limit loosened": (dict(base=prop("Error", "message", type="string", maxLength=10),
                            edit_schemas=both(lambda s: s["Request"]["properties"]["temperature"].update(maximum=5),
                                              prop("Error", "message", type="string"))), {
        ("request", "/temperature", "maximum 2 → 5"): "request-limit-loosened",
        ("error", "/message", "maxLength 10 → none"): "response-limit-loosened"}),
    "limit changed": (dict(base=both(prop("Request", "model", type="string", pattern="^a"), prop("Error", "message", type="string", format="uri")),
                           edit_schemas=both(prop("Request", "model", type="string", pattern="^b"),
                                             prop("Error", "message", type="string", format="email"))), {
        ("request", "/model", "pattern ^a → ^b"): "request-limit-changed",
        ("error", "/message", "format uri → email"): "response-limit-changed"}),
    # stream events: named by their type
    "event type added": (dict(edit_schemas=add_event), {("event", "/(response.ping)", "event type added"): "stream-event-type-added"}),
    "event type removed": (dict(base=add_event, edit_schemas=lambda s: s["StreamEvent"]["oneOf"].pop()), {
        ("event", "/(response.ping)", "event type removed"): "stream-event-type-removed"}),
    "event field changed": (dict(edit_schemas=prop("DeltaEvent", "delta", type="integer")), {
        ("event", "/(response.delta)/delta", "type changed: string → integer"): "response-type-changed"}),
    # the operation, security, servers
    "operation moved": (dict(edit_root=lambda r: r["paths"].__setitem__("/v2/responses", r["paths"].pop("/v1/responses"))), {
        ("operation", "POST /v1/responses", "operation removed"): "operation-removed",
        ("operation", "POST /v2/responses", "operation added"): "operation-added"}),
    "operation id": (dict(edit_root=lambda r: operation(r).update(operationId="responsesCreate")), {
        ("operation", "POST /v1/responses", "operationId changed: createResponse → responsesCreate"): "operation-id-changed"}),
    "model renamed": (dict(edit_schemas=lambda s: s.__setitem__("Problem", s["Error"]),
                           edit_root=lambda r: answers(r)["default"]["content"]["application/json"]["schema"].update(
                               {"$ref": "./components/schemas/Problem.yaml"})), {
        ("operation", "error", "payload model renamed: Error → Problem"): "payload-model-renamed"}),
    "body required": (dict(base_root=lambda r: operation(r)["requestBody"].update(required=False),
                           edit_root=lambda r: operation(r)["requestBody"].update(required=True)), {
        ("operation", "POST /v1/responses", "request body made required"): "request-body-made-required"}),
    "request media types": (dict(base_root=lambda r: operation(r)["requestBody"]["content"].update({"text/plain": {}}),
                                 edit_root=lambda r: operation(r)["requestBody"]["content"].update(
                                     {"application/x-ndjson": operation(r)["requestBody"]["content"].pop("text/plain")})), {
        ("operation", "POST /v1/responses", "request media type removed: text/plain"): "request-media-type-removed",
        ("operation", "POST /v1/responses", "request media type added: application/x-ndjson"): "request-media-type-added"}),
    "parameters": (dict(base_root=lambda r: operation(r).update(parameters=[
        {"in": "header", "name": "X-Trace", "schema": {"type": "string"}}, {"in": "header", "name": "X-Old", "schema": {"type": "string"}}]),
        edit_root=lambda r: operation(r).update(parameters=[
            {"in": "header", "name": "X-Trace", "required": True, "schema": {"type": "string"}},
            {"in": "query", "name": "debug", "schema": {"type": "boolean"}}])), {
        ("operation", "POST /v1/responses", "parameter removed: header X-Old"): "parameter-removed",
        ("operation", "POST /v1/responses", "parameter required: header X-Trace"): "parameter-made-required",
        ("operation", "POST /v1/responses", "optional parameter added: query debug"): "parameter-added"}),
    "answers": (dict(base_root=lambda r: answers(r).update({"404": {"description": "gone"}}),
                     edit_root=lambda r: answers(r).update({"429": answers(r).pop("404")})), {
        ("operation", "POST /v1/responses", "answer removed: 404 (no body)"): "answer-removed",
        ("operation", "POST /v1/responses", "answer added: 429 (no body)"): "answer-added"}),
    "auth": (dict(edit_root=lambda r: r["components"]["securitySchemes"].update(
        bearerAuth={"type": "apiKey", "in": "header", "name": "Authorization"})), {
        ("security", "security", "authentication changed: scheme=bearer type=http → in=header name=Authorization type=apiKey"):
            "security-changed"}),
    "auth renamed": (dict(edit_root=lambda r: r.update(security=[{"token": []}], components={"securitySchemes": {
        "token": {"type": "http", "scheme": "bearer", "description": "new words"}}})), {
        ("security", "security", "security scheme renamed, same definition"): "security-scheme-renamed"}),
    "servers": (dict(edit_root=lambda r: r.update(servers=[{"url": "https://new.test"}])), {
        ("servers", "servers", "server URLs changed: https://acme.test → https://new.test"): "server-url-changed"}),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_rule(tmp_path, case):
    arguments, expected = CASES[case]
    assert changes(tmp_path, **arguments) == expected


def test_every_rule_is_fired_by_a_case():
    fired = {rule for _, expected in CASES.values() for rule in expected.values()}
    assert fired == set(RULES)


def test_levels_follow_the_direction():
    assert RULES["response-made-nullable"].level == "error" and RULES["request-made-nullable"].level == "info"
    assert RULES["request-made-required"].level == "error" and RULES["response-made-required"].level == "info"
    assert {r.direction for r in RULES.values()} == {"sent", "received", "both"}


def test_the_readme_lists_every_rule():
    readme = (REPO / "README.md").read_text("utf-8")
    assert rules_table("markdown") in readme, "README's rule table is stale: paste `responses-bindings diff --rules --format markdown`"
    listed = run_cli("diff", "--rules")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == len(RULES)


# -- what is not a change, grouping, x-differences ------------------------------------------

def test_same_meaning_written_differently_is_no_change(tmp_path):
    def rewrite(s):
        number = {"type": "number", "minimum": 0, "maximum": 2}
        s["Request"]["properties"]["temperature"] = {"anyOf": [number, {"type": "null"}], "description": "new"}
        s["Request"]["properties"]["truncation"] = {"enum": ["auto", "disabled"]}

    assert changes(tmp_path, rewrite) == {}


def test_a_shared_component_change_is_one_change_with_all_its_places(tmp_path):
    twice = schemas()
    twice["Response"]["properties"]["more_tools"] = twice["Response"]["properties"]["tools"]
    old = write_spec(tmp_path / "old", schemas=twice)
    twice["FunctionTool"]["properties"]["name"]["type"] = "integer"
    new = write_spec(tmp_path / "new", schemas=twice)
    done = run_cli("diff", str(old), str(new))
    assert done.returncode == 1
    assert ("  request   /tools/[]/(FunctionTool)/name: type changed: string → integer  [request-type-changed]\n" in done.stdout)
    assert ("  response  /tools/[]/(FunctionTool)/name: type changed: string → integer  [response-type-changed]"
            "  [and 1 more place]\n") in done.stdout
    assert done.stdout.endswith("2 change(s): 2 error(s), 0 warning(s), 0 info; 2 at or above --fail-on error\n")
    every = run_cli("diff", "--all-places", str(old), str(new))
    assert "      also response /more_tools/[]/(FunctionTool)/name\n" in every.stdout


def test_x_differences_are_part_of_what_a_client_sees(tmp_path):
    def patch(root):
        root["x-differences"] = [{"schema": "Response", "source": "the vendor sends null usage",
                                  "patch": {"properties": {"usage": {"type": ["integer", "null"]}}}}]

    assert changes(tmp_path, edit_root=patch) == {
        ("response", "/usage", "made nullable"): "response-made-nullable",
        ("event", "/(response.completed)/response/usage", "made nullable"): "response-made-nullable",
    }


def test_allof_parts_are_fields_of_the_whole(tmp_path):
    def compose(s):
        s["Response"]["allOf"] = [{"$ref": "./Stamped.yaml"}]
        s["Stamped"] = {"type": "object", "required": ["created"], "properties": {"created": {"type": "integer"}}}

    found = changes(tmp_path, lambda s: s["Stamped"]["properties"].pop("created"), base=compose)
    assert found[("response", "/created", "field removed")] == "response-field-removed"


def test_recursive_components_terminate(tmp_path):
    def nest(s):
        s["Item"]["properties"]["children"] = {"type": "array", "items": {"$ref": "./Item.yaml"}}

    assert changes(tmp_path, nest)[("response", "/output/[]/children", "field added")] == "response-field-added"


# -- per-vendor impact -----------------------------------------------------------------------

@pytest.fixture
def two_vendor_repo(tmp_path):
    """A git repo with vendors a and b; b patches FunctionTool.name so shared edits there miss it."""
    write_spec(tmp_path / "spec", "a")
    root = root_document("b")
    root["x-differences"] = [{"schema": "FunctionTool", "source": "b names tools by string only",
                              "patch": {"properties": {"name": {"type": "string", "minLength": 1}}}}]
    write_spec(tmp_path / "spec", "b", root=root)
    for args in (["init", "-q"], ["add", "spec"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "spec"]):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)
    return tmp_path


def test_one_diff_of_the_shared_components_names_the_vendors_each_change_reaches(two_vendor_repo):
    edited = schemas()
    edited["FunctionTool"]["properties"]["name"]["type"] = "integer"
    edited["Response"]["properties"]["note"]["type"] = "integer"
    write_spec(two_vendor_repo / "spec", "a", schemas=edited)  # rewrites the shared components
    done = run_cli("--spec", "spec", "diff", "--since", "HEAD", "--format", "json", cwd=two_vendor_repo)
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert report["vendors"] == ["a", "b"]
    reach = {(c["kind"], c["where"]): c["vendors"] for c in report["changes"]}
    assert reach == {("response", "/note"): ["a", "b"], ("request", "/tools/[]/(FunctionTool)/name"): ["a"],
                     ("response", "/tools/[]/(FunctionTool)/name"): ["a"]}
    text = run_cli("diff", "--since", "HEAD", "--spec", "spec", cwd=two_vendor_repo).stdout
    assert "  response  /note: type changed: string → integer  [response-type-changed; a, b]\n" in text


# -- the ignore file, --fail-on --------------------------------------------------------------

def test_ignore_file_and_fail_on(tmp_path):
    old = write_spec(tmp_path / "old")
    new_schemas = schemas()
    new_schemas["Response"]["properties"]["usage"]["type"] = ["integer", "null"]
    new_schemas["Request"]["properties"]["user"] = {"type": "string"}
    new = write_spec(tmp_path / "new", schemas=new_schemas, root=dict(root_document("acme"), servers=[{"url": "https://n.test"}]))
    assert run_cli("diff", str(old), str(new)).returncode == 1
    ignore = tmp_path / "ignore.yaml"
    ignore.write_text(yaml.safe_dump([
        {"rule": "response-made-nullable", "where": "/usage", "reason": "clients handle null usage since 2.0"},
        {"rule": "request-field-removed", "where": "/nothing", "reason": "stale"},
    ]), "utf-8")
    done = run_cli("diff", "--ignore", str(ignore), str(old), str(new))
    assert done.returncode == 0, done.stdout
    assert "IGNORED (ignore file)\n  response  /usage: made nullable  [response-made-nullable] because: clients handle null usage" in done.stdout
    assert "ignore file entry 2 (request-field-removed at /nothing) matched no change" in done.stdout
    assert run_cli("diff", "--ignore", str(ignore), "--fail-on", "warning", str(old), str(new)).returncode == 1  # servers
    strict = run_cli("diff", "--ignore", str(ignore), "--fail-on", "info", "--format", "json", str(old), str(new))
    assert json.loads(strict.stdout)["summary"] == {"changes": 3, "error": 0, "warning": 1, "info": 1, "ignored": 1, "failing": 2}


@pytest.mark.parametrize(("content", "needle"), [
    ("- rule: nope\n  where: /x\n  reason: r\n", "unknown rule 'nope'"),
    ("- rule: request-field-added\n  where: /x\n", "expected keys rule, where, reason"),
    ("- rule: request-field-added\n  where: /x\n  reason: ''\n", "give a reason"),
    ("rule: x\n", "expected a YAML list"),
])
def test_a_bad_ignore_file_is_exit_2(tmp_path, content, needle):
    old = write_spec(tmp_path / "old")
    ignore = tmp_path / "ignore.yaml"
    ignore.write_text(content, "utf-8")
    done = run_cli("diff", "--ignore", str(ignore), str(old), str(old))
    assert done.returncode == 2 and needle in done.stderr and "Traceback" not in done.stderr


# -- formats ---------------------------------------------------------------------------------

@pytest.fixture
def edited_pair(tmp_path):
    old = write_spec(tmp_path / "old")
    edited = schemas()
    edited["Response"]["properties"].pop("note")
    edited["Response"]["properties"]["extra"] = {"type": "boolean"}
    new = write_spec(tmp_path / "new", schemas=edited)
    return old, new


def test_github_annotations_land_on_the_spec_file_line(edited_pair, tmp_path):
    old, new = edited_pair
    done = run_cli("diff", "--format", "github", str(old), str(new), cwd=tmp_path)
    lines = done.stdout.splitlines()
    component = new.parent / "components" / "schemas" / "Response.yaml"
    text = component.read_text("utf-8").splitlines()
    extra = next(i for i, line in enumerate(text, 1) if line.strip() == "extra:")
    properties = next(i for i, line in enumerate(text, 1) if line.strip() == "properties:")
    assert lines[0] == (f"::error file=new/components/schemas/Response.yaml,line={properties},title=response-field-removed::"
                        "response /note: field removed")
    assert lines[1] == (f"::notice file=new/components/schemas/Response.yaml,line={extra},title=response-field-added::"
                        "response /extra: field added")
    assert lines[-1].startswith("::notice title=responses-bindings diff::")


def test_markdown_json_and_junit(edited_pair, tmp_path):
    old, new = edited_pair
    markdown = run_cli("diff", "--format", "markdown", str(old), str(new)).stdout
    assert "| **error** | `response-field-removed` | response | `/note` | field removed | 1 |" in markdown
    report = json.loads(run_cli("diff", "--format", "json", str(old), str(new)).stdout)
    first = report["changes"][0]
    assert (first["rule"], first["level"], first["direction"], first["where"], first["file"]) == (
        "response-field-removed", "error", "received", "/note", "new/components/schemas/Response.yaml")
    junit = tmp_path / "diff.xml"
    junit.write_text(run_cli("diff", "--format", "junit", str(old), str(new)).stdout, "utf-8")
    xml = JUnitXml.fromfile(str(junit))
    assert (xml.tests, xml.failures) == (2, 1)


# -- the command: exit codes, git revisions --------------------------------------------------

def test_exit_codes(tmp_path):
    old = write_spec(tmp_path / "old")
    same = write_spec(tmp_path / "same")
    broken = write_spec(tmp_path / "new", schemas={**schemas(), "Response": {**schemas()["Response"], "required": ["id"]}})
    assert run_cli("diff", str(old), str(same)).returncode == 0
    done = run_cli("diff", str(old), str(broken))
    assert done.returncode == 1
    assert "ERROR: breaks clients\n  response  /output: made optional  [response-made-optional]\n" in done.stdout
    assert run_cli("diff", str(old)).returncode == 2
    missing = run_cli("diff", str(old), str(tmp_path / "nope.yaml"))
    assert missing.returncode == 2 and "nope.yaml: no such file" in missing.stderr
    bad = tmp_path / "bad" / "acme.yaml"
    bad.parent.mkdir()
    bad.write_text("openapi: [unclosed\n")
    unreadable = run_cli("diff", str(old), str(bad))
    assert unreadable.returncode == 2 and "acme.yaml" in unreadable.stderr and "line" in unreadable.stderr


def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    """A git repository with the tiny spec committed under spec/."""
    write_spec(tmp_path / "spec")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "spec")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "spec")
    return tmp_path


def test_rev_path_materialises_the_spec_folder_of_that_revision(repo):
    edited = schemas()
    edited["Item"]["properties"].pop("text")
    write_spec(repo / "spec", schemas=edited)
    done = run_cli("diff", "HEAD:spec/acme.yaml", "spec/acme.yaml", cwd=repo)
    assert done.returncode == 1, done.stderr
    assert "  response  /output/[]/text: field removed  [response-field-removed]" in done.stdout
    assert run_cli("diff", "HEAD:spec/acme.yaml", "HEAD:spec/acme.yaml", cwd=repo).stdout.endswith("no changes\n")
    gone = run_cli("diff", "HEAD:spec/other.yaml", "spec/acme.yaml", cwd=repo)
    assert gone.returncode == 2 and "spec/other.yaml does not exist at HEAD" in gone.stderr
    bad_rev = run_cli("diff", "nosuchrev:spec/acme.yaml", "spec/acme.yaml", cwd=repo)
    assert bad_rev.returncode == 2 and "git archive failed" in bad_rev.stderr


def test_since_compares_every_root_and_names_new_vendors(repo):
    edited = schemas()
    edited["Request"]["required"] = ["model", "seed"]
    write_spec(repo / "spec", schemas=edited)
    write_spec(repo / "spec", vendor="newco", schemas=edited)
    done = run_cli("--spec", "spec", "diff", "--since", "HEAD", cwd=repo)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("spec at HEAD → spec (acme)\nspec/newco.yaml: not in HEAD (a new vendor)\n"
                                  "ERROR: breaks clients\n  request   /seed: made required  [request-made-required]\n")
    assert run_cli("--spec", "spec", "diff", "--since", "HEAD", "spec/acme.yaml", cwd=repo).returncode == 2
    assert run_cli("diff", "--since", "nosuchrev", "--spec", "spec", cwd=repo).returncode == 2


# -- the real specs --------------------------------------------------------------------------

def test_real_spec_against_itself_has_no_changes():
    assert diff.diff(str(SPEC / "zhixin.yaml"), str(SPEC / "zhixin.yaml")) == []


def test_moving_from_ai360_to_zhixin_breaks_on_auth_and_nullable_fields():
    seen = {(c.kind, c.where, c.message): c.rule for c in diff.diff(str(SPEC / "ai360.yaml"), str(SPEC / "zhixin.yaml"))}
    assert seen[("request", "/max_tokens", "field added")] == "request-field-added"
    assert seen[("response", "/ocr_result", "field added")] == "response-field-added"
    assert seen[("response", "/frequency_penalty", "made nullable")] == "response-made-nullable"
    logprobs = "/output/[]/(ResponseOutputMessage)/content/[]/(ResponseOutputText)/logprobs"
    assert seen[("response", logprobs, "made nullable")] == "response-made-nullable"
    assert seen[("event", "/(response.completed)/response" + logprobs, "made nullable")] == "response-made-nullable"
    assert seen[("security", "security",
                 "authentication changed: scheme=bearer type=http → in=header name=Authorization type=apiKey")] == "security-changed"


def test_a_changed_copy_of_the_real_spec(tmp_path):
    spec = tmp_path / "spec"
    shutil.copytree(SPEC, spec)
    usage = spec / "components" / "schemas" / "ResponseUsage.yaml"
    usage.write_text(usage.read_text("utf-8").replace("output_tokens_details, total_tokens]", "output_tokens_details]"), "utf-8")
    done = run_cli("diff", str(SPEC / "ai360.yaml"), str(spec / "ai360.yaml"), "--format", "json")
    report = json.loads(done.stdout)
    change, = report["changes"]
    assert (change["rule"], change["where"]) == ("response-made-optional", "/usage/total_tokens")
    assert {place["kind"] for place in change["places"]} == {"response", "event"}
    assert change["file"].endswith("spec/components/schemas/ResponseUsage.yaml") and change["line"] >= 1
