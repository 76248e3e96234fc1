"""`responses-bindings matrix` / generated/VENDORS.md: rows per field pointer, vendors as
columns, notes from x-differences, unions, components spelled out once."""

from __future__ import annotations

import json
import subprocess
import sys

from tiny_specs import root_document, schemas, write_spec

from responses_bindings.pipeline.vendor_matrix import render

from conftest import GENERATED, REPO


def two_vendors(tmp_path, edit_schemas=None):
    """Vendor `a` uses the shared components; `b` adds a field, makes one nullable, adds a tool."""
    shared = schemas()
    if edit_schemas:
        edit_schemas(shared)
    write_spec(tmp_path, "a", shared)
    root = root_document("b")
    root["components"]["securitySchemes"] = {"key": {"type": "apiKey", "in": "header", "name": "Authorization"}}
    root["security"] = [{"key": []}]
    root["components"]["schemas"] = {
        "ShellTool": {"type": "object", "required": ["type"], "properties": {"type": {"type": "string", "const": "shell"}}}
    }
    root["x-differences"] = [
        {
            "schema": "Response",
            "source": "B's docs show `extra`; B sends `null` usage.",
            "patch": {"properties": {"extra": {"type": "boolean"}, "usage": {"type": ["integer", "null"]}, "note": None}},
        },
        {
            "schema": "Tool",
            "source": "B also has shell tools.",
            "patch": {"oneOf": [{"$ref": "./components/schemas/FunctionTool.yaml"}, {"$ref": "./components/schemas/SearchTool.yaml"},
                                {"$ref": "#/components/schemas/ShellTool"}]},
        },
    ]
    write_spec(tmp_path, "b", shared, root)
    return render(tmp_path)


def section(text: str, title: str) -> str:
    return text.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_a_row_per_pointer_and_a_column_per_vendor(tmp_path):
    text = two_vendors(tmp_path)
    response = section(text, "Response body (200, application/json)")
    assert "| Field | a | b |\n|---|---|---|\n| `/` | `object` | `object` |\n" in response
    assert "| `/id` | `string`, required | `string`, required |" in response
    assert '| `/status` | `"completed" \\| "failed"`, required | `"completed" \\| "failed"`, required |' in response
    assert "| `/output/[]/text` | `string`, required | `string`, required |" in response


def test_vendor_differences_are_bold_with_the_vendors_note(tmp_path):
    response = section(two_vendors(tmp_path), "Response body (200, application/json)")
    assert "| **`/extra`** | — | `boolean`, optional ([note 1](#b-1)) |" in response
    assert "| **`/usage`** | `integer`, optional | `integer`, optional, nullable ([note 1](#b-1)) |" in response
    assert "| **`/note`** | `string`, optional | — (removed) ([note 1](#b-1)) |" in response


def test_union_variants_get_their_own_rows(tmp_path):
    request = section(two_vendors(tmp_path), "Request body")
    assert "| **`/tools/[]`** | `object` one of 2 | `object` one of 3 ([note 2](#b-2)) |" in request
    assert "| `/tools/[]/(FunctionTool)/name` | `string`, required | `string`, required |" in request
    assert "| **`/tools/[]/(ShellTool)`** | — | `object` ([note 2](#b-2)) |" in request
    assert '| **`/tools/[]/(ShellTool)/type`** | — | `"shell"`, required ([note 2](#b-2)) |' in request
    assert "| `/seed` | `integer \\| string`, optional | `integer \\| string`, optional |" in request
    assert "| `/temperature` | `number`, optional, nullable, minimum 0, maximum 2 | `number`, optional, nullable, minimum 0, maximum 2 |" in request


def test_a_nullable_anyof_is_a_nullable_field_not_a_union(tmp_path):
    def add(s):
        s["Response"]["properties"]["last"] = {"anyOf": [{"$ref": "./Item.yaml"}, {"type": "null"}]}

    response = section(two_vendors(tmp_path, add), "Response body (200, application/json)")
    assert "| `/last` | `object`, optional, nullable | `object`, optional, nullable |" in response
    assert "| `/last/text` | `string`, required | `string`, required |" in response
    assert "(Item)" not in response


def test_a_component_is_spelled_out_once(tmp_path):
    text = two_vendors(tmp_path)
    response = section(text, "Response body (200, application/json)")
    assert (
        "| **`/tools/[]`** — fields of `Tool` as at `/tools/[]` (request body); **vendors differ inside** "
        "| `object` one of 2 | `object` one of 3 ([note 2](#b-2)) |"
    ) in response
    assert "/tools/[]/(FunctionTool)" not in response
    assert text.count("| `/tools/[]/(FunctionTool)/name` |") == 1


def test_long_enums_are_shortened(tmp_path):
    def long_enum(s):
        s["Response"]["properties"]["status"]["enum"] = [f"s{i}" for i in range(9)]

    response = section(two_vendors(tmp_path, long_enum), "Response body (200, application/json)")
    assert '| `/status` | `"s0" \\| "s1" \\| "s2" \\| "s3" \\| "s4" \\| … 9 values`, required |' in response


def test_each_vendor_lists_what_it_changes_in_the_shared_components(tmp_path):
    text = two_vendors(tmp_path)
    vendors = text.split("## What each vendor changes in the shared components\n", 1)[1]
    a_part, b_part = vendors.split("### b ", 1)
    assert "No `x-differences`: a uses the shared components unchanged." in a_part
    assert "Vendor-only components: `ShellTool`." in b_part
    assert (
        '1. <a id="b-1"></a>**`Response`** — patches `properties/extra`, `properties/usage`, `properties/note` (removed); '
        "marks 3 rows above. B's docs show `extra`; B sends `null` usage."
    ) in b_part
    assert '2. <a id="b-2"></a>**`Tool`** — patches `oneOf`; marks ' in b_part
    assert "| b | b API 1.0.0 | https://b.test | header `Authorization: <key>` |" in text
    assert "| a | a API 1.0.0 | https://a.test | `Authorization: Bearer <key>` |" in text


def test_the_real_matrix_is_generated_committed_and_linked():
    """The committed VENDORS.md (the drift test proves it is what a fresh generation writes) is
    what the CLI prints, and the README links it."""
    text = (GENERATED / "VENDORS.md").read_text("utf-8")
    assert "(generated/VENDORS.md)" in (REPO / "README.md").read_text("utf-8")
    request = section(text, "Request body")
    assert "| **`/max_tokens`** | — | `integer`, optional, nullable ([note 1](#zhixin-1)) |" in request
    assert "| `/model` | `string`, required | `string`, required |" in request
    done = subprocess.run([sys.executable, "-m", "responses_bindings", "matrix"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == text


def test_differences_only_keeps_the_rows_where_vendors_differ(tmp_path):
    full = two_vendors(tmp_path)
    short = render(tmp_path, differences_only=True)
    assert len(short.splitlines()) < len(full.splitlines())
    bold = [line for line in full.splitlines() if line.startswith("| **")]
    rows = [line for line in short.splitlines() if line.startswith("| `") or line.startswith("| **")]
    assert rows == bold
    assert "Only the rows where vendors differ are shown" in short
    assert section(short, "Error body (other status codes)").strip().endswith("No differences.")
    assert "## What each vendor changes in the shared components" in short


def test_the_matrix_as_json_data(tmp_path):
    from responses_bindings.pipeline.vendor_matrix import matrix_data

    two_vendors(tmp_path)
    data = matrix_data(tmp_path)
    assert [v["id"] for v in data["vendors"]] == ["a", "b"]
    assert data["vendors"][1]["differences"][0] == {"number": 1, "schema": "Response",
                                                   "source": "B's docs show `extra`; B sends `null` usage."}
    response = {f["pointer"]: f for f in data["kinds"]["response"]["fields"]}
    assert response["/usage"]["differs"] is True
    assert response["/usage"]["vendors"]["b"] == {
        "types": ["integer"], "enum": None, "required": False, "nullable": True, "variants": [], "limits": {},
        "component": None, "recursive": False, "note": 1}
    assert response["/note"]["vendors"] == {"a": response["/note"]["vendors"]["a"], "b": {"absent": True, "note": 1}}
    assert response["/status"]["vendors"]["a"]["enum"] == ["completed", "failed"]
    assert response["/id"]["differs"] is False
    only = matrix_data(tmp_path, differences_only=True)
    assert {f["pointer"] for f in only["kinds"]["response"]["fields"]} == {p for p, f in response.items() if f["differs"]}


def test_matrix_cli_formats():
    done = subprocess.run([sys.executable, "-m", "responses_bindings", "matrix", "--format", "json", "--differences-only"],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert all(f["differs"] for kind in data["kinds"].values() for f in kind["fields"])
    assert any(f["pointer"] == "/max_tokens" for f in data["kinds"]["request"]["fields"])
