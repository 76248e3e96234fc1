"""The README's Python snippets run as written, against the mock gateways on 127.0.0.1.

Each ```python block is executed on its own. What a snippet takes as given is set up here:
`raw_bytes` (智信's documented response body), both vendors' API keys, and their base URL
variables pointing at the mock gateways; any other address goes to a dead proxy.
"""

from __future__ import annotations

import json

import pytest

from responses_bindings.commands.mock import MockServer, VendorMock

from conftest import GENERATED, VENDORS, bundled_document, readme_python_blocks

KEY = "sk-readme"


def documented_response_bytes(vendor: str) -> bytes:
    operation = bundled_document(vendor)["paths"]["/v1/responses"]["post"]
    value = operation["responses"]["200"]["content"]["application/json"]["examples"]["documented"]["value"]
    return json.dumps(value, ensure_ascii=False).encode()


@pytest.fixture(scope="module")
def gateways():
    servers = [MockServer(VendorMock.from_generated(GENERATED, vendor, api_key=KEY)) for vendor in VENDORS]
    for server in servers:
        server.__enter__()
    yield dict(zip(VENDORS, servers, strict=True))
    for server in servers:
        server.__exit__(None, None, None)


def test_the_readme_has_python_snippets():
    assert len(readme_python_blocks()) >= 3


@pytest.mark.parametrize(("line", "source"), readme_python_blocks(), ids=[f"README.md:{line}" for line, _ in readme_python_blocks()])
def test_a_readme_snippet_runs(line, source, gateways, monkeypatch, tmp_path):
    for vendor, server in gateways.items():
        monkeypatch.setenv(f"{vendor.upper()}_API_KEY", KEY)
        monkeypatch.setenv(f"{vendor.upper()}_BASE_URL", server.url)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # nothing leaves the machine
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    monkeypatch.chdir(tmp_path)
    before = {vendor: len(server.requests) for vendor, server in gateways.items()}
    exec(compile(source, f"README.md:{line}", "exec"), {"raw_bytes": documented_response_bytes("zhixin")})
    if "Client(" in source:
        assert any(len(server.requests) > before[vendor] for vendor, server in gateways.items()), "no call reached a mock"
