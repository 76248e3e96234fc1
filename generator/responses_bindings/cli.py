"""The `responses-bindings` command line: global options, then one subcommand from commands/.

Only the subcommand being run is imported, so `validate` and `diff` start fast and work
without the generator's toolchain (`pip install responses-bindings`; the toolchain is the
`generate` extra). `--spec` and `--out` may stand before or after the subcommand.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from . import __version__
from .errors import LintFailed, SpecError, ToolError, UsageError

COMMANDS = ("generate", "lint", "examples", "validate", "mock", "record", "diff", "matrix")
GLOBAL_OPTIONS = {"--spec": ("spec", "the spec folder (default: spec)"), "--out": ("generated", "the output folder (default: generated)")}


def _add_global_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    for option, (default, text) in GLOBAL_OPTIONS.items():
        parser.add_argument(option, type=Path, default=Path(default) if defaults else argparse.SUPPRESS, help=text)


def command_named(argv: list[str]) -> str | None:
    """The subcommand `argv` names (its first positional argument), if it is one."""
    values = iter(argv)
    for arg in values:
        if arg in GLOBAL_OPTIONS:
            next(values, None)
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def build_parser(only: str | None = None) -> tuple[argparse.ArgumentParser, dict[str, str]]:
    """The parser with `only` (or every) subcommand; and the commands that could not be loaded, with why."""
    parser = argparse.ArgumentParser(prog="responses-bindings", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"responses-bindings {__version__}")
    _add_global_options(parser, defaults=True)
    commands = parser.add_subparsers(dest="command", required=True, metavar="{" + ",".join(COMMANDS) + "}")
    missing = {}
    for name in [only] if only else COMMANDS:
        try:
            importlib.import_module(f".commands.{name}", __package__).add_parser(commands)
        except ImportError as exc:
            missing[name] = str(exc)
    for subparser in commands.choices.values():
        _add_global_options(subparser, defaults=False)
    return parser, missing


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    named = command_named(argv)
    parser, missing = build_parser(named)
    if named in missing:
        print(f"responses-bindings {named}: error: needs the generator's toolchain "
              f"(pip install 'responses-bindings[generate]'): {missing[named]}", file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # stdout closed early (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 2
    except LintFailed as exc:
        print(f"lint failed:\n{exc}", file=sys.stderr)
    except (SpecError, ToolError, UsageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
