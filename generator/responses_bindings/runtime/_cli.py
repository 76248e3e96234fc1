"""`validate`: check recorded payloads and event streams against this vendor's schemas, for CI.

Runs as `python -m <package> validate ...` with only the vendor package installed;
`responses-bindings validate --vendor V ...` loads the package and runs this same code.

Exit codes: 0 every payload is valid, 1 at least one is invalid (including input that is not
a JSON payload at all: empty, binary, not JSON or not UTF-8, nested too deeply, too large,
corrupt gzip), 2 usage or I/O errors (unknown vendor, missing or unreadable file or
directory), 3 an internal error of the validator (a bug; one line on stderr).
"""

from __future__ import annotations

import argparse
import os
import sys
import zlib
from types import ModuleType

from . import _cli_inputs as inputs
from ._cli_progress import ProgressBar, wanted
from ._cli_report import FORMATS, FileTally, Problem, Report, Result, shown_name
from ._issues import ALLOWABLE

EXIT_VALID, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
KIND_CHOICES = ("auto", "request", "response", "error", "event")
GZIP_ERRORS = (EOFError, zlib.error, inputs.gzip.BadGzipFile)


def _classes(text: str) -> tuple[str, ...]:
    """`--allow unknown-field,bad-value`: the deviation classes, each checked."""
    classes = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [c for c in classes if c not in ALLOWABLE]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown class {', '.join(unknown)}; expected {', '.join(ALLOWABLE)}")
    return classes


def add_arguments(parser: argparse.ArgumentParser, *, vendor_required: bool) -> None:
    """The options of `validate`, the same wherever it runs."""
    parser.add_argument("--vendor", required=vendor_required,
                        help="vendor id, e.g. ai360 or zhixin" + ("" if vendor_required else " (this package's; optional)"))
    parser.add_argument("--kind", choices=KIND_CHOICES, default="auto",
                        help="payload kind (default: auto, from what tells kinds apart); recorded streams are always events")
    parser.add_argument("--strict", action="store_true", help="also report properties the schema does not declare")
    parser.add_argument("--allow", type=_classes, default=(), metavar="CLASS[,CLASS]",
                        help="deviation classes reported as warnings that leave a payload valid: " + ", ".join(ALLOWABLE))
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--max-errors", type=int, default=20, metavar="N",
                        help="problems shown per payload or stream (default: 20); all are counted")
    parser.add_argument("--max-bytes", type=int, default=inputs.DEFAULT_MAX_BYTES, metavar="N",
                        help=f"largest payload, line or event accepted (default: {inputs.DEFAULT_MAX_BYTES:,})")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="a .json/.jsonl/.ndjson/.sse file (or .gz of one), a directory, or - for stdin")


def usage_problem(args: argparse.Namespace, package: ModuleType) -> str | None:
    if args.max_errors < 1 or args.max_bytes < 1:
        return "--max-errors and --max-bytes must be positive"
    if args.vendor not in (None, package.VENDOR_ID):
        return f"--vendor {args.vendor!r}: this is the {package.VENDOR_ID} package ({package.__name__})"
    if args.kind != "auto" and args.kind not in package.KINDS:
        return f"--kind {args.kind!r}: {package.__name__} knows {', '.join(package.KINDS)}"
    return None


def run(args: argparse.Namespace, package: ModuleType | None = None, prog: str = "validate") -> int:
    """Validate `args.paths`; the exit code. Never raises: a crash is exit 3 with one line."""
    package = package or _this_package()
    reconfigure = getattr(sys.stdout, "reconfigure", None)  # a TextIOWrapper's; a replaced stdout may lack it
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
    try:
        return _run(args, package, prog)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place a bug becomes a one-line message
        print(f"{prog}: internal error (a bug, please report it): {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_INTERNAL


def _run(args: argparse.Namespace, package: ModuleType, prog: str) -> int:
    from ._cli_check import Checker  # needs the package's decoder; the options above need only the stdlib

    problem = usage_problem(args, package)
    if problem:
        print(f"{prog}: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    version = getattr(package, "__version__", "")
    report = Report(args.format, package.VENDOR_ID, args.kind, args.strict, tool=prog)
    sources, errors = inputs.expand(args.paths, shown_name)
    for message in errors:
        report.io_error(message)
    checker = Checker(package, args.kind, args.strict, args.max_errors, args.max_bytes, args.allow)
    meter = inputs.Meter()
    total = inputs.total_bytes(sources)
    bar = ProgressBar(total) if total is not None and wanted(total) else None
    report.before_output = bar.clear if bar else None
    try:
        for source in sources:
            _check_source(source, checker, report, meter, bar, args.max_bytes)
    finally:
        if bar:
            bar.clear()
        report.before_output = None
    report.finish(version)
    if report.io_errors:
        return EXIT_USAGE
    return EXIT_INVALID if any(t.invalid for t in report.files) else EXIT_VALID


def _check_source(source: str, checker, report: Report, meter: inputs.Meter, bar, limit: int) -> None:
    name = "<stdin>" if source == inputs.STDIN else shown_name(source)
    tally = FileTally(name)
    try:
        for item in inputs.items(source, name, sys.stdin.buffer, limit, meter):
            results = [checker.stream(item)] if isinstance(item, inputs.RecordedStream) else checker.payload(item)
            for result in results:
                _count(tally, result)
                report.result(result)
            if bar:
                bar.update(meter.done)
    except GZIP_ERRORS as exc:
        broken = Result(name, problems=[Problem("input-compression", f"corrupt or truncated gzip data: {exc}")], total=1)
        _count(tally, broken)
        report.result(broken)
    except OSError as exc:
        report.io_error(f"{name}: cannot read: {exc.strerror or exc}")
        return
    if tally.payloads == 0:
        empty = Result(name, problems=[Problem("input-empty", "empty: no payloads")], total=1)
        _count(tally, empty)
        report.result(empty)
    report.file_done(tally)


def _count(tally: FileTally, result: Result) -> None:
    tally.payloads += 1
    tally.invalid += not result.valid
    if result.kind:
        tally.kinds[result.kind] += 1
    if result.events:
        tally.events += result.events
    if result.reason:
        tally.reasons[f"{result.kind}: {result.reason}"] += 1


def build_parser(package: ModuleType) -> argparse.ArgumentParser:
    """`python -m <package>`: the package's own command line."""
    prog = f"python -m {package.__name__}"
    parser = argparse.ArgumentParser(prog=prog, description=f"Tools of {package.__name__} ({package.VENDOR_ID}).")
    parser.add_argument("--version", action="version",
                        version=f"{package.__name__} {getattr(package, '__version__', '')}".rstrip())
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="validate recorded payloads and event streams", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(validate, vendor_required=False)
    return parser


def _this_package() -> ModuleType:
    """The vendor package this module ships in."""
    if not __package__:
        raise ImportError(f"{__name__} runs inside a vendor package: python -m <package> validate")
    return sys.modules[__package__]


def main(argv: list[str] | None = None, package: ModuleType | None = None) -> int:
    package = package or _this_package()
    args = build_parser(package).parse_args(argv)
    return run(args, package, prog=f"python -m {package.__name__} validate")
