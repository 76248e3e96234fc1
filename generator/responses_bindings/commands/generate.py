"""`responses-bindings generate [--check]`: regenerate every vendor package, or check that --out is fresh."""

from __future__ import annotations

import argparse

from ..pipeline.generate import generate


def run(args: argparse.Namespace) -> int:
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


def add_parser(commands) -> None:
    parser = commands.add_parser("generate", help="regenerate every vendor package from the spec")
    parser.add_argument("--check", action="store_true", help="regenerate into a scratch folder and fail when --out is stale")
    parser.set_defaults(run=run)
