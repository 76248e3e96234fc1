"""The spec: its shape, the lint rules, and errors that name the file and the pointer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from responses_bindings.errors import SpecError
from responses_bindings.pipeline.bundle import bundle, merge_patch
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
    assert merge_patch({"a": 1, "b": {"c": 2, "d": 3}}, {"a": None, "b": {"c": 9}, "e": [1]}) == {"b": {"c": 9, "d": 3}, "e": [1]}


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


def test_lint_rejects_a_second_request_content_type(scratch_spec):
    def add_form(d):
        content = d["paths"]["/v1/responses"]["post"]["requestBody"]["content"]
        content["application/x-www-form-urlencoded"] = content["application/json"]
    edit_yaml(scratch_spec / "ai360.yaml", add_form)
    assert lint_rules(scratch_spec)["json-request-only"] == ["spec/ai360.yaml#/paths/~1v1~1responses/post/requestBody/content"]


def test_lint_reports_invalid_openapi(scratch_spec):
    edit_yaml(scratch_spec / "ai360.yaml", lambda d: d["info"].pop("version"))
    assert "openapi-3.1" in lint_rules(scratch_spec)


def test_a_difference_without_a_source_is_rejected(scratch_spec):
    edit_yaml(scratch_spec / "zhixin.yaml", lambda d: d["x-differences"][0].update(source=" "))
    assert lint_rules(scratch_spec, "zhixin")["cited"] == ["spec/zhixin.yaml#/x-differences/0"]


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
