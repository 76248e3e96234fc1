"""Stage "version": each package's version says which API it binds and which exact contents it has.

`<info.version>+h<12 hex digits>`: the vendor's API version, then (as a PEP 440 local version
label) the start of a SHA-256 over every file of the project but those that carry the version.
Any change of what the package holds, a spec change or a generator change, gives a new
version; the same contents always give the same one. Runs after "format", before "manifest".
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .load import VendorRoot
from .manifest import MANIFEST_NAME, files_below

VERSION_MODULE = "_version.py"
PYPROJECT = "pyproject.toml"
_PROJECT_VERSION = re.compile(r'^version = "[^"]*"$', re.MULTILINE)


def content_hash(out: Path, package_name: str) -> str:
    """SHA-256 over the project's files (path and bytes), leaving out the version's own carriers."""
    skipped = {Path(PYPROJECT), Path(MANIFEST_NAME), Path(package_name) / VERSION_MODULE}
    digest = hashlib.sha256()
    for relative in files_below(out):
        if relative not in skipped:
            digest.update(relative.as_posix().encode() + b"\0" + (out / relative).read_bytes() + b"\0")
    return digest.hexdigest()


def package_version(api_version: str, digest: str) -> str:
    return f"{api_version}+h{digest[:12]}"


def stamp_version(out: Path, root: VendorRoot, document: dict) -> str:
    """Write `<package>/_version.py` and the version in pyproject.toml; return the version."""
    api_version = str(document["info"]["version"])
    version = package_version(api_version, content_hash(out, root.package_name))
    (out / root.package_name / VERSION_MODULE).write_text(
        f'"""This package\'s version: the API version it binds, + a hash of its contents (responses-bindings)."""\n\n'
        f'__version__ = "{version}"\nAPI_VERSION = "{api_version}"\n',
        encoding="utf-8",
    )
    pyproject = out / PYPROJECT
    text, count = _PROJECT_VERSION.subn(f'version = "{version}"', pyproject.read_text("utf-8"), count=1)
    if count != 1:
        raise ValueError(f"{pyproject}: no `version = ...` line to stamp")
    pyproject.write_text(text, encoding="utf-8")
    return version
