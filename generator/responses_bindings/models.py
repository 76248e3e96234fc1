"""Stage 5, models: pydantic v2 models from the bundle with datamodel-code-generator.

Flags, and why (shared/DESIGN.md): strict nullability and the MISSING sentinel so that
`null` is refused where the schema refuses it and unset keys stay out of `model_dump()`;
unknown keys kept (`--extra-fields allow`); Literal instead of Enum so models compare to
plain JSON values; no timestamp so output is byte-identical run to run.
"""

from __future__ import annotations

from pathlib import Path

from .tools import run_tool, tool_path

DATAMODEL_CODEGEN_FLAGS = [
    "--input-file-type", "openapi",
    "--output-model-type", "pydantic_v2.BaseModel",
    "--use-annotated",
    "--field-constraints",
    "--use-union-operator",
    "--enum-field-as-literal", "all",
    "--use-double-quotes",
    "--target-python-version", "3.11",
    "--disable-timestamp",
    "--use-schema-description",
    "--strict-nullable",
    "--use-missing-sentinel",
    "--target-pydantic-version", "2.14",
    "--extra-fields", "allow",
    "--formatters", "ruff-format",
]


def write_models(openapi_json: Path, target: Path) -> None:
    """Write the models module `target` from the bundled `openapi_json`."""
    args = [tool_path("datamodel-codegen"), "--input", openapi_json.name, "--output", str(target.resolve())]
    # The runtime `_model.Model` writes wire names back out (`schema`, never `schema_`).
    args += ["--base-class", f"{target.parent.name}._model.Model"]
    run_tool(args + DATAMODEL_CODEGEN_FLAGS, cwd=openapi_json.parent)
