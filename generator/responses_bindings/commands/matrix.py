"""`responses-bindings matrix`: print the vendor matrix (the text of generated/VENDORS.md)."""

from __future__ import annotations

import argparse

from ..pipeline.vendor_matrix import render


def run(args: argparse.Namespace) -> int:
    print(render(args.spec), end="")
    return 0


def add_parser(commands) -> None:
    commands.add_parser("matrix", help="print the vendor matrix (generated/VENDORS.md)").set_defaults(run=run)
