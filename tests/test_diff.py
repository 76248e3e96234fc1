"""`responses-bindings diff`: each breaking / not-breaking rule on a tiny pair of specs, git
revisions, exit codes, and the real specs."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from tiny_specs import root_document, schemas, write_spec

from responses_bindings import diff

from conftest import REPO, SPEC


def changes(tmp_path, edit_schemas=None, edit_root=None, base=None) -> dict[tuple[str, str, str], bool]:
    """(kind, where, message) -> breaking, from the tiny spec (edited by `base`) to an edited copy."""
    old_schemas, new_schemas, new_root = schemas(), schemas(), root_document("acme")
    for edit in filter(None, [base]):
        edit(old_schemas)
        edit(new_schemas)
    old = write_spec(tmp_path / "old", schemas=old_schemas)
    if edit_schemas:
        edit_schemas(new_schemas)
    if edit_root:
        edit_root(new_root)
    new = write_spec(tmp_path / "new", schemas=new_schemas, root=new_root)
    found, _ = diff.diff(str(old), str(new))
    return {(c.kind, c.where, c.message): c.breaking for c in found}


def run_cli(*args, cwd=REPO):
    command = [sys.executable, "-m", "responses_bindings", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


# -- responses: the client receives them, so widening breaks --------------------------------

def test_response_field_removed_breaks(tmp_path):
    assert changes(tmp_path, lambda s: s["Response"]["properties"].pop("note")) == {
        ("response", "/note", "field removed"): True
    }


def test_response_field_renamed_breaks(tmp_path):
    def rename(s):
        props = s["Response"]["properties"]
        props["remark"] = props.pop("note")

    assert changes(tmp_path, rename) == {("response", "/note", "field renamed to `remark`"): True}


def test_response_type_changed_breaks_and_narrowing_does_not(tmp_path):
    def edit(s):
        s["Response"]["properties"]["usage"] = {"type": "string"}

    assert changes(tmp_path, edit) == {("response", "/usage", "type changed: integer → string"): True}
    narrowed = changes(tmp_path / "2", lambda s: s["Request"]["properties"].update(seed={"type": "integer"}))
    assert narrowed == {("request", "/seed", "type changed: integer | string → integer"): True}


def test_response_field_made_nullable_breaks(tmp_path):
    assert changes(tmp_path, lambda s: s["Response"]["properties"].update(usage={"type": ["integer", "null"]})) == {
        ("response", "/usage", "made nullable"): True
    }


def test_response_field_made_optional_breaks(tmp_path):
    assert changes(tmp_path, lambda s: s["Response"].update(required=["id", "output"])) == {
        ("response", "/status", "made optional"): True
    }


def test_response_enum_value_added_breaks_and_removed_does_not(tmp_path):
    added = changes(tmp_path / "a", lambda s: s["Response"]["properties"]["status"]["enum"].append("queued"))
    assert added == {("response", "/status", 'enum value(s) added: "queued"'): True}
    removed = changes(tmp_path / "r", lambda s: s["Response"]["properties"]["status"]["enum"].remove("failed"))
    assert removed == {("response", "/status", 'enum value(s) removed: "failed"'): False}


def add_tool(s):
    s["Tool"]["oneOf"].append({"$ref": "./ShellTool.yaml"})
    s["ShellTool"] = {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "const": "shell"}}}


def test_union_variant_added_breaks_responses_not_requests(tmp_path):
    assert changes(tmp_path, add_tool) == {
        ("request", "/tools/[]/(ShellTool)", "union variant added"): False,
        ("response", "/tools/[]/(ShellTool)", "union variant added"): True,
    }


def test_response_field_added_does_not_break(tmp_path):
    assert changes(tmp_path, lambda s: s["Response"]["properties"].update(extra={"type": "boolean"})) == {
        ("response", "/extra", "field added"): False
    }


# -- requests: the client sends them, so narrowing breaks -----------------------------------

def test_request_field_removed_breaks(tmp_path):
    assert changes(tmp_path, lambda s: s["Request"]["properties"].pop("temperature")) == {
        ("request", "/temperature", "field removed"): True
    }


def test_request_field_made_required_breaks(tmp_path):
    assert changes(tmp_path, lambda s: s["Request"].update(required=["model", "truncation"])) == {
        ("request", "/truncation", "made required"): True
    }


def test_request_required_field_added_breaks_optional_does_not(tmp_path):
    def add(required):
        def edit(s):
            s["Request"]["properties"]["user"] = {"type": "string"}
            s["Request"]["required"] = ["model", "user"] if required else ["model"]
        return edit

    assert changes(tmp_path / "r", add(True)) == {("request", "/user", "required field added"): True}
    assert changes(tmp_path / "o", add(False)) == {("request", "/user", "field added"): False}


def test_request_type_widened_does_not_break(tmp_path):
    widened = changes(tmp_path, lambda s: s["Request"]["properties"].update(seed={"type": ["integer", "string", "number"]}))
    assert widened == {("request", "/seed", "type changed: integer | string → integer | number | string"): False}


def test_request_null_no_longer_accepted_breaks(tmp_path):
    assert changes(tmp_path, lambda s: s["Request"]["properties"]["temperature"].update(type="number")) == {
        ("request", "/temperature", "no longer nullable"): True
    }


def test_request_enum_narrowed_breaks_and_widened_does_not(tmp_path):
    narrowed = changes(tmp_path / "n", lambda s: s["Request"]["properties"]["truncation"]["enum"].remove("disabled"))
    assert narrowed == {("request", "/truncation", 'enum value(s) removed: "disabled"'): True}
    widened = changes(tmp_path / "w", lambda s: s["Request"]["properties"]["truncation"]["enum"].append("smart"))
    assert widened == {("request", "/truncation", 'enum value(s) added: "smart"'): False}


def test_request_union_variant_removed_breaks(tmp_path):
    assert changes(tmp_path, lambda s: s["Tool"]["oneOf"].pop(1), base=add_tool) == {
        ("request", "/tools/[]/(SearchTool)", "union variant removed"): True,
        ("response", "/tools/[]/(SearchTool)", "union variant removed"): False,
    }


def test_request_bound_tightened_breaks_and_loosened_does_not(tmp_path):
    def bound(value):
        return lambda s: s["Request"]["properties"]["temperature"].update(maximum=value)

    assert changes(tmp_path / "t", bound(1)) == {("request", "/temperature", "maximum 2 → 1"): True}
    assert changes(tmp_path / "l", bound(5)) == {("request", "/temperature", "maximum 2 → 5"): False}


def test_response_bound_loosened_breaks(tmp_path):
    base = lambda s: s["Response"]["properties"]["note"].update(maxLength=10)  # noqa: E731
    loosened = changes(tmp_path / "l", lambda s: s["Response"]["properties"]["note"].pop("maxLength"), base=base)
    assert loosened == {("response", "/note", "maxLength 10 → none"): True}
    pattern = changes(tmp_path / "p", lambda s: s["Response"]["properties"]["id"].update(pattern="^resp_"))
    assert pattern == {("response", "/id", "pattern none → ^resp_"): False}


# -- operation, security, servers ------------------------------------------------------------

def test_operation_changes_break(tmp_path):
    def rename_operation(root):
        root["paths"]["/v1/responses"]["post"]["operationId"] = "responsesCreate"

    assert changes(tmp_path / "id", edit_root=rename_operation) == {
        ("operation", "POST /v1/responses", "operationId changed: createResponse → responsesCreate"): True
    }

    def move(root):
        root["paths"]["/v2/responses"] = root["paths"].pop("/v1/responses")

    moved = changes(tmp_path / "path", edit_root=move)
    assert moved == {
        ("operation", "POST /v1/responses", "operation removed"): True,
        ("operation", "POST /v2/responses", "operation added"): False,
    }


def test_operation_answer_and_payload_model_changes_break(tmp_path):
    def edit(root):
        answers = root["paths"]["/v1/responses"]["post"]["responses"]
        answers["200"]["content"]["text/event-stream"] = {"schema": {"$ref": "./components/schemas/Item.yaml"}}
        answers["default"]["content"]["application/json"]["schema"]["$ref"] = "./components/schemas/Problem.yaml"

    def problem(s):
        s["Problem"] = s["Error"]

    found = changes(tmp_path, problem, edit)
    assert found == {
        ("operation", "POST /v1/responses", "answer added: 200 text/event-stream"): True,
        ("operation", "error", "payload model renamed: Error → Problem"): True,
    }


def test_security_scheme_change_breaks_and_a_rename_does_not(tmp_path):
    def raw_key(root):
        root["components"]["securitySchemes"]["bearerAuth"] = {"type": "apiKey", "in": "header", "name": "Authorization"}

    assert changes(tmp_path / "k", edit_root=raw_key) == {
        ("security", "security",
         "authentication changed: scheme=bearer type=http → in=header name=Authorization type=apiKey"): True
    }

    def rename(root):
        root["components"]["securitySchemes"] = {"token": {"type": "http", "scheme": "bearer", "description": "new words"}}
        root["security"] = [{"token": []}]

    assert changes(tmp_path / "r", edit_root=rename) == {
        ("security", "security", "security scheme renamed, same definition"): False
    }


def test_server_change_is_reported_not_breaking(tmp_path):
    assert changes(tmp_path, edit_root=lambda root: root.update(servers=[{"url": "https://new.test"}])) == {
        ("servers", "servers", "server URLs changed: https://acme.test → https://new.test"): False
    }


# -- what is not a change, grouping, x-differences -------------------------------------------

def test_same_meaning_written_differently_is_no_change(tmp_path):
    def rewrite(s):
        number = {"type": "number", "minimum": 0, "maximum": 2}
        s["Request"]["properties"]["temperature"] = {"anyOf": [number, {"type": "null"}], "description": "new"}
        s["Request"]["properties"]["truncation"] = {"enum": ["auto", "disabled"]}

    assert changes(tmp_path, rewrite) == {}


def test_a_shared_component_change_is_reported_once_per_direction(tmp_path):
    def edit(s):
        s["FunctionTool"]["properties"]["name"]["type"] = "integer"

    found, text = diff.diff(str(write_spec(tmp_path / "old")), str(write_spec(tmp_path / "new", schemas=_edited(edit))))
    assert {(c.kind, c.where, c.breaking) for c in found} == {
        ("request", "/tools/[]/(FunctionTool)/name", True),
        ("response", "/tools/[]/(FunctionTool)/name", True),
    }
    twice = schemas()
    twice["Response"]["properties"]["more_tools"] = twice["Response"]["properties"]["tools"]
    old = write_spec(tmp_path / "old2", schemas=twice)
    edit(twice)
    _, text = diff.diff(str(old), str(write_spec(tmp_path / "new2", schemas=twice)))
    assert "  response  /tools/[]/(FunctionTool)/name: type changed: string → integer  [and 1 more place]" in text
    assert text.endswith("2 change(s), 2 breaking")


def _edited(edit) -> dict:
    edited = schemas()
    edit(edited)
    return edited


def test_x_differences_are_part_of_what_a_client_sees(tmp_path):
    root = root_document("acme")
    root["x-differences"] = [
        {"schema": "Response", "source": "the vendor sends null usage", "patch": {"properties": {"usage": {"type": ["integer", "null"]}}}}
    ]
    assert changes(tmp_path, edit_root=lambda r: r.update(root)) == {("response", "/usage", "made nullable"): True}


def test_allof_parts_are_fields_of_the_whole(tmp_path):
    def compose(s):
        s["Response"]["allOf"] = [{"$ref": "./Stamped.yaml"}]
        s["Stamped"] = {"type": "object", "required": ["created"], "properties": {"created": {"type": "integer"}}}

    assert changes(tmp_path, lambda s: s["Stamped"]["properties"].pop("created"), base=compose) == {
        ("response", "/created", "field removed"): True
    }


def test_recursive_components_terminate(tmp_path):
    def nest(s):
        s["Item"]["properties"]["children"] = {"type": "array", "items": {"$ref": "./Item.yaml"}}

    assert changes(tmp_path, nest) == {("response", "/output/[]/children", "field added"): False}


# -- the command: exit codes, git revisions --------------------------------------------------

def test_exit_codes(tmp_path):
    old = write_spec(tmp_path / "old")
    same = write_spec(tmp_path / "same")
    broken = write_spec(tmp_path / "new", schemas=_edited(lambda s: s["Response"]["properties"].pop("note")))
    assert run_cli("diff", str(old), str(same)).returncode == 0
    done = run_cli("diff", str(old), str(broken))
    assert done.returncode == 1
    assert "BREAKING\n  response  /note: field removed\n" in done.stdout
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
    write_spec(repo / "spec", schemas=_edited(lambda s: s["Item"]["properties"].pop("text")))
    done = run_cli("diff", "HEAD:spec/acme.yaml", "spec/acme.yaml", cwd=repo)
    assert done.returncode == 1, done.stderr
    assert "  response  /output/[]/text: field removed" in done.stdout
    assert run_cli("diff", "HEAD:spec/acme.yaml", "HEAD:spec/acme.yaml", cwd=repo).stdout.endswith("no changes\n")
    gone = run_cli("diff", "HEAD:spec/other.yaml", "spec/acme.yaml", cwd=repo)
    assert gone.returncode == 2 and "spec/other.yaml does not exist at HEAD" in gone.stderr
    bad_rev = run_cli("diff", "nosuchrev:spec/acme.yaml", "spec/acme.yaml", cwd=repo)
    assert bad_rev.returncode == 2 and "git archive failed" in bad_rev.stderr


def test_since_compares_every_root_and_names_new_vendors(repo):
    edited = _edited(lambda s: s["Request"].update(required=["model", "seed"]))
    write_spec(repo / "spec", schemas=edited)
    write_spec(repo / "spec", vendor="newco", schemas=edited)
    done = run_cli("--spec", "spec", "diff", "--since", "HEAD", cwd=repo)
    assert done.returncode == 1, done.stderr
    assert "HEAD:spec/acme.yaml → spec/acme.yaml\nBREAKING\n  request   /seed: made required\n" in done.stdout
    assert "spec/newco.yaml: not in HEAD (a new vendor)" in done.stdout
    assert run_cli("--spec", "spec", "diff", "--since", "HEAD", "spec/acme.yaml", cwd=repo).returncode == 2


# -- the real specs --------------------------------------------------------------------------

def test_real_spec_against_itself_has_no_changes():
    found, text = diff.diff(str(SPEC / "zhixin.yaml"), str(SPEC / "zhixin.yaml"))
    assert found == [] and text.endswith("no changes")


def test_moving_from_ai360_to_zhixin_breaks_on_auth_and_nullable_fields():
    found, _ = diff.diff(str(SPEC / "ai360.yaml"), str(SPEC / "zhixin.yaml"))
    seen = {(c.kind, c.where, c.message): c.breaking for c in found}
    assert seen[("request", "/max_tokens", "field added")] is False
    assert seen[("response", "/frequency_penalty", "field added")] is False
    assert seen[("response", "/output/[]/(ResponseOutputMessage)/content/[]/(ResponseOutputText)/logprobs", "made nullable")] is True
    assert seen[("security", "security",
                 "authentication changed: scheme=bearer type=http → in=header name=Authorization type=apiKey")] is True


def test_a_changed_copy_of_the_real_spec(tmp_path):
    spec = tmp_path / "spec"
    shutil.copytree(SPEC, spec)
    usage = spec / "components" / "schemas" / "ResponseUsage.yaml"
    usage.write_text(usage.read_text("utf-8").replace("output_tokens_details, total_tokens]", "output_tokens_details]"), "utf-8")
    found, text = diff.diff(str(SPEC / "ai360.yaml"), str(spec / "ai360.yaml"))
    assert {(c.kind, c.where, c.message) for c in found if c.kind == "response"} == {
        ("response", "/usage/total_tokens", "made optional")
    }
    assert "  response  /usage/total_tokens: made optional  [and " in text
