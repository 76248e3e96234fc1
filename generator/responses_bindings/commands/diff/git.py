"""Read OLD and NEW: a vendor root file, or `REV:path` materialised from git into a temp dir."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from ...errors import UsageError
from ...pipeline.load import VendorRoot, read_root


@contextmanager
def checked_out(rev: str, folder: str, repo: Path, spec: str) -> Iterator[Path]:
    """A temp dir holding `folder` (a path from the git top of `repo`) as it is at `rev`."""
    top = git(["rev-parse", "--show-toplevel"], repo, spec).decode().strip()
    tar = git(["archive", "--format=tar", rev, "--", folder], Path(top), spec)
    with tempfile.TemporaryDirectory(prefix="responses-bindings-diff-") as scratch:
        with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
            archive.extractall(scratch, filter="data")
        yield Path(scratch)


@contextmanager
def materialised(spec: str, repo: Path | None = None) -> Iterator[VendorRoot]:
    """The vendor root named by `spec`: a file, or `REV:path` extracted from git (the
    repository holding `repo`, default the current folder) into a temp dir."""
    if Path(spec).is_file():
        yield read_root(Path(spec))
        return
    rev, colon, inner = spec.partition(":")
    if not (colon and rev and inner):
        raise UsageError(f"{spec}: no such file (and not REV:path)")
    with checked_out(rev, PurePosixPath(inner).parent.as_posix(), repo or Path.cwd(), spec) as scratch:
        root = scratch / inner
        if not root.is_file():
            raise UsageError(f"{spec}: {inner} does not exist at {rev}")
        yield read_root(root)


def git(args: list[str], cwd: Path, spec: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise UsageError(f"{spec}: cannot run git: {exc.strerror}") from None
    if done.returncode:
        raise UsageError(f"{spec}: git {args[0]} failed: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout
