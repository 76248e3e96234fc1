"""`responses-bindings lint`: every lint problem of every vendor root, by file and JSON pointer."""

from __future__ import annotations

import argparse

from ..pipeline.bundle import bundle
from ..pipeline.lint import lint
from ..pipeline.load import discover_vendors


def run(args: argparse.Namespace) -> int:
    failures = 0
    for root in discover_vendors(args.spec):
        errors = lint(bundle(root))
        failures += len(errors)
        for error in errors:
            print(f"{root.vendor_id}: {error}")
        print(f"{root.vendor_id}: {len(errors)} problem(s)")
    return 1 if failures else 0


def add_parser(commands) -> None:
    commands.add_parser("lint", help="lint the spec").set_defaults(run=run)
