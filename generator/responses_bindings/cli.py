"""The `responses-bindings` command line: global options, then one subcommand from commands/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .commands import diff, examples, generate, lint, matrix, mock, record, validate
from .errors import LintFailed, SpecError, ToolError, UsageError

COMMANDS = (generate, lint, examples, validate, mock, record, diff, matrix)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="responses-bindings", description=__doc__)
    parser.add_argument("--spec", type=Path, default=Path("spec"), help="the spec folder (default: spec)")
    parser.add_argument("--out", type=Path, default=Path("generated"), help="the output folder (default: generated)")
    commands = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except LintFailed as exc:
        print(f"lint failed:\n{exc}", file=sys.stderr)
    except (SpecError, ToolError, UsageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
