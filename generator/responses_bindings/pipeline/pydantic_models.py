"""Stage "models": pydantic v2 models from the bundle with datamodel-code-generator.

Flags, and why (shared/DESIGN.md): strict nullability and the MISSING sentinel so that
`null` is refused where the schema refuses it and unset keys stay out of `model_dump()`;
unknown keys kept (`--extra-fields allow`); Literal instead of Enum so models compare to
plain JSON values; no timestamp so output is byte-identical run to run.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from ..common.document import COMPONENT_PREFIX
from .external import run_tool, tool_path
from .lint import type_values

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


def tag_unions(document: dict) -> dict:
    """A copy of `document` whose `type`-told oneOfs carry an OpenAPI `discriminator`.

    pydantic then picks a union member by its `type` at once instead of trying each member
    (smart mode), which was most of `parse()`'s cost. Only oneOfs whose members are all
    `$ref`s to objects with a required `type` const/enum qualify (lint makes the values
    disjoint); the JSON Schemas keep their plain oneOf.
    """
    tagged = copy.deepcopy(document)
    schemas = tagged["components"]["schemas"]
    for schema in schemas.values():
        variants = schema.get("oneOf") or []
        mapping = {}
        for variant in variants:
            ref = variant.get("$ref", "") if isinstance(variant, dict) else ""
            values = type_values(schemas.get(ref.removeprefix(COMPONENT_PREFIX), {})) if ref else None
            if not values:
                mapping = {}
                break
            mapping.update({str(value): ref for value in sorted(values)})
        if mapping:
            schema["discriminator"] = {"propertyName": "type", "mapping": mapping}
    return tagged


def write_models(openapi_json: Path, target: Path) -> None:
    """Write the models module `target` from the bundled `openapi_json`."""
    document = json.loads(openapi_json.read_text("utf-8"))
    models_view = openapi_json.parent / "models-view" / "openapi.json"  # same name: it heads models.py
    models_view.parent.mkdir(exist_ok=True)
    models_view.write_text(json.dumps(tag_unions(document), indent=2, ensure_ascii=False) + "\n", "utf-8")
    args = [tool_path("datamodel-codegen"), "--input", models_view.name, "--output", str(target.resolve())]
    # The runtime `_model.Model` writes wire names back out (`schema`, never `schema_`).
    args += ["--base-class", f"{target.parent.name}._model.Model"]
    run_tool(args + DATAMODEL_CODEGEN_FLAGS, cwd=models_view.parent)
