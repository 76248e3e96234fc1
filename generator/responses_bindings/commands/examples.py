"""`responses-bindings examples`: check every documented example against its kind's generated JSON Schema."""

from __future__ import annotations

import argparse
import json

import jsonschema

from ..common.document import documented_examples
from ..errors import UsageError


def run(args: argparse.Namespace) -> int:
    if not args.out.is_dir():
        raise UsageError(f"{args.out}: no such folder (run from the repository's top, or pass --out)")
    bad = 0
    for vendor in sorted(p for p in args.out.iterdir() if (p / "openapi.json").is_file()):
        document = json.loads((vendor / "openapi.json").read_text("utf-8"))
        package = vendor / f"{vendor.name}_responses"
        for example in documented_examples(vendor.name, document):
            schema = json.loads((package / "schemas" / f"{example.kind}.json").read_text("utf-8"))
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(example.value), key=lambda e: e.json_path)
            bad += bool(errors)
            print(f"{vendor.name} {example.kind} example {example.name!r}: {'valid' if not errors else 'INVALID'}")
            for error in errors:
                print(f"  {error.json_path}: {error.message}")
    return 1 if bad else 0


def add_parser(commands) -> None:
    commands.add_parser("examples", help="check the documented examples against the generated schemas").set_defaults(run=run)
