"""`responses-bindings diff`: what changed between two specs, classified by rule, level and direction.

`diff OLD NEW` compares two vendor roots: files, or `REV:path` for a root as committed in git
(the path from the repository's top, as `git show` takes it; the root's folder is materialised
from that revision, since roots reference shared component files). `diff --since REV` compares
every vendor root of `--spec` with itself at REV and says which vendors each change reaches.
Both sides are bundled and read as a client sees them: the fields of each payload kind by
pointer (flatten.py), stream events by their `type`, the operation, the security schemes and
the servers. Every change gets a rule (`diff --rules` lists them) with a level, `error` (breaks
code written against OLD), `warning` or `info`, and a direction (sent, received or both).

Exit codes: 0 nothing at or above `--fail-on` (default error), 1 something is, 2 bad
arguments, an unreadable spec or a git error.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from ...errors import SpecError, UsageError
from ...pipeline.bundle import bundle
from ...pipeline.load import VendorRoot, discover_vendors, read_root
from .compare import Change, compare
from .git import checked_out, git, materialised
from .ignore import apply_ignores, read_ignores
from .impact import merge
from .locate import Locator
from .report import FORMATS, DiffReport, render
from .rules import LEVELS, rules_table


def diff_roots(old_root: VendorRoot, new_root: VendorRoot) -> list[Change]:
    """The changes from one vendor root to another, each with the file and line that define it (NEW side)."""
    old, new = bundle(old_root), bundle(new_root)
    changes = compare(old, new)
    top = new_root.path.resolve().parent.parent
    locator = Locator(top)
    return [replace(change, line=locator.line(change, new.root_file), file=_from_here(top, change.file))
            for change in changes]


def _from_here(top: Path, file: str) -> str:
    """A spec file's path from the current folder when it is inside it (as annotations need), else from `top`."""
    relative = os.path.relpath(top / file)
    return file if relative.startswith("..") else Path(relative).as_posix()


def diff(old_spec: str, new_spec: str, repo: Path | None = None) -> list[Change]:
    """The changes from vendor root `old_spec` to `new_spec` (files or `REV:path`)."""
    with materialised(old_spec, repo) as old_root, materialised(new_spec, repo) as new_root:
        return diff_roots(old_root, new_root)


def diff_since(spec_dir: Path, rev: str) -> tuple[dict[str, list[Change]], list[str]]:
    """Every vendor root of `spec_dir` (in the working tree) against the same root at `rev`:
    the changes per vendor, and notes (vendors new since `rev`). The spec folder is taken from
    git once for all vendors."""
    repo = spec_dir.resolve()
    top = Path(git(["rev-parse", "--show-toplevel"], repo, rev).decode().strip())
    git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], repo, rev)
    folder = repo.relative_to(top).as_posix()
    per_vendor, notes = {}, []
    with checked_out(rev, folder, repo, f"{rev}:{folder}") as scratch:
        for root in discover_vendors(spec_dir):
            old_path = scratch / root.path.resolve().relative_to(top)
            if not old_path.is_file():
                notes.append(f"{root.path}: not in {rev} (a new vendor)")
                continue
            per_vendor[root.vendor_id] = diff_roots(read_root(old_path), root)
    return per_vendor, notes


def build_report(args: argparse.Namespace) -> DiffReport:
    if args.since is not None and args.old is None and args.new is None:
        per_vendor, notes = diff_since(args.spec, args.since)
        title = f"{args.spec} at {args.since} → {args.spec} ({', '.join(per_vendor) or 'no vendors in both'})"
    elif args.since is None and args.old is not None and args.new is not None:
        per_vendor, notes = {Path(args.new.rpartition(":")[2]).stem: diff(args.old, args.new)}, []
        title = f"{args.old} → {args.new}"
    else:
        raise UsageError("give OLD and NEW, or --since REV alone")
    ignores = read_ignores(args.ignore) if args.ignore else []
    changes = merge(per_vendor)
    unused = apply_ignores(changes, ignores)
    return DiffReport(title, list(per_vendor), changes, args.fail_on, args.all_places, notes, unused)


def run(args: argparse.Namespace) -> int:
    """The `diff` subcommand: 0 nothing at or above --fail-on, 1 something is, 2 bad arguments or spec."""
    if args.rules:
        print(rules_table(args.format if args.format in ("markdown", "json") else "text"))
        return 0
    try:
        report = build_report(args)
    except (UsageError, SpecError) as exc:
        print(f"responses-bindings diff: error: {exc}", file=sys.stderr)
        return 2
    print(render(report, args.format))
    return 1 if report.failing() else 0


def add_parser(commands) -> None:
    """Register `diff` on the CLI's subcommands."""
    parser = commands.add_parser("diff", help="changes between two specs by rule, level and direction (files, REV:path, --since)",
                                 description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old", nargs="?", help="the old vendor root: a file or REV:path (path from the git top)")
    parser.add_argument("new", nargs="?", help="the new vendor root: a file or REV:path")
    parser.add_argument("--since", metavar="REV", help="instead: every vendor root of --spec against itself at REV")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument("--fail-on", choices=LEVELS, default="error",
                        help="exit 1 when a change at this level or above is found (default: error)")
    parser.add_argument("--ignore", type=Path, metavar="FILE", help="a YAML list of accepted changes: rule, where, reason")
    parser.add_argument("--all-places", action="store_true", help="list every place a shared-component change reaches")
    parser.add_argument("--rules", action="store_true", help="print every rule (id, level, direction) and exit")
    parser.set_defaults(run=run)
