"""The `responses-bindings` subcommands, one module or subpackage each.

Each exposes `add_parser(subparsers)`, which registers the command and sets `run`.
Commands use `pipeline/` and `common/`, never another command's internals.
"""
