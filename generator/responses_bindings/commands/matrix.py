"""`responses-bindings matrix`: print the vendor matrix (the text of generated/VENDORS.md), or the
rows where vendors differ, or the whole matrix as JSON data (for dashboards and other languages)."""

from __future__ import annotations

import argparse
import json

from ..pipeline.vendor_matrix import matrix_data, render


def run(args: argparse.Namespace) -> int:
    if args.format == "json":
        print(json.dumps(matrix_data(args.spec, args.differences_only), ensure_ascii=False, indent=2))
    else:
        print(render(args.spec, args.differences_only), end="")
    return 0


def add_parser(commands) -> None:
    parser = commands.add_parser("matrix", help="print the vendor matrix (generated/VENDORS.md), or as JSON",
                                 description=__doc__)
    parser.add_argument("--differences-only", action="store_true", help="only the fields where vendors differ")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown", help="output format (default: markdown)")
    parser.set_defaults(run=run)
