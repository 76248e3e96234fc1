"""Stage "typed_params": the request as TypedDicts, for type checkers (datamodel-code-generator).

`client.responses.create(**params)` is typed `Unpack[ResponseCreateParams]`, and nested
values are TypedDicts named `<Component>Param`, as openai-python's `*_param` types are: a
type checker then reports a wrong type, an unknown argument or a misspelled key. The module
is never imported at run time. `stream` is left out of `ResponseCreateParams`: `create()`
takes it as its own keyword, so that its value picks the return type.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from .external import run_tool, tool_path

PARAMS_ROOT = "ResponseCreateParams"
CLIENT_KEYWORDS = ("stream",)

DATAMODEL_CODEGEN_FLAGS = [
    "--input-file-type", "openapi",
    "--output-model-type", "typing.TypedDict",
    "--use-type-alias",
    "--use-union-operator",
    "--enum-field-as-literal", "all",
    "--use-double-quotes",
    "--target-python-version", "3.11",
    "--disable-timestamp",
    "--use-schema-description",
    "--use-field-description",
    "--use-single-line-docstring",
    "--strict-nullable",
    "--formatters", "ruff-format",
]


def param_name(component: str) -> str:
    return component if component.endswith("Param") else component + "Param"


def params_view(document: dict, request_root: str, request_defs: list[str]) -> dict:
    """An OpenAPI document of just the request's components, the root without the client's keywords."""
    schemas = {name: document["components"]["schemas"][name] for name in request_defs}
    root = dict(schemas[request_root])
    root["properties"] = {k: v for k, v in root.get("properties", {}).items() if k not in CLIENT_KEYWORDS}
    root["required"] = [k for k in root.get("required", []) if k not in CLIENT_KEYWORDS]
    schemas[request_root] = root
    return {"openapi": document["openapi"], "info": {"title": "params", "version": "0"}, "paths": {}, "components": {"schemas": schemas}}


def write_params(document: dict, request_schema: dict, target: Path) -> None:
    """Write the params module `target` from the bundle and the `request` kind's JSON Schema."""
    request_root = request_schema["$ref"].rsplit("/", 1)[-1]
    names = {name: param_name(name) for name in request_schema["$defs"]}
    names[request_root] = PARAMS_ROOT
    view = params_view(document, request_root, sorted(request_schema["$defs"]))
    with tempfile.TemporaryDirectory() as work:
        (Path(work) / "openapi.json").write_text(json.dumps(view, indent=2, ensure_ascii=False) + "\n", "utf-8")
        args = ["--input", "openapi.json", "--output", "params.py", "--model-name-map", json.dumps(names)]
        run_tool([tool_path("datamodel-codegen"), *args, *DATAMODEL_CODEGEN_FLAGS], cwd=Path(work))
        target.write_text((Path(work) / "params.py").read_text("utf-8"), "utf-8")
