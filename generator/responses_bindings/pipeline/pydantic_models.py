"""Stage "models": pydantic v2 models from the bundle with datamodel-code-generator.

The models read like openai-python's: unions, enums and maps are plain type aliases (no
`RootModel`, so no `.root`), enums and consts are `Literal` strings, an absent optional field
reads as `None` (unset fields stay out of `model_dump(exclude_unset=True)`, so round trips are
lossless), each field's description is its docstring, unknown keys are kept
(`--extra-fields allow`), and the response kind's class is `Response`. The models are laxer
than the spec on one thing only: they take `null` for an optional field; the JSON Schema check
that parse() runs first is what refuses a `null` the spec forbids. No timestamp, so output is
byte-identical run to run.
"""

from __future__ import annotations

import ast
import copy
import json
import re
import tempfile
from pathlib import Path

from ..common.document import COMPONENT_PREFIX
from ..errors import ToolError
from .external import run_tool, tool_path
from .lint import type_values

DATAMODEL_CODEGEN_FLAGS = [
    "--input-file-type", "openapi",
    "--output-model-type", "pydantic_v2.BaseModel",
    "--use-type-alias",
    "--use-annotated",
    "--field-constraints",
    "--use-union-operator",
    "--enum-field-as-literal", "all",
    "--use-double-quotes",
    "--target-python-version", "3.11",
    "--disable-timestamp",
    "--use-schema-description",
    "--use-field-description",
    "--use-single-line-docstring",
    "--strict-nullable",
    "--target-pydantic-version", "2.14",
    "--extra-fields", "allow",
    "--formatters", "ruff-format",
]

# The class users get for the `response` kind, whatever the spec calls its component.
RESPONSE_CLASS = "Response"


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


def _type_choices(schema: dict) -> list:
    """The alternatives of an object's `type` property ([] when it has none)."""
    prop = (schema.get("properties") or {}).get("type")
    return prop.get("anyOf", [prop]) if isinstance(prop, dict) else []


def _declares_type(schema: dict) -> bool:
    """An object whose `type` property (required or not) is a const or an enum, maybe nullable."""
    choices = _type_choices(schema)
    return bool(choices) and all(
        isinstance(c, dict) and ("const" in c or isinstance(c.get("enum"), list) or c.get("type") == "null") for c in choices
    ) and any("const" in c or "enum" in c for c in choices)


def unions_by_type(document: dict) -> dict[str, list[str]]:
    """The anyOf components whose members are all objects declaring a `type` (optional in some),
    each with its members whose `type` may be null: their type alias is marked `ByType(...)`, so
    pydantic builds them by `type` (see runtime/_by_type)."""
    schemas = document["components"]["schemas"]
    found = {}
    for name, schema in sorted(schemas.items()):
        members = [variant.get("$ref", "").removeprefix(COMPONENT_PREFIX) if isinstance(variant, dict) else ""
                   for variant in schema.get("anyOf") or []]
        if members and all(member in schemas and _declares_type(schemas[member]) for member in members):
            found[name] = [member for member in members
                           if any(choice.get("type") == "null" for choice in _type_choices(schemas[member]))]
    return found


def mark_by_type(source: str, names: dict[str, list[str]], package: str) -> str:
    """`source` (models.py) with each named union alias `X = TypeAliasType("X", <union>)` wrapped
    as `Annotated[<union>, ByType(...)]`, naming its members whose `type` may be null (found
    with ast, so the formatter's line breaks do not matter)."""
    if not names:
        return source
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    unions = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and len(node.value.args) == 2:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in names:
                union = node.value.args[1]
                unions[(offsets[union.lineno - 1] + union.col_offset, offsets[union.end_lineno - 1] + union.end_col_offset)] = target.id
    missing = sorted(set(names) - set(unions.values()))
    if missing:
        raise ToolError(f"datamodel-codegen wrote no type alias for {', '.join(missing)} (expected X = TypeAliasType(...))")
    for (start, end), name in sorted(unions.items(), reverse=True):
        nullable = f"nullable={tuple(names[name])!r}" if names[name] else ""
        source = f"{source[:start]}Annotated[{source[start:end]}, ByType({nullable})]{source[end:]}"
    imports = f"from {package}._by_type import ByType\n"
    if not re.search(r"^from typing import .*\bAnnotated\b", source, re.MULTILINE):
        imports = "from typing import Annotated\n" + imports
    return source.replace("from typing_extensions import TypeAliasType\n", "from typing_extensions import TypeAliasType\n" + imports, 1)


def class_names(kind_roots: dict[str, str]) -> dict[str, str]:
    """Kind -> the name of its root in the models module (the response kind's is `Response`)."""
    return {kind: RESPONSE_CLASS if kind == "response" else root for kind, root in kind_roots.items()}


def write_models(document: dict, kind_roots: dict[str, str], target: Path) -> dict[str, str]:
    """Write the models module `target` from the bundled `document`; return each kind's type in it
    (a model class, or for a union kind its type alias: parse() builds either through a TypeAdapter)."""
    package = target.parent.name
    names = class_names(kind_roots)
    args = [
        "--base-class", f"{package}._model.Model",  # writes wire names back out (`schema`, never `schema_`)
        "--base-class-map", json.dumps({RESPONSE_CLASS: f"{package}._response.ResponseBase"}),  # output_text
        "--model-name-map", json.dumps({kind_roots["response"]: RESPONSE_CLASS}),
    ]
    with tempfile.TemporaryDirectory() as work:
        view = Path(work) / "openapi.json"  # its name heads models.py
        view.write_text(json.dumps(tag_unions(document), indent=2, ensure_ascii=False) + "\n", "utf-8")
        run_tool([tool_path("datamodel-codegen"), "--input", view.name, "--output", "models.py", *args, *DATAMODEL_CODEGEN_FLAGS], cwd=Path(work))
        source = (Path(work) / "models.py").read_text("utf-8")
    target.write_text(mark_by_type(source, unions_by_type(document), package), "utf-8")
    return names
