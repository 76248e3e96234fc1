"""The `responses-bindings` command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import jsonschema

from . import diff, matrix, validate_cli
from .bundle import bundle
from .examples import documented_examples
from .lint import lint
from .load import SpecError, discover_vendors
from .pipeline import LintFailed, generate
from .tools import ToolError


def cmd_generate(args: argparse.Namespace) -> int:
    results, drift = generate(args.spec, args.out, check=args.check)
    for result in results:
        stages = ", ".join(f"{name} {secs:.2f}s" for name, secs in result.stage_seconds.items())
        print(f"{result.vendor_id}: {result.schemas} schemas in {result.seconds:.2f}s ({stages})")
    if not args.check:
        print(f"{args.out}: {'updated' if drift else 'already up to date'}")
        return 0
    if not drift:
        print(f"{args.out} is up to date")
        return 0
    print(f"{args.out} is stale; run `make generate`:")
    for label, paths in (("added", drift.added), ("removed", drift.removed), ("changed", drift.changed)):
        for path in paths:
            print(f"  {label}: {args.out / path}")
    return 1


def cmd_lint(args: argparse.Namespace) -> int:
    failures = 0
    for root in discover_vendors(args.spec):
        errors = lint(bundle(root))
        failures += len(errors)
        for error in errors:
            print(f"{root.vendor_id}: {error}")
        print(f"{root.vendor_id}: {len(errors)} problem(s)")
    return 1 if failures else 0


def cmd_examples(args: argparse.Namespace) -> int:
    """Check every documented example against the generated JSON Schema of its kind."""
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


def cmd_mock(args: argparse.Namespace) -> int:
    """Serve the offline stand-in for one vendor's gateway until interrupted."""
    from .mock import MockError, serve

    try:
        serve(args.out, args.vendor, args.host, args.port, args.api_key, args.verbose)
    except MockError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="responses-bindings", description=__doc__)
    parser.add_argument("--spec", type=Path, default=Path("spec"), help="the spec folder (default: spec)")
    parser.add_argument("--out", type=Path, default=Path("generated"), help="the output folder (default: generated)")
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("generate", help="regenerate every vendor package from the spec")
    gen.add_argument("--check", action="store_true", help="regenerate into a scratch folder and fail when --out is stale")
    gen.set_defaults(run=cmd_generate)
    commands.add_parser("lint", help="lint the spec").set_defaults(run=cmd_lint)
    commands.add_parser("examples", help="check the documented examples against the generated schemas").set_defaults(run=cmd_examples)
    validate_cli.add_parser(commands)
    mock = commands.add_parser("mock", help="serve an offline stand-in for a vendor's gateway, built from --out/VENDOR/openapi.json")
    mock.add_argument("--vendor", required=True, help="the vendor id, e.g. ai360")
    mock.add_argument("--port", type=int, default=8000, help="the port (default 8000; 0 picks a free one)")
    mock.add_argument("--host", default="127.0.0.1", help="the address to bind (default 127.0.0.1)")
    mock.add_argument("--api-key", help="accept only this key (default: any non-empty key)")
    mock.add_argument("--verbose", action="store_true", help="log every request")
    mock.set_defaults(run=cmd_mock)
    compare = commands.add_parser("diff", help="changes between two vendor roots (files or REV:path), breaking or not")
    compare.add_argument("old", nargs="?", help="the old vendor root: a file or REV:path (path from the git top)")
    compare.add_argument("new", nargs="?", help="the new vendor root: a file or REV:path")
    compare.add_argument("--since", metavar="REV", help="instead: every vendor root of --spec against itself at REV")
    compare.set_defaults(run=diff.run)
    commands.add_parser("matrix", help="print the vendor matrix (generated/VENDORS.md)").set_defaults(run=matrix.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except LintFailed as exc:
        print(f"lint failed:\n{exc}", file=sys.stderr)
    except (SpecError, ToolError) as exc:
        print(f"error: {exc}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
