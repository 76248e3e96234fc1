"""The spec: its shape, the lint rules, and errors that name the file and the pointer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from tiny_specs import cited_schemas, root_document, write_spec

from responses_bindings.errors import SpecError
from responses_bindings.pipeline.bundle import apply_patch, bundle
from responses_bindings.pipeline.lint import lint
from responses_bindings.pipeline.load import discover_vendors

from conftest import SPEC, VENDORS, bundled_document

AI360_DATA_MODELS = """ResponseInputText ResponseInputImage ResponseInputFile ResponseError
ResponseConversationParam ResponseIncludable ResponseInputMessageContentList EasyInputMessage
ToolChoiceTypes ToolChoiceOptions ToolChoiceMcp ToolChoiceFunction ToolChoiceCustom
ToolChoiceApplyPatch ToolChoiceAllowed Message FileCitation ContainerFileCitation URLCitation
ToolChoiceShell FilePath ResponseOutputText ResponseOutputRefusal ResponseOutputMessage
ErrorResponse""".split()


def test_the_25_data_models_360_names_are_components_of_every_vendor(vendor):
    assert len(AI360_DATA_MODELS) == 25
    assert set(AI360_DATA_MODELS) <= set(bundled_document(vendor)["components"]["schemas"])


def test_vendor_roots_name_their_server_and_auth():
    documents = {v: bundled_document(v) for v in VENDORS}
    assert documents["ai360"]["servers"][0]["url"] == "https://api.360.cn"
    assert documents["ai360"]["components"]["securitySchemes"]["bearerAuth"] == {
        **documents["ai360"]["components"]["securitySchemes"]["bearerAuth"], "type": "http", "scheme": "bearer"}
    assert documents["zhixin"]["servers"][0]["url"] == "https://ai.interwestinfo.com"
    scheme = documents["zhixin"]["components"]["securitySchemes"]["apiKeyAuth"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "Authorization")


def test_the_real_spec_lints_clean():
    for root in discover_vendors(SPEC):
        assert [str(e) for e in lint(bundle(root))] == []


def test_every_zhixin_difference_cites_a_source_and_changes_something():
    root = next(r for r in discover_vendors(SPEC) if r.vendor_id == "zhixin")
    document = bundle(root).document
    for difference in document["x-differences"]:
        assert difference["source"].strip()
        assert difference["schema"] in document["components"]["schemas"]


def test_merge_patch_follows_rfc_7386():
    patched = apply_patch({"a": 1, "b": {"c": 2, "d": 3}}, {"a": None, "b": {"c": 9}, "e": [1]}, Path("x.yaml"), "")
    assert patched == {"b": {"c": 9, "d": 3}, "e": [1]}


@pytest.fixture
def scratch_spec(tmp_path) -> Path:
    """A copy of the real spec to break on purpose."""
    spec = tmp_path / "spec"
    shutil.copytree(SPEC, spec)
    return spec


def edit_yaml(path: Path, change) -> None:
    document = yaml.safe_load(path.read_text("utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")


def lint_rules(spec: Path, vendor: str = "ai360") -> dict[str, list[str]]:
    root = next(r for r in discover_vendors(spec) if r.vendor_id == vendor)
    found: dict[str, list[str]] = {}
    for error in lint(bundle(root)):
        found.setdefault(error.rule, []).append(f"{error.file}#{error.pointer}")
    return found


SCHEMAS = "spec/components/schemas/"


@pytest.mark.parametrize(
    "file, change, rule, where",
    [
        ("FilePath.yaml", lambda d: d.update(title="FilePath"), "no-title", SCHEMAS + "FilePath.yaml#"),
        ("FilePath.yaml", lambda d: d["properties"].update(extra={"allOf": [{"$ref": "./FileCitation.yaml"}, {"description": "x"}]}),
         "no-allof-ref", SCHEMAS + "FilePath.yaml#/properties/extra"),
        ("FilePath.yaml", lambda d: d["properties"].update(extra={"type": "array", "items": False}),
         "no-boolean-schema", SCHEMAS + "FilePath.yaml#/properties/extra/items"),
        ("Annotation.yaml", lambda d: d["oneOf"].append({"type": "object", "properties": {"x": {"type": "string"}}}),
         "no-inline-union-object", SCHEMAS + "Annotation.yaml#/oneOf/4"),
        ("FilePath.yaml", lambda d: d["required"].remove("type"), "typed-one-of", SCHEMAS + "Annotation.yaml#/oneOf/3"),
        ("FilePath.yaml", lambda d: d["properties"]["type"].update(const="file_citation"), "typed-one-of", SCHEMAS + "Annotation.yaml#/oneOf/3"),
        ("FilePath.yaml", lambda d: d.pop("description"), "described", SCHEMAS + "FilePath.yaml#"),
    ],
)
def test_each_lint_rule_names_the_file_and_pointer(scratch_spec, file, change, rule, where):
    edit_yaml(scratch_spec / "components" / "schemas" / file, change)
    assert where in lint_rules(scratch_spec)[rule]


def test_lint_rejects_a_second_request_content_type_in_the_shared_path_file(scratch_spec):
    def add_form(d):
        content = d["post"]["requestBody"]["content"]
        content["application/x-www-form-urlencoded"] = content["application/json"]
    edit_yaml(scratch_spec / "paths" / "responses.yaml", add_form)
    assert lint_rules(scratch_spec)["json-request-only"] == ["spec/paths/responses.yaml#/post/requestBody/content"]


def test_lint_reports_invalid_openapi(scratch_spec):
    edit_yaml(scratch_spec / "ai360.yaml", lambda d: d["info"].pop("version"))
    assert "openapi-3.1" in lint_rules(scratch_spec)


@pytest.mark.parametrize("source", [" ", "DashScope says so.", "see the notes"])
def test_a_difference_without_a_public_source_is_rejected(scratch_spec, source):
    edit_yaml(scratch_spec / "zhixin.yaml", lambda d: d["x-differences"][0].update(source=source))
    assert lint_rules(scratch_spec, "zhixin")["cited"] == ["spec/zhixin.yaml#/x-differences/0/source"]


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d["x-differences"][0].update(schema="NoSuchSchema"), "#/x-differences/0/schema: no component named 'NoSuchSchema'"),
        (lambda d: d["x-differences"][0].pop("source"), "#/x-differences/0: a difference has exactly"),
        (lambda d: d["x-differences"][0]["patch"].update(extra={"$ref": "./components/schemas/Nope.yaml"}),
         "#/x-differences/0/patch/extra: $ref to a missing file"),
    ],
)
def test_bundle_errors_name_the_root_file_and_pointer(scratch_spec, change, message):
    edit_yaml(scratch_spec / "zhixin.yaml", change)
    root = next(r for r in discover_vendors(scratch_spec) if r.vendor_id == "zhixin")
    with pytest.raises(SpecError) as caught:
        bundle(root)
    assert str(caught.value).startswith(str(scratch_spec / "zhixin.yaml")) and message in str(caught.value)


def test_yaml_errors_name_the_file_and_line(scratch_spec):
    target = scratch_spec / "components" / "schemas" / "FilePath.yaml"
    target.write_text("type: object\ntype: string\n")
    with pytest.raises(SpecError, match=r"FilePath.yaml#: invalid YAML \(line 2\): duplicate key 'type'"):
        for root in discover_vendors(scratch_spec):
            bundle(root)


# -- what the spec covers, checked against openai-python (an outside reader) -------------------

def union_types(annotation) -> set[str]:
    """The `type` literals of a discriminated union of openai-python models."""
    import typing

    members = typing.get_args(typing.get_args(annotation)[0]) if typing.get_origin(annotation) is typing.Annotated else typing.get_args(annotation)
    found = set()
    for member in members:
        if member is type(None):
            continue
        found |= literals(member.model_fields["type"].annotation)
    return found


def literals(annotation) -> set:
    """The values of a Literal, or of the Literals inside an Optional/Union."""
    import typing

    if typing.get_origin(annotation) is typing.Literal:
        return set(typing.get_args(annotation))
    return {value for arg in typing.get_args(annotation) for value in literals(arg)}


def spec_union_types(name: str, vendor: str = "ai360") -> set[str]:
    schemas = bundled_document(vendor)["components"]["schemas"]
    found = set()
    for variant in schemas[name].get("oneOf") or schemas[name].get("anyOf"):
        prop = schemas[variant["$ref"].rsplit("/", 1)[1]]["properties"].get("type", {})
        prop = next((p for p in prop.get("anyOf", []) if p.get("type") == "string"), prop)
        found |= {prop["const"]} if "const" in prop else set(prop.get("enum") or [])
    return found


@pytest.mark.parametrize(
    "component, module, name",
    [
        ("ResponseStreamEvent", "response_stream_event", "ResponseStreamEvent"),
        ("OutputItem", "response_output_item", "ResponseOutputItem"),
        ("InputItem", "response_input_item", "ResponseInputItem"),
        ("Tool", "tool", "Tool"),
        ("ResponseInputContent", "response_input_content", "ResponseInputContent"),
        ("Annotation", "response_output_text", "Annotation"),
    ],
)
def test_every_openai_union_member_is_in_the_shared_components(component, module, name):
    import importlib

    openai_union = getattr(importlib.import_module(f"openai.types.responses.{module}"), name)
    assert spec_union_types(component) == union_types(openai_union)


def test_the_stream_event_union_has_openais_59_event_types():
    assert len(spec_union_types("ResponseStreamEvent")) == 59


def test_every_openai_request_field_and_includable_is_in_the_shared_components():
    import typing

    from openai.types.responses import response_create_params, response_includable

    request = bundled_document("ai360")["components"]["schemas"]["CreateResponseRequest"]["properties"]
    assert set(typing.get_type_hints(response_create_params.ResponseCreateParamsStreaming)) == set(request)
    includable = bundled_document("ai360")["components"]["schemas"]["ResponseIncludable"]["enum"]
    assert set(typing.get_args(response_includable.ResponseIncludable)) == set(includable)


def test_response_fields_openai_sends_as_null_are_nullable_and_required_ones_required():
    response = bundled_document("ai360")["components"]["schemas"]["Response"]
    for field in ("error", "incomplete_details", "instructions", "metadata"):
        assert field in response["required"]
    for field in ("usage", "completed_at", "error", "incomplete_details", "instructions", "metadata"):
        assert {"type": "null"} in response["properties"][field].get("anyOf", []) or "null" in response["properties"][field].get("type", []), field


def test_zhixin_adds_dashscopes_items_and_tools_but_ai360_does_not():
    dashscope_items = {"web_extractor_call", "web_search_image_call", "image_search_call"}
    dashscope_tools = {"web_extractor", "web_search_image", "image_search"}
    assert dashscope_items <= spec_union_types("OutputItem", "zhixin")
    assert dashscope_tools <= spec_union_types("Tool", "zhixin")
    assert not dashscope_items & spec_union_types("OutputItem", "ai360")
    assert spec_union_types("Tool", "ai360") < spec_union_types("Tool", "zhixin")


def test_every_component_and_difference_cites_a_public_source():
    for vendor in VENDORS:
        document = bundled_document(vendor)
        for name, schema in document["components"]["schemas"].items():
            sources = schema["x-source"] if isinstance(schema["x-source"], list) else [schema["x-source"]]
            assert all(s.startswith("https://") for s in sources), name
        for difference in document["x-differences"]:
            assert "https://" in difference["source"] or "ai.interwestinfo.com" in difference["source"]
        assert "DESIGN.md" not in json.dumps(document, ensure_ascii=False)
        assert "vendor-docs" not in json.dumps(document, ensure_ascii=False)


# -- the operation, written once ---------------------------------------------------------------

def test_the_operation_is_written_once_and_shared_by_every_root():
    for root in discover_vendors(SPEC):
        assert root.document["paths"] == {"/v1/responses": {"$ref": "./paths/responses.yaml"}}
        bundled = bundle(root)
        assert SPEC / "paths" / "responses.yaml" in bundled.sources
        assert bundled.document["paths"]["/v1/responses"]["post"]["operationId"] == "createResponse"
        examples = bundled.document["paths"]["/v1/responses"]["post"]["requestBody"]["content"]["application/json"]["examples"]
        assert examples["documented"] == root.document["x-examples"]["request"]["documented"]


def test_a_path_item_ref_to_a_missing_file_names_the_root_and_pointer(tmp_path):
    root = root_document("acme", shared_path=True)
    path = write_spec(tmp_path, root=root)
    (tmp_path / "paths" / "responses.yaml").unlink()
    with pytest.raises(SpecError, match=r"acme.yaml#/paths/~1v1~1responses/\$ref: \$ref to a missing file"):
        bundle(discover_vendors(path.parent)[0])


def test_x_examples_go_into_the_operation_and_unknown_kinds_are_refused(tmp_path):
    root = root_document("acme", shared_path=True)
    root["x-examples"] = {"error": {"documented": {"summary": "An error.", "value": {"message": "no"}}}}
    document = bundle(discover_vendors(write_spec(tmp_path / "a", root=root).parent)[0]).document
    media = document["paths"]["/v1/responses"]["post"]["responses"]["default"]["content"]["application/json"]
    assert media["examples"] == {"documented": {"summary": "An error.", "value": {"message": "no"}}}
    root["x-examples"] = {"answer": {"documented": {"value": 1}}}
    with pytest.raises(SpecError, match=r"acme.yaml#/x-examples/answer: unknown payload kind"):
        bundle(discover_vendors(write_spec(tmp_path / "b", root=root).parent)[0])


# -- differences: x-append / x-remove, and lint errors located in the root --------------------

def tiny_bundle(tmp_path, differences: list, local: dict | None = None):
    root = root_document("acme", shared_path=True)
    root["x-differences"] = differences
    if local:
        root["components"]["schemas"] = local
    return bundle(discover_vendors(write_spec(tmp_path, schemas=cited_schemas(), root=root).parent)[0])


LOCAL_TOOL = {"LocalTool": {"type": "object", "description": "A vendor-only tool.", "x-source": "https://example.com/tool",
                            "required": ["type"], "properties": {"type": {"type": "string", "const": "local"}}}}


def test_x_append_keeps_members_later_added_to_the_shared_array(tmp_path):
    difference = {"schema": "Tool", "source": "https://example.com/tools",
                  "patch": {"oneOf": {"x-append": [{"$ref": "#/components/schemas/LocalTool"}]}}}
    tool = tiny_bundle(tmp_path, [difference], LOCAL_TOOL).document["components"]["schemas"]["Tool"]
    assert [v["$ref"].rsplit("/", 1)[1] for v in tool["oneOf"]] == ["FunctionTool", "SearchTool", "LocalTool"]
    assert lint(tiny_bundle(tmp_path / "again", [difference], LOCAL_TOOL)) == []


def test_x_remove_drops_members_and_refuses_unknown_ones(tmp_path):
    difference = {"schema": "Response", "source": "https://example.com/r", "patch": {"required": {"x-remove": ["output"]}}}
    response = tiny_bundle(tmp_path, [difference]).document["components"]["schemas"]["Response"]
    assert response["required"] == ["id", "status"]
    difference["patch"]["required"]["x-remove"] = ["nope"]
    with pytest.raises(SpecError, match=r"acme.yaml#/x-differences/0/patch/required/x-remove/0: 'nope' is not in the shared array"):
        tiny_bundle(tmp_path / "b", [difference])
    difference["patch"] = {"properties": {"id": {"x-append": ["x"]}}}
    with pytest.raises(SpecError, match=r"acme.yaml#/x-differences/0/patch/properties/id: x-append/x-remove edit an array"):
        tiny_bundle(tmp_path / "c", [difference])


def test_a_patch_that_restates_a_shared_array_is_refused(tmp_path):
    restated = {"schema": "Tool", "source": "https://example.com/tools", "patch": {"oneOf": [
        {"$ref": "./components/schemas/FunctionTool.yaml"}, {"$ref": "./components/schemas/SearchTool.yaml"},
        {"$ref": "#/components/schemas/LocalTool"}]}}
    errors = lint(tiny_bundle(tmp_path, [restated], LOCAL_TOOL))
    assert [(e.file.rsplit("/", 1)[1], e.pointer, e.rule) for e in errors] == [("acme.yaml", "/x-differences/0/patch/oneOf", "patch-append")]


def test_a_lint_error_inside_a_patch_points_at_the_root_and_the_patch(tmp_path):
    untyped = {"LocalTool": {**LOCAL_TOOL["LocalTool"], "required": []}}
    append = {"schema": "Tool", "source": "https://example.com/tools",
              "patch": {"oneOf": {"x-append": [{"$ref": "#/components/schemas/LocalTool"}]}}}
    titled = {"schema": "Response", "source": "https://example.com/r", "patch": {"properties": {"note": {"title": "Note"}}}}
    errors = {(e.file.rsplit("/", 1)[1], e.pointer, e.rule) for e in lint(tiny_bundle(tmp_path, [append, titled], untyped))}
    assert errors == {
        ("acme.yaml", "/x-differences/0/patch/oneOf/x-append/0", "typed-one-of"),
        ("acme.yaml", "/x-differences/1/patch/properties/note", "no-title"),
    }


def test_a_problem_of_the_shared_file_stays_in_the_shared_file(tmp_path):
    shared = cited_schemas()
    shared["Response"]["properties"]["note"]["title"] = "Note"
    root = root_document("acme", shared_path=True)
    root["x-differences"] = [{"schema": "Response", "source": "https://example.com/r", "patch": {"properties": {"extra": {"type": "string"}}}}]
    errors = [(e.file.rsplit("/", 1)[1], e.pointer, e.rule) for e in lint(bundle(discover_vendors(write_spec(tmp_path, schemas=shared, root=root).parent)[0]))]
    assert errors == [("Response.yaml", "/properties/note", "no-title")]


# -- what the generator reads from a root ------------------------------------------------------

def tiny_lint(tmp_path, change=None, schemas: dict | None = None) -> set:
    root = root_document("acme", shared_path=True)
    if change:
        change(root)
    path = write_spec(tmp_path, schemas=cited_schemas() if schemas is None else schemas, root=root)
    return {(e.pointer, e.rule) for e in lint(bundle(discover_vendors(path.parent)[0]))}


def test_a_tiny_cited_spec_lints_clean(tmp_path):
    assert tiny_lint(tmp_path) == set()


@pytest.mark.parametrize(
    "change, found",
    [
        (lambda r: r["info"].update({"x-vendor-id": "ai360"}), ("/info/x-vendor-id", "vendor-root")),
        (lambda r: r["info"].pop("x-vendor-id"), ("/info/x-vendor-id", "vendor-root")),
        (lambda r: r["info"].update({"x-api-key-env": "ZHIXIN_API_KEY"}), ("/info/x-api-key-env", "vendor-root")),
        (lambda r: r["info"].update({"x-api-key-env": "acme_key"}), ("/info/x-api-key-env", "vendor-root")),
        (lambda r: r.update({"x-diferences": []}), ("/x-diferences", "known-extension")),
        (lambda r: r["info"].update({"description": "As DESIGN.md says."}), ("/info/description", "no-internal-note")),
        (lambda r: r["info"].update({"description": "See ../shared/vendor-docs/acme.txt."}), ("/info/description", "no-internal-note")),
    ],
)
def test_lint_checks_what_the_generator_reads_from_a_root(tmp_path, change, found):
    assert found in tiny_lint(tmp_path, change)


def test_a_component_must_cite_a_public_source_and_no_internal_note(tmp_path):
    shared = cited_schemas()
    shared["Item"].pop("x-source")
    shared["Error"]["x-source"] = ["https://example.com/e", "our notes"]
    shared["Tool"]["description"] = "Told apart by type (shared/DESIGN.md)."
    shared["Response"]["properties"]["id"]["x-source"] = "https://example.com/id"
    assert tiny_lint(tmp_path, schemas=shared) == {
        ("/x-source", "cited"), ("/description", "no-internal-note"), ("/properties/id/x-source", "known-extension")}


def test_two_roots_with_one_key_variable_are_refused(tmp_path):
    write_spec(tmp_path, vendor="acme")
    copied = root_document("beta")
    copied["info"]["x-api-key-env"] = "ACME_API_KEY"
    write_spec(tmp_path, vendor="beta", root=copied)
    with pytest.raises(SpecError, match=r"beta.yaml#/info/x-api-key-env: ACME_API_KEY is already the key variable of acme.yaml"):
        discover_vendors(tmp_path)
