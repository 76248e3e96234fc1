"""Stage "version": the package version is the API version plus a hash of the package's contents."""

from __future__ import annotations

import importlib
import re

from responses_bindings.pipeline.load import VendorRoot
from responses_bindings.pipeline.version import stamp_version

from conftest import GENERATED, VENDORS, bundled_document

PYPROJECT = '[project]\nname = "acme-responses"\nversion = "1.2.3"\n'


def project(tmp_path, body: str = "VALUE = 1\n"):
    out = tmp_path / "acme"
    (out / "acme_responses").mkdir(parents=True, exist_ok=True)
    (out / "acme_responses" / "__init__.py").write_text(body, "utf-8")
    (out / "pyproject.toml").write_text(PYPROJECT, "utf-8")
    return out


def stamp(out) -> str:
    return stamp_version(out, VendorRoot("acme", out / "acme.yaml", {}), {"info": {"version": "1.2.3"}})


def test_same_contents_same_version_other_contents_other_version(tmp_path):
    first = stamp(project(tmp_path / "a"))
    assert re.fullmatch(r"1\.2\.3\+h[0-9a-f]{12}", first)
    assert stamp(project(tmp_path / "b")) == first
    assert stamp(project(tmp_path / "c", "VALUE = 2\n")) != first


def test_stamping_is_idempotent_and_writes_both_places(tmp_path):
    out = project(tmp_path)
    version = stamp(out)
    assert stamp(out) == version  # the version's own carriers are not hashed
    assert f'version = "{version}"' in (out / "pyproject.toml").read_text("utf-8")
    assert f'__version__ = "{version}"' in (out / "acme_responses" / "_version.py").read_text("utf-8")


def test_generated_packages_carry_their_api_version_and_hash():
    for vendor in VENDORS:
        package = importlib.import_module(f"{vendor}_responses")
        api = bundled_document(vendor)["info"]["version"]
        assert package.__version__.startswith(f"{api}+h")
        assert f'version = "{package.__version__}"' in (GENERATED / vendor / "pyproject.toml").read_text("utf-8")
