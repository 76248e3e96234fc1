"""Tiny spec folders for the diff and matrix tests: a root per vendor, one file per component."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

SCHEMAS = {
    "Request": {
        "type": "object",
        "required": ["model"],
        "properties": {
            "model": {"type": "string"},
            "temperature": {"type": ["number", "null"], "minimum": 0, "maximum": 2},
            "seed": {"type": ["integer", "string"]},
            "truncation": {"type": "string", "enum": ["auto", "disabled"]},
            "tools": {"type": "array", "items": {"$ref": "./Tool.yaml"}},
        },
    },
    "Response": {
        "type": "object",
        "required": ["id", "status", "output"],
        "properties": {
            "id": {"type": "string"},
            "status": {"type": "string", "enum": ["completed", "failed"]},
            "output": {"type": "array", "items": {"$ref": "./Item.yaml"}},
            "tools": {"type": "array", "items": {"$ref": "./Tool.yaml"}},
            "usage": {"type": "integer"},
            "note": {"type": "string"},
        },
    },
    "Item": {
        "type": "object",
        "required": ["type", "text"],
        "properties": {"type": {"type": "string", "const": "message"}, "text": {"type": "string"}},
    },
    "Tool": {"oneOf": [{"$ref": "./FunctionTool.yaml"}, {"$ref": "./SearchTool.yaml"}]},
    "FunctionTool": {
        "type": "object",
        "required": ["type", "name"],
        "properties": {"type": {"type": "string", "const": "function"}, "name": {"type": "string"}},
    },
    "SearchTool": {
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"type": "string", "const": "search"}},
    },
    "Error": {
        "type": "object",
        "required": ["message"],
        "properties": {"message": {"type": "string"}, "code": {"type": ["string", "null"]}},
    },
}


def path_item(prefix: str = "./components/schemas") -> dict:
    """The `/v1/responses` path item: Request in, Response (JSON or events) or Error out."""
    def body(name: str) -> dict:
        return {"application/json": {"schema": {"$ref": f"{prefix}/{name}.yaml"}}}

    return {
        "post": {
            "operationId": "createResponse",
            "requestBody": {"required": True, "content": body("Request")},
            "responses": {
                "200": {"description": "ok", "content": body("Response")},
                "default": {"description": "error", "content": body("Error")},
            },
        }
    }


def root_document(vendor: str, shared_path: bool = False) -> dict:
    """A vendor root with bearer auth; its path item inline, or a $ref to ./paths/responses.yaml."""
    return {
        "openapi": "3.1.0",
        "info": {"title": f"{vendor} API", "version": "1.0.0", "x-vendor-id": vendor, "x-api-key-env": f"{vendor.upper()}_API_KEY"},
        "servers": [{"url": f"https://{vendor}.test"}],
        "security": [{"bearerAuth": []}],
        "paths": {"/v1/responses": {"$ref": "./paths/responses.yaml"} if shared_path else path_item()},
        "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}},
        "x-differences": [],
    }


def write_spec(folder: Path, vendor: str = "acme", schemas: dict | None = None, root: dict | None = None) -> Path:
    """Write a spec folder (the defaults unless given) and return its vendor root file.

    A root whose path item is a $ref gets `paths/responses.yaml` written beside it."""
    (folder / "components" / "schemas").mkdir(parents=True, exist_ok=True)
    for name, schema in (SCHEMAS if schemas is None else schemas).items():
        (folder / "components" / "schemas" / f"{name}.yaml").write_text(yaml.safe_dump(schema, sort_keys=False), "utf-8")
    path = folder / f"{vendor}.yaml"
    document = root_document(vendor) if root is None else root
    if "$ref" in (document.get("paths") or {}).get("/v1/responses", {}):
        (folder / "paths").mkdir(exist_ok=True)
        (folder / "paths" / "responses.yaml").write_text(yaml.safe_dump(path_item("../components/schemas"), sort_keys=False), "utf-8")
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), "utf-8")
    return path


def schemas() -> dict:
    """A fresh copy of the default components, to change for one test."""
    return copy.deepcopy(SCHEMAS)


def cited_schemas() -> dict:
    """The default components with the `description` and `x-source` the lint asks of each."""
    return {name: {"description": f"The {name} of the tiny spec.", "x-source": "https://example.com/spec", **schema}
            for name, schema in schemas().items()}
