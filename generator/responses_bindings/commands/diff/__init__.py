"""`responses-bindings diff OLD NEW`: what changed between two vendor specs, and does it break clients.

OLD and NEW are vendor root files, or `REV:path` for a root as committed in git (the path
from the repository's top, as `git show` takes it; the root's folder is materialised from
that revision, since roots reference shared component files). Both are bundled and read
as a client sees them: the fields of each payload kind by pointer (flatten.py), the
operations and the security schemes.

A change is breaking when code written against OLD can fail against NEW. The client
*receives* responses, errors and events, so there widening breaks: a field removed or
renamed, a type changed or widened, a field made nullable or optional, an enum value or a
union variant added (the generated models treat every enum and union as closed). The
client *sends* requests, so there narrowing breaks: a field removed, a field made required
(or added as required), a type, enum or union narrowed, `null` no longer accepted. An
operation removed or changed (operationId, body, status codes, media types, the model a
payload is named after) and any change of the security schemes a client must satisfy
break too. Everything else is reported as not breaking.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ...errors import UsageError
from ...pipeline.bundle import bundle
from ...pipeline.load import discover_vendors
from .compare import Change, compare
from .git import git, materialised
from .report import report


def diff(old_spec: str, new_spec: str, repo: Path | None = None) -> tuple[list[Change], str]:
    """Compare two vendor roots (files or `REV:path`); the changes and their report."""
    with materialised(old_spec, repo) as old_root, materialised(new_spec, repo) as new_root:
        changes = compare(bundle(old_root), bundle(new_root))
    return changes, report(changes, f"{old_spec} → {new_spec}")


def diff_since(spec_dir: Path, rev: str) -> tuple[list[Change], str]:
    """Every vendor root of `spec_dir` (in the working tree) against the same root at `rev`."""
    repo = spec_dir.resolve()
    top = Path(git(["rev-parse", "--show-toplevel"], repo, rev).decode().strip())
    git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], repo, rev)
    changes, reports = [], []
    for root in discover_vendors(spec_dir):
        inner = root.path.resolve().relative_to(top).as_posix()
        if subprocess.run(["git", "cat-file", "-e", f"{rev}:{inner}"], check=False, cwd=top, capture_output=True).returncode:
            reports.append(f"{root.path}: not in {rev} (a new vendor)")
            continue
        found, text = diff(f"{rev}:{inner}", str(root.path), repo)
        changes += found
        reports.append(text)
    return changes, "\n\n".join(reports)


def run(args) -> int:
    """The `diff` subcommand: 0 nothing breaks, 1 something breaks, 2 bad arguments."""
    try:
        if args.since is not None and args.old is None and args.new is None:
            changes, text = diff_since(args.spec, args.since)
        elif args.since is None and args.old is not None and args.new is not None:
            changes, text = diff(args.old, args.new)
        else:
            raise UsageError("give OLD and NEW, or --since REV alone")
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(text)
    return 1 if any(change.breaking for change in changes) else 0


def add_parser(commands) -> None:
    """Register `diff` on the CLI's subcommands."""
    parser = commands.add_parser("diff", help="changes between two vendor roots (files or REV:path), breaking or not")
    parser.add_argument("old", nargs="?", help="the old vendor root: a file or REV:path (path from the git top)")
    parser.add_argument("new", nargs="?", help="the new vendor root: a file or REV:path")
    parser.add_argument("--since", metavar="REV", help="instead: every vendor root of --spec against itself at REV")
    parser.set_defaults(run=run)
