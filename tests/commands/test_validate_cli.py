"""`responses-bindings validate`: exit codes, kinds, inputs, every bad-input class, robustness, caps."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pytest
from recorded import assert_no_traceback, bad_response, example, output, run_cli

from conftest import GENERATED, REPO


@pytest.fixture
def recordings(tmp_path, vendor):
    """A folder of valid recordings: .json per documented example, .jsonl, .ndjson and .jsonl.gz of both."""
    folder = tmp_path / "recordings"
    (folder / "nested").mkdir(parents=True)
    request, response = example(vendor, "request"), example(vendor, "response")
    (folder / "request.json").write_text(json.dumps(request, indent=2, ensure_ascii=False), "utf-8")
    (folder / "response.json").write_text(json.dumps(response, indent=2, ensure_ascii=False), "utf-8")
    lines = "\n".join([json.dumps(response, ensure_ascii=False), "", json.dumps(request, ensure_ascii=False)]) + "\n"
    (folder / "nested" / "traffic.jsonl").write_text(lines, "utf-8")
    (folder / "nested" / "traffic.ndjson").write_text(lines, "utf-8")
    (folder / "nested" / "traffic.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    (folder / "notes.txt").write_text("not a payload; directories are walked for payload suffixes only", "utf-8")
    return folder


def test_exit_0_when_every_payload_is_valid(vendor, recordings):
    result = run_cli("--vendor", vendor, str(recordings))
    assert result.returncode == 0, output(result)
    assert "5 file(s), 8 payload(s): 8 valid, 0 invalid, 0 problem(s)" in output(result)
    assert 'auto: response: has "object", "completed_at" and ' in output(result)  # which kind auto chose, and why
    assert "notes.txt" not in output(result)


def test_global_options_after_the_subcommand(vendor, recordings):
    command = [sys.executable, "-m", "responses_bindings", "validate", "--vendor", vendor, "--out", str(GENERATED),
               str(recordings / "request.json")]
    result = subprocess.run(command, capture_output=True, cwd=recordings, timeout=300)
    assert result.returncode == 0, output(result)


# -- --kind auto: decided by what tells kinds apart ------------------------------------------

def test_auto_reports_a_broken_response_as_an_invalid_response(tmp_path):
    """The documented zhixin response with "object": "respnse" and text: 7 fits the (open) request
    schema; it is still a response, and an invalid one."""
    payload = example("zhixin", "response")
    payload["object"], payload["text"] = "respnse", 7
    path = tmp_path / "r.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False), "utf-8")
    result = run_cli("--vendor", "zhixin", str(path))
    assert result.returncode == 1, output(result)
    text = output(result)
    line = json.dumps(payload, indent=2, ensure_ascii=False).splitlines().index('  "object": "respnse",') + 1
    assert f'{path}:{line}:13: [response, auto: has "object", "completed_at" and ' in text
    assert '/object: expected "response", found "respnse"' in text and "/text: expected one of" in text


def test_auto_reports_a_response_missing_only_object(vendor, tmp_path):
    payload = example(vendor, "response")
    del payload["object"]
    path = tmp_path / "r.json"
    path.write_text(json.dumps(payload), "utf-8")
    result = run_cli("--vendor", vendor, str(path))
    assert result.returncode == 1, output(result)
    assert '[response, auto: has "completed_at", "created_at" and' in output(result)
    assert 'expected required property "object", found no such property' in output(result)


@pytest.mark.parametrize(
    ("payload", "kind", "reason"),
    [
        ({"error": {"message": "bad key", "type": "invalid_request_error", "code": None, "param": None}}, "error", "fits error"),
        ({"type": "response.output_text.delta", "sequence_number": 3}, "event", 'has "type", "sequence_number"'),
        ({"model": "m"}, "request", "fits request"),
        ([1, 2], "request", "fits no kind; closest: request"),
        ({"hello": "world"}, None, "fits no kind; closest: "),
    ],
)
def test_auto_kind_by_distinguishing_fields_or_fit(tmp_path, payload, kind, reason):
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps(payload) + "\n", "utf-8")
    result = run_cli("--vendor", "ai360", "--format", "json", str(path))
    report = json.loads(result.stdout)
    kinds = report["files"][0]["kinds"]
    assert kind is None or kinds == {kind: 1}, report
    reasons = {p["kind_reason"] for p in report["problems"]}
    assert not reasons or any(reason in r for r in reasons), reasons
    assert result.returncode == (1 if reason.startswith("fits no kind") or kind == "event" else 0)


def test_explicit_kind_overrides_auto(vendor, recordings):
    result = run_cli("--vendor", vendor, "--kind", "error", str(recordings / "request.json"))
    assert result.returncode == 1
    assert "[error] /" in output(result) and "kinds: error 1" in output(result)


# -- exit codes and places -------------------------------------------------------------------

def test_exit_1_names_file_line_column_pointer_expected_and_found(vendor, recordings, tmp_path):
    jsonl = tmp_path / "bad.jsonl"
    bad = json.dumps(bad_response(vendor))
    jsonl.write_text(json.dumps(example(vendor, "request")) + "\n" + bad + "\n", "utf-8")
    result = run_cli("--vendor", vendor, str(recordings), str(jsonl))
    assert result.returncode == 1, output(result)
    column = bad.index('"lots"') + 1
    assert f'{jsonl}:2:{column}: [response, auto: has "object", ' in output(result)
    assert '/usage/output_tokens: expected integer, found string "lots"' in output(result)


@pytest.mark.parametrize(
    ("usage", "needle"),
    [(["--vendor", "nope"], "unknown vendor 'nope'"), (["--vendor", "../x"], "expected a vendor id"),
     (["--vendor", "{v}", "--kind", "bogus"], "invalid choice"), (["--vendor", "{v}", "--max-errors", "0"], "must be positive"),
     (["--vendor", "{v}", "--format", "xml"], "invalid choice"), (["--kind", "request"], "--vendor")],
)
def test_exit_2_for_usage_errors(vendor, recordings, usage, needle):
    result = run_cli(*[arg.format(v=vendor) for arg in usage], str(recordings))
    assert result.returncode == 2 and needle in output(result), output(result)
    assert_no_traceback(result)


def test_exit_2_for_io_errors_even_when_other_files_are_valid(vendor, recordings, tmp_path):
    empty_dir = tmp_path / "nothing-here"
    empty_dir.mkdir()
    result = run_cli("--vendor", vendor, str(recordings / "request.json"), str(tmp_path / "missing.json"), str(empty_dir))
    assert result.returncode == 2, output(result)
    assert "missing.json: no such file or directory" in output(result)
    assert "nothing-here: no .json, .jsonl, .ndjson, .sse files" in output(result)
    assert "1 payload(s): 1 valid" in output(result)


def test_an_unreadable_subdirectory_is_an_io_error_not_a_silent_skip(monkeypatch, tmp_path, capsys):
    """Run in-process with os.scandir refusing one folder (the tests run as root, where chmod 0 does not)."""
    from responses_bindings.cli import main
    from responses_bindings.runtime import _cli_inputs

    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "r.json").write_text(json.dumps(example("ai360", "request")), "utf-8")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(_cli_inputs.os, "scandir", scandir)
    code = main(["--out", str(GENERATED), "validate", "--vendor", "ai360", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 2, captured
    assert f"{tmp_path / 'locked'}: cannot read this directory: Permission denied" in captured.err
    assert "1 payload(s): 1 valid" in captured.out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable files")
def test_exit_2_for_an_unreadable_file(vendor, recordings):
    target = recordings / "request.json"
    target.chmod(0)
    result = run_cli("--vendor", vendor, str(target))
    assert result.returncode == 2 and "cannot read" in output(result)


def test_a_crash_is_exit_3_with_one_line(monkeypatch, tmp_path, capsys):
    """A bug in the validator must not look like an invalid payload (exit 1) nor print a traceback."""
    from responses_bindings.cli import main
    from responses_bindings.commands.validate import vendor as loader

    path = tmp_path / "r.json"
    path.write_text(json.dumps(example("ai360", "request")), "utf-8")
    package = loader.load_vendor("ai360", GENERATED)

    def broken(*args, **kwargs):
        raise TypeError("boom")

    monkeypatch.setattr(package, "validate", broken)
    code = main(["--out", str(GENERATED), "validate", "--vendor", "ai360", "--kind", "request", str(path)])
    err = capsys.readouterr().err
    assert code == 3
    assert err.strip().splitlines() == ["responses-bindings validate: internal error (a bug, please report it): TypeError: boom"]


# -- inputs that are no JSON payload: one line each, exit 1 ---------------------------------

BAD_INPUTS = {
    "not-json": (b'{"model": ', "not JSON"),
    "empty": (b"", "empty: expected a JSON payload"),
    "whitespace": (b"  \n\t\n", "empty: expected a JSON payload"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    "not-utf8": (b'{"model": "\xff\xfe"}', "not UTF-8 text: byte 0xff at line 1, column 12 is not valid UTF-8"),
    "deeply-nested": (b'{"input": ' + b"[" * 5000 + b"]" * 5000 + b"}", "nested too deeply"),
    "nan": (b'{"temperature": NaN}', "not JSON"),
    "empty-array": (b"[]", "empty array: no payloads"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gets_one_line_and_exit_1(tmp_path, name):
    content, needle = BAD_INPUTS[name]
    path = tmp_path / f"{name}.json"
    path.write_bytes(content)
    result = run_cli("--vendor", "ai360", str(path))
    assert result.returncode == 1, output(result)
    assert_no_traceback(result)
    problem_lines = [line for line in result.stdout.decode().splitlines() if needle in line]
    assert len(problem_lines) == 1 and problem_lines[0].startswith(f"{path}:"), output(result)


def test_very_large_payloads_and_lines_are_refused_without_reading_them_whole(vendor, tmp_path):
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"model": "m", "input": "x" * 5000}), "utf-8")
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text(json.dumps({"model": "m", "input": "y" * 5000}) + "\n" + json.dumps(example(vendor, "request")) + "\n", "utf-8")
    result = run_cli("--vendor", vendor, "--max-bytes", "1000", str(big), str(jsonl))
    assert result.returncode == 1, output(result)
    out = output(result)
    assert f"{big}: too large: more than 1,000 bytes" in out and f"{jsonl}:1: too large" in out
    assert f"{jsonl}: 2 payload(s), 1 valid, 1 invalid" in out  # the line after the huge one is still checked


def test_bad_lines_do_not_stop_a_jsonl_file(tmp_path):
    lines = [b"garbage", b"\x00\x01", json.dumps(example("zhixin", "response")).encode(), b"[" * 2000 + b"]" * 2000]
    path = tmp_path / "t.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = run_cli("--vendor", "zhixin", str(path))
    assert result.returncode == 1
    out = result.stdout.decode()
    assert f"{path}:1:1: not JSON" in out and f"{path}:2: binary data" in out and f"{path}:4: nested too deeply" in out
    assert "4 payload(s), 1 valid, 3 invalid" in out


def test_an_empty_jsonl_file_is_invalid(tmp_path):
    path = tmp_path / "none.jsonl"
    path.write_bytes(b"\n\n")
    result = run_cli("--vendor", "ai360", str(path))
    assert result.returncode == 1 and "empty: no payloads" in output(result)


def test_stdin_single_document_json_lines_and_gzip(vendor):
    pretty = json.dumps(example(vendor, "response"), indent=2).encode()
    assert run_cli("--vendor", vendor, "-", stdin=pretty).returncode == 0
    lines = b"\n".join(json.dumps(v).encode() for v in (example(vendor, "request"), bad_response(vendor))) + b"\n"
    result = run_cli("--vendor", vendor, "-", stdin=lines)
    assert result.returncode == 1 and "<stdin>:2:" in output(result)
    zipped = run_cli("--vendor", vendor, "-", stdin=gzip.compress(lines))
    assert zipped.returncode == 1 and "<stdin>:2:" in output(zipped)
    assert run_cli("--vendor", vendor, "-", stdin=b"").returncode == 1


# -- more inputs: arrays, pretty-printed files, gzip ----------------------------------------

def test_a_json_array_file_reports_each_payload_by_index_and_line(tmp_path):
    payloads = [example("ai360", "request"), bad_response("ai360"), example("ai360", "response")]
    text = json.dumps(payloads, indent=2)
    path = tmp_path / "many.json"
    path.write_text(text, "utf-8")
    result = run_cli("--vendor", "ai360", str(path))
    assert result.returncode == 1, output(result)
    lines = text.splitlines()
    line = next(i for i, line in enumerate(lines, 1) if '"output_tokens": "lots"' in line)
    column = lines[line - 1].index('"lots"') + 1
    assert f'{path}:{line}:{column}: [item 1, response, auto: has "object"' in output(result)
    assert f"{path}: 3 payload(s), 2 valid, 1 invalid" in output(result)


def test_a_missing_property_is_placed_on_the_object_that_lacks_it(tmp_path):
    payload = example("ai360", "response")
    del payload["usage"]["output_tokens"]
    text = json.dumps(payload, indent=4)
    path = tmp_path / "r.json"
    path.write_text(text, "utf-8")
    result = run_cli("--vendor", "ai360", "--format", "json", str(path))
    problem, = json.loads(result.stdout)["problems"]
    lines = text.splitlines()
    line = next(i for i, line in enumerate(lines, 1) if line.strip() == '"usage": {')
    assert (problem["pointer"], problem["line"], problem["column"]) == ("/usage", line, len('    "usage": ') + 1)
    assert problem["rule"] == "schema-required"


def test_a_corrupt_gzip_file_is_invalid_input_and_later_files_still_run(tmp_path):
    broken = tmp_path / "a.jsonl.gz"
    zipped = gzip.compress(b"".join(b'{"model": "m%d"}\n' % i for i in range(1000)))
    broken.write_bytes(zipped[: len(zipped) // 2])
    good = tmp_path / "b.json"
    good.write_text(json.dumps(example("ai360", "request")), "utf-8")
    result = run_cli("--vendor", "ai360", str(broken), str(good))
    assert result.returncode == 1, output(result)
    assert f"{broken}: corrupt or truncated gzip data" in output(result)
    assert f"{good}: 1 payload(s), 1 valid" in output(result)
    assert_no_traceback(result)


# -- hostile file names and trees ------------------------------------------------------------

@pytest.fixture
def deep_tree(tmp_path):
    """A folder 1,100 levels deep with one payload at the bottom; removed bottom-up afterwards
    (os.makedirs and shutil.rmtree recurse once per level, too deep for Python)."""
    folders = [tmp_path / "top"]
    for _ in range(1100):
        folders.append(folders[-1] / "d")
    for folder in folders:
        folder.mkdir()
    payload = folders[-1] / "r.json"
    payload.write_text(json.dumps(example("ai360", "request")), "utf-8")
    yield folders[0]
    payload.unlink()
    for folder in reversed(folders):
        folder.rmdir()


def test_a_directory_tree_1100_levels_deep(deep_tree):
    result = run_cli("--vendor", "ai360", str(deep_tree))
    assert_no_traceback(result)
    assert result.returncode == 0, output(result)[-2000:]
    assert "1 payload(s): 1 valid" in output(result)


def test_non_utf8_and_newline_file_names_on_a_strict_stdout(tmp_path):
    folder = os.fsencode(tmp_path)
    odd = os.path.join(folder, b"bad\xff.json")
    forged = os.path.join(folder, b"x.json\nforged.json: 1 payload(s), 1 valid, 0 invalid\ny.json")
    for name in (odd, forged):
        with open(name, "wb") as out:
            out.write(b'{"model": 5}')
    result = run_cli("--vendor", "ai360", str(tmp_path), env={"PYTHONIOENCODING": "utf-8:strict"})
    assert_no_traceback(result)
    assert result.returncode == 1, output(result)
    lines = result.stdout.decode().splitlines()
    assert any(line.startswith(f"{tmp_path}/bad\\xff.json:1:") for line in lines), lines
    assert not any(line.startswith("forged.json") or line.startswith("y.json") for line in lines), lines
    assert sum("forged.json" in line for line in lines) == 2  # its problem and its file summary, each one line


# -- --max-errors counts every problem, shows N --------------------------------------------

def test_max_errors_shows_n_and_counts_all(tmp_path):
    payload = {"model": 1, "temperature": "hot", "top_p": "high"}
    path = tmp_path / "three.json"
    path.write_text(json.dumps(payload), "utf-8")
    text = run_cli("--vendor", "ai360", "--kind", "request", "--max-errors", "1", str(path))
    lines = text.stdout.decode().splitlines()
    assert sum("/model" in line or "/temperature" in line or "/top_p" in line for line in lines) == 1
    assert f"{path}: ... and 2 more problem(s) (--max-errors)" in lines
    assert lines[-1].endswith("0 valid, 1 invalid, 3 problem(s)")
    report = json.loads(run_cli("--vendor", "ai360", "--kind", "request", "--max-errors", "1", "--format", "json", str(path)).stdout)
    assert report["summary"]["problems"] == 3 and report["summary"]["problems_shown"] == 1
    assert report["problems_truncated"] is True
    assert [p["pointer"] for p in report["problems"]] == ["/model"]


def test_errors_per_payload_are_capped(tmp_path):
    payload = {"model": "m", "input": [{"type": "function_call", "call_id": i, "name": i, "arguments": i} for i in range(30)]}
    path = tmp_path / "many.json"
    path.write_text(json.dumps(payload), "utf-8")
    result = run_cli("--vendor", "ai360", "--kind", "request", "--max-errors", "5", str(path))
    lines = result.stdout.decode().splitlines()
    assert sum("/input/" in line for line in lines) == 5
    assert "... and 85 more problem(s)" in output(result)
    assert "90 problem(s)" in lines[-1]


def test_streams_a_large_jsonl_with_flat_memory(tmp_path):
    """Peak memory on a ~40 MB file stays near that on a ~1 MB file: lines are not accumulated."""
    vendor = "zhixin"
    line = (json.dumps(example(vendor, "response"), ensure_ascii=False) + "\n").encode()
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
        assert result.returncode == 0, output(result)
        peaks.append(int(result.stdout.decode().splitlines()[-1]))
    assert peaks[1] - peaks[0] < 20_000, peaks  # KiB: well under the 39 MB the larger file adds


def test_a_payload_too_deep_for_the_validator_does_not_stop_the_run(tmp_path):
    """Nesting within orjson's 1024 levels but beyond the schema engine's: one line each, the rest still checked."""
    lines = ['{"model": "m", "input": ' + "[" * depth + "]" * depth + "}" for depth in (300, 600, 1000)]
    lines.append("[" * 700 + "]" * 700)  # no kind's marks: checked against every kind
    path = tmp_path / "deep.jsonl"
    path.write_text("\n".join([*lines, json.dumps(example("ai360", "request"))]) + "\n", "utf-8")
    result = run_cli("--vendor", "ai360", str(path))
    assert_no_traceback(result)
    assert result.returncode == 1
    assert f"{path}: 5 payload(s), 1 valid, 4 invalid" in output(result)
    report = json.loads(run_cli("--vendor", "ai360", "--format", "json", str(path)).stdout)
    assert sorted({p["line"] for p in report["problems"]}) == [1, 2, 3, 4]
