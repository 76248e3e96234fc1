"""`responses-bindings validate`: exit codes, every bad-input class, formats, stdin, streaming."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from responses_bindings.common.document import documented_examples

from conftest import GENERATED, REPO, VENDORS, bundled_document

EXAMPLES = {
    (e.vendor_id, e.kind): e.value for vendor in VENDORS for e in documented_examples(vendor, bundled_document(vendor))
}


def run_cli(*args: str, stdin: bytes = b"", env: dict | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "responses_bindings", "--out", str(GENERATED), "validate", *args]
    return subprocess.run(command, input=stdin, capture_output=True, cwd=REPO, timeout=300,
                          env={**os.environ, "CI": "1", **(env or {})})


def text(result: subprocess.CompletedProcess) -> str:
    return result.stdout.decode() + result.stderr.decode()


def no_traceback(result: subprocess.CompletedProcess) -> None:
    assert b"Traceback" not in result.stderr + result.stdout


def bad_response(vendor: str) -> dict:
    payload = json.loads(json.dumps(EXAMPLES[(vendor, "response")]))
    payload["usage"]["output_tokens"] = "lots"
    return payload


@pytest.fixture
def recordings(tmp_path, vendor):
    """A folder of valid recordings: one .json per documented example and a .jsonl of both."""
    folder = tmp_path / "recordings"
    folder.mkdir()
    request, response = EXAMPLES[(vendor, "request")], EXAMPLES[(vendor, "response")]
    (folder / "request.json").write_text(json.dumps(request, indent=2, ensure_ascii=False), "utf-8")
    (folder / "response.json").write_text(json.dumps(response, indent=2, ensure_ascii=False), "utf-8")
    lines = [json.dumps(response, ensure_ascii=False), "", json.dumps(request, ensure_ascii=False)]
    (folder / "nested").mkdir()
    (folder / "nested" / "traffic.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (folder / "notes.txt").write_text("not a payload; directories are walked for .json/.jsonl only", "utf-8")
    return folder


def test_exit_0_when_every_payload_is_valid(vendor, recordings):
    result = run_cli("--vendor", vendor, str(recordings))
    assert result.returncode == 0, text(result)
    assert "4 payload(s): 4 valid, 0 invalid" in text(result)
    assert 'auto: response: object is "response"' in text(result)  # says which kind auto chose, and why


def test_exit_1_names_file_line_pointer_expected_and_found(vendor, recordings, tmp_path):
    jsonl = tmp_path / "bad.jsonl"
    jsonl.write_text(json.dumps(EXAMPLES[(vendor, "request")]) + "\n" + json.dumps(bad_response(vendor)) + "\n", "utf-8")
    result = run_cli("--vendor", vendor, str(recordings), str(jsonl))
    assert result.returncode == 1, text(result)
    assert f'{jsonl}:2: [response, auto: object is "response"] /usage/output_tokens: expected integer, found string "lots"' in text(result)


def test_explicit_kind_overrides_auto(vendor, recordings):
    result = run_cli("--vendor", vendor, "--kind", "error", str(recordings / "request.json"))
    assert result.returncode == 1
    assert "[error] /" in text(result) and "kinds: error 1" in text(result)


@pytest.mark.parametrize(
    ("usage", "needle"),
    [(["--vendor", "nope"], "unknown vendor 'nope'"), (["--vendor", "../x"], "expected a vendor id"),
     (["--vendor", "{v}", "--kind", "bogus"], "invalid choice"), (["--vendor", "{v}", "--max-errors", "0"], "must be positive"),
     (["--kind", "request"], "--vendor")],
)
def test_exit_2_for_usage_errors(vendor, recordings, usage, needle):
    result = run_cli(*[arg.format(v=vendor) for arg in usage], str(recordings))
    assert result.returncode == 2 and needle in text(result), text(result)
    no_traceback(result)


def test_exit_2_for_io_errors_even_when_other_files_are_valid(vendor, recordings, tmp_path):
    empty_dir = tmp_path / "nothing-here"
    empty_dir.mkdir()
    result = run_cli("--vendor", vendor, str(recordings / "request.json"), str(tmp_path / "missing.json"), str(empty_dir))
    assert result.returncode == 2, text(result)
    assert "missing.json: no such file or directory" in text(result)
    assert "no .json or .jsonl files" in text(result)
    assert "1 payload(s): 1 valid" in text(result)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable files")
def test_exit_2_for_an_unreadable_file(vendor, recordings):
    target = recordings / "request.json"
    target.chmod(0)
    result = run_cli("--vendor", vendor, str(target))
    assert result.returncode == 2 and "cannot read" in text(result)


BAD_INPUTS = {
    "not-json": (b'{"model": ', "not JSON"),
    "empty": (b"", "empty: expected a JSON payload"),
    "whitespace": (b"  \n\t\n", "empty: expected a JSON payload"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    "not-utf8": (b'{"model": "\xff\xfe"}', "not UTF-8"),
    "deeply-nested": (b'{"input": ' + b"[" * 5000 + b"]" * 5000 + b"}", "nested too deeply"),
    "nan": (b'{"temperature": NaN}', "not JSON"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gets_one_line_and_exit_1(vendor, tmp_path, name):
    content, needle = BAD_INPUTS[name]
    path = tmp_path / f"{name}.json"
    path.write_bytes(content)
    result = run_cli("--vendor", vendor, str(path))
    assert result.returncode == 1, text(result)
    no_traceback(result)
    problem_lines = [line for line in result.stdout.decode().splitlines() if needle in line]
    assert len(problem_lines) == 1 and problem_lines[0].startswith(f"{path}: "), text(result)


def test_very_large_payloads_and_lines_are_refused_without_reading_them_whole(vendor, tmp_path):
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"model": "m", "input": "x" * 5000}), "utf-8")
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text(json.dumps({"model": "m", "input": "y" * 5000}) + "\n" + json.dumps(EXAMPLES[(vendor, "request")]) + "\n", "utf-8")
    result = run_cli("--vendor", vendor, "--max-bytes", "1000", str(big), str(jsonl))
    assert result.returncode == 1, text(result)
    out = text(result)
    assert f"{big}: too large: more than 1,000 bytes" in out and f"{jsonl}:1: too large" in out
    assert f"{jsonl}: 2 payload(s), 1 valid, 1 invalid" in out  # the line after the huge one is still checked


def test_bad_lines_do_not_stop_a_jsonl_file(vendor, tmp_path):
    lines = [b"garbage", b"\x00\x01", json.dumps(EXAMPLES[(vendor, "response")]).encode(), b"[" * 2000 + b"]" * 2000]
    path = tmp_path / "t.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = run_cli("--vendor", vendor, str(path))
    assert result.returncode == 1
    out = result.stdout.decode()
    assert f"{path}:1: not JSON" in out and f"{path}:2: binary data" in out and f"{path}:4: nested too deeply" in out
    assert "4 payload(s), 1 valid, 3 invalid" in out


def test_an_empty_jsonl_file_is_invalid(vendor, tmp_path):
    path = tmp_path / "none.jsonl"
    path.write_bytes(b"\n\n")
    result = run_cli("--vendor", vendor, str(path))
    assert result.returncode == 1 and "empty: no payloads" in text(result)


def test_stdin_single_document_and_json_lines(vendor):
    pretty = json.dumps(EXAMPLES[(vendor, "response")], indent=2).encode()
    assert run_cli("--vendor", vendor, "-", stdin=pretty).returncode == 0
    lines = b"\n".join(json.dumps(v).encode() for v in (EXAMPLES[(vendor, "request")], bad_response(vendor))) + b"\n"
    result = run_cli("--vendor", vendor, "-", stdin=lines)
    assert result.returncode == 1 and "<stdin>:2: [response" in text(result)
    assert run_cli("--vendor", vendor, "-", stdin=b"").returncode == 1


def test_strict_reports_unknown_fields(vendor, tmp_path):
    payload = dict(EXAMPLES[(vendor, "response")], x_vendor_extra=1)
    path = tmp_path / "r.json"
    path.write_text(json.dumps(payload), "utf-8")
    assert run_cli("--vendor", vendor, str(path)).returncode == 0
    result = run_cli("--vendor", vendor, "--strict", str(path))
    assert result.returncode == 1 and "/x_vendor_extra: expected only the properties the schema declares" in text(result)


def test_errors_per_payload_are_capped(vendor, tmp_path):
    payload = {"model": "m", "input": [{"type": "function_call", "call_id": i, "name": i, "arguments": i} for i in range(30)]}
    path = tmp_path / "many.json"
    path.write_text(json.dumps(payload), "utf-8")
    result = run_cli("--vendor", vendor, "--kind", "request", "--max-errors", "5", str(path))
    lines = result.stdout.decode().splitlines()
    assert sum("/input/" in line for line in lines) == 5
    assert "... and 85 more problem(s)" in text(result)


def test_json_format_is_one_machine_readable_report(vendor, tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps(bad_response(vendor)) + "\nnope\n", "utf-8")
    result = run_cli("--vendor", vendor, "--format", "json", str(path))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["summary"] == {"files": 1, "payloads": 2, "valid": 0, "invalid": 2, "problems": 2, "io_errors": 0}
    first, second = report["problems"]
    assert (first["line"], first["kind"], first["pointer"], first["expected"], first["found"]) == (
        1, "response", "/usage/output_tokens", "integer", 'string "lots"')
    assert first["kind_reason"] == 'object is "response"'
    assert second["line"] == 2 and second["message"].startswith("not JSON")


def test_github_format_prints_workflow_annotations(vendor, tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text("\n" + json.dumps(bad_response(vendor)) + "\n", "utf-8")
    result = run_cli("--vendor", vendor, "--format", "github", str(path))
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert lines[0] == (f"::error file={path},line=2,title=response /usage/output_tokens::"
                        '/usage/output_tokens: expected integer, found string "lots"')
    assert lines[-1].startswith("::notice title=responses-bindings validate::")


def test_streams_a_large_jsonl_with_flat_memory(vendor, tmp_path):
    """Peak memory on a ~40 MB file stays near that on a ~1 MB file: lines are not accumulated."""
    line = (json.dumps(EXAMPLES[(vendor, "response")], ensure_ascii=False) + "\n").encode()
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    small.write_bytes(line * (1_000_000 // len(line)))
    large.write_bytes(line * (40_000_000 // len(line)))
    peaks = []
    for path in (small, large):
        probe = (
            "import resource, sys; from responses_bindings.cli import main; "
            f"code = main(['--out', {str(GENERATED)!r}, 'validate', '--vendor', {vendor!r}, {str(path)!r}]); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(code)"
        )
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True, cwd=REPO, timeout=600)
        assert result.returncode == 0, text(result)
        peaks.append(int(result.stdout.decode().splitlines()[-1]))
    assert peaks[1] - peaks[0] < 20_000, peaks  # KiB: well under the 39 MB the larger file adds
