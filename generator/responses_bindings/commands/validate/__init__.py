"""`responses-bindings validate`: check recorded payloads against a vendor's schemas, for CI.

Exit codes: 0 every payload is valid, 1 at least one is invalid (including input that is not
a JSON payload at all: empty, binary, not JSON, nested too deeply, too large), 2 usage or I/O
errors (unknown vendor, missing or unreadable path).
"""

from __future__ import annotations

import argparse
import os
import sys

from ...errors import UsageError
from . import progress, readers
from .check import check_payload
from .report import FileTally, Report
from .vendor import load_vendor

KIND_CHOICES = ("auto", "request", "response", "error", "event")


def run(args: argparse.Namespace) -> int:
    """The `validate` command; returns the exit code (2 also when stdout is closed early)."""
    try:
        return _run(args)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 2


def _run(args: argparse.Namespace) -> int:
    report = Report(args.format, args.vendor, args.kind, args.strict)
    try:
        if args.max_errors < 1 or args.max_bytes < 1:
            raise UsageError("--max-errors and --max-bytes must be positive")
        package = load_vendor(args.vendor, args.out)
    except UsageError as exc:
        print(f"responses-bindings validate: error: {exc}", file=sys.stderr)
        return 2
    sources, errors = readers.expand(args.paths)
    for message in errors:
        report.io_error(message)
    meter = readers.Meter()
    total = readers.total_bytes(sources)
    bar = report.bar = progress.ProgressBar(total) if progress.wanted(total) else None
    stdin = sys.stdin.buffer
    try:
        for source in sources:
            name = "<stdin>" if source == readers.STDIN else source
            tally = FileTally(name)
            try:
                for payload in readers.payloads(source, stdin, args.max_bytes, meter):
                    check_payload(payload, package, args, tally, report)
                    if bar:
                        bar.update(meter.done)
            except OSError as exc:
                report.io_error(f"{name}: cannot read: {exc.strerror or exc}")
                continue
            if tally.payloads == 0:
                check_payload(readers.Payload(name, None, problem="empty: no payloads"), package, args, tally, report)
            report.file_done(tally)
    finally:
        if bar:
            bar.clear()
        report.bar = None
    report.finish()
    if report.io_errors:
        return 2
    return 1 if any(t.invalid for t in report.files) else 0


def add_parser(commands) -> None:
    """Register `validate` on the CLI's subcommands."""
    parser = commands.add_parser(
        "validate", help="validate recorded payloads (.json, .jsonl, directories, - for stdin)", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--vendor", required=True, help="vendor id, e.g. ai360 or zhixin")
    parser.add_argument("--kind", choices=KIND_CHOICES, default="auto", help="payload kind (default: auto, told apart by shape)")
    parser.add_argument("--strict", action="store_true", help="also report properties the schema does not declare")
    parser.add_argument("--format", choices=("text", "json", "github"), default="text", help="output format (default: text)")
    parser.add_argument("--max-errors", type=int, default=20, metavar="N", help="problems shown per payload (default: 20)")
    parser.add_argument("--max-bytes", type=int, default=readers.DEFAULT_MAX_BYTES, metavar="N",
                        help=f"largest payload or JSONL line accepted (default: {readers.DEFAULT_MAX_BYTES:,})")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a .json/.jsonl file, a directory, or - for stdin")
    parser.set_defaults(run=run)
