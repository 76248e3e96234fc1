"""Helpers for the validate tests: the documented examples, recorded streams built from them,
and ways to run the validator (the generator's command, or the package's own `python -m`)."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys

from responses_bindings.commands.mock.events import synthesize_events
from responses_bindings.common.document import documented_examples

from conftest import GENERATED, REPO, VENDORS, bundled_document

EXAMPLES = {
    (e.vendor_id, e.kind): e.value for vendor in VENDORS for e in documented_examples(vendor, bundled_document(vendor))
}


def example(vendor: str, kind: str) -> dict:
    """A fresh copy of a vendor's documented example of `kind`."""
    return copy.deepcopy(EXAMPLES[(vendor, kind)])


def run_cli(*args: str, stdin: bytes = b"", env: dict | None = None, cwd=REPO) -> subprocess.CompletedProcess:
    """`responses-bindings --out generated/ validate ARGS` in a fresh process (CI=1: no progress bar)."""
    command = [sys.executable, "-m", "responses_bindings", "--out", str(GENERATED), "validate", *args]
    return subprocess.run(command, input=stdin, capture_output=True, cwd=cwd, timeout=300,
                          env={**os.environ, "CI": "1", **(env or {})})


def run_package(vendor: str, *args: str, stdin: bytes = b"", cwd=REPO) -> subprocess.CompletedProcess:
    """`python -m <vendor>_responses ARGS`, the package found on PYTHONPATH only (not the generator)."""
    env = {**os.environ, "CI": "1", "PYTHONPATH": str(GENERATED / vendor)}
    command = [sys.executable, "-m", f"{vendor}_responses", *args]
    return subprocess.run(command, input=stdin, capture_output=True, cwd=cwd, timeout=300, env=env)


def output(result: subprocess.CompletedProcess) -> str:
    return result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace")


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert b"Traceback" not in result.stderr + result.stdout, output(result)


def bad_response(vendor: str) -> dict:
    payload = example(vendor, "response")
    payload["usage"]["output_tokens"] = "lots"
    return payload


def stream_events(vendor: str) -> list[dict]:
    """The events a gateway streams while producing the vendor's documented response."""
    return synthesize_events(example(vendor, "response"))


def sse(events: list[dict], *, named: bool = True, newline: str = "\n", extra: str = "") -> bytes:
    """Events as a text/event-stream body: `event:` lines (unless not `named`), `data:` lines, blank lines."""
    blocks = []
    for event in events:
        lines = [f"event: {event['type']}"] if named else []
        lines.append(f"data: {json.dumps(event, ensure_ascii=False)}")
        blocks.append(newline.join(lines) + newline + newline)
    return ("".join(blocks) + extra).encode()


def line_of(body: bytes, needle: bytes) -> int:
    """The 1-based line number of the first line containing `needle`."""
    return body[: body.index(needle)].count(b"\n") + 1
