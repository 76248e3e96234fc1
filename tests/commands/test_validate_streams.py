"""Recorded event streams (`text/event-stream` bodies): each event against its schema, and the
rules of a stream as a whole, each problem placed on its event's index and line."""

from __future__ import annotations

import gzip
import json

import pytest
from recorded import assert_no_traceback, line_of, output, run_cli, sse, stream_events


def check(tmp_path, body: bytes, vendor: str = "ai360", name: str = "rec.sse", *args: str) -> tuple[int, list[dict], str]:
    """(exit code, problems of the JSON report, text report) of validating `body` saved as `name`."""
    path = tmp_path / name
    path.write_bytes(body)
    report = run_cli("--vendor", vendor, "--format", "json", *args, str(path))
    assert_no_traceback(report)
    text = run_cli("--vendor", vendor, *args, str(path))
    assert text.returncode == report.returncode
    return report.returncode, json.loads(report.stdout)["problems"], output(text)


def rules(problems: list[dict]) -> list[tuple]:
    return [(p["rule"], p["event_index"], p["pointer"]) for p in problems]


def test_a_valid_stream_passes_in_every_wire_style(vendor, tmp_path):
    events = stream_events(vendor)
    styles = {
        "plain.sse": sse(events),
        "crlf.sse": sse(events, newline="\r\n"),
        "data-only.sse": sse(events, named=False, extra="data: [DONE]\n\n"),
        "pings.sse": b": ping\n\nretry: 3000\n\nid: 7\n\nevent: keepalive\n\ndata:\n\n" + sse(events),
        "captured-body.txt": sse(events),  # no .sse suffix: sniffed as an event stream
    }
    for name, body in styles.items():
        (tmp_path / name).write_bytes(body)
    (tmp_path / "zipped.sse.gz").write_bytes(gzip.compress(sse(events)))
    result = run_cli("--vendor", vendor, *(str(tmp_path / name) for name in [*styles, "zipped.sse.gz"]))
    assert result.returncode == 0, output(result)
    assert "6 file(s), 6 payload(s): 6 valid, 0 invalid, 0 problem(s)" in output(result)
    assert f"kinds: stream 1 ({len(events)} events)" in output(result)


def test_a_stream_on_stdin_is_sniffed(tmp_path):
    body = sse(stream_events("zhixin"))
    assert run_cli("--vendor", "zhixin", "-", stdin=body).returncode == 0
    broken = body.replace(b'"sequence_number": 3,', b'"sequence_number": "3",', 1)
    result = run_cli("--vendor", "zhixin", "-", stdin=broken)
    line = line_of(broken, b'"sequence_number": "3"')
    assert result.returncode == 1 and f"<stdin>:{line}:" in output(result)


def test_each_event_is_checked_against_its_schema_at_its_line_and_column(tmp_path):
    events = stream_events("ai360")
    events[4]["delta"] = 7
    body = sse(events)
    code, problems, text = check(tmp_path, body)
    assert code == 1
    line = line_of(body, b'"delta": 7')
    column = body.splitlines()[line - 1].index(b'"delta": 7') + len(b'"delta": ') + 1
    problem = problems[0]
    assert (problem["rule"], problem["event_index"], problem["event"], problem["pointer"]) == (
        "schema-type", 4, "response.output_text.delta", "/delta")
    assert (problem["line"], problem["column"]) == (line, column)
    assert f"rec.sse:{line}:{column}: [stream, event 4 response.output_text.delta] /delta: expected string, found integer 7" in text


def test_event_name_must_equal_the_data_type(tmp_path):
    body = sse(stream_events("ai360")).replace(b"event: response.in_progress", b"event: response.created", 1)
    code, problems, _ = check(tmp_path, body)
    assert code == 1 and rules(problems) == [("stream-event-name", 1, "/type")]
    assert problems[0]["line"] == line_of(body, b'"type": "response.in_progress"')


def test_sequence_numbers_must_increase(tmp_path):
    events = stream_events("ai360")
    events[6]["sequence_number"] = 5
    code, problems, _ = check(tmp_path, sse(events))
    assert code == 1 and rules(problems) == [("stream-sequence", 6, "/sequence_number")]
    assert problems[0]["message"] == "expected more than 5 (the previous event's), found 5"


def test_exactly_one_terminal_event(tmp_path):
    events = stream_events("ai360")
    code, problems, _ = check(tmp_path, sse(events[:-1]))
    assert code == 1 and rules(problems) == [("stream-terminal", None, None)]
    assert "found the end of the stream" in problems[0]["message"]
    twice = events + [dict(events[-1], sequence_number=len(events))]
    code, problems, _ = check(tmp_path, sse(twice), name="twice.sse")
    assert code == 1
    assert rules(problems) == [("stream-after-terminal", len(events), None), ("stream-terminal", len(events), "/type")]


def test_an_error_event_ends_a_stream(tmp_path):
    events = stream_events("ai360")[:3]
    events.append({"type": "error", "sequence_number": 3, "code": "server_error", "message": "overloaded", "param": None})
    code, problems, _ = check(tmp_path, sse(events))
    assert (code, problems) == (0, [])
    after = events + [dict(events[2], sequence_number=4)]
    code, problems, _ = check(tmp_path, sse(after), name="after.sse")
    assert code == 1 and rules(problems) == [("stream-after-terminal", 4, None)]


def test_done_sentinel_after_the_terminal_event_only(tmp_path):
    events = stream_events("ai360")
    code, problems, _ = check(tmp_path, sse(events, extra="data: [DONE]\n\n"))
    assert (code, problems) == (0, [])
    early = sse(events[:3], extra="data: [DONE]\n\n") + sse(events[3:])
    code, problems, _ = check(tmp_path, early, name="early.sse")
    assert code == 1 and problems[0]["rule"] == "stream-after-terminal" and problems[0]["event_index"] == 4


def test_deltas_must_concatenate_to_the_final_text(vendor, tmp_path):
    events = stream_events(vendor)
    delta = next(e for e in events if e["type"].endswith("_text.delta"))
    delta["delta"] = delta["delta"] + "!"
    code, problems, _ = check(tmp_path, sse(events), vendor)
    assert code == 1
    assert {p["rule"] for p in problems} == {"stream-deltas"}
    places = {(p["event"], p["pointer"]) for p in problems}
    family = "output_text" if delta["type"] == "response.output_text.delta" else "reasoning_summary_text"
    assert (f"response.{family}.done", "/text") in places
    assert any(event == "response.completed" and pointer.startswith("/response/output/") for event, pointer in places)
    assert all("differing from character" in p["message"] for p in problems)


def test_function_call_arguments_deltas(tmp_path):
    events = stream_events("ai360")
    index = next(i for i, e in enumerate(events) if e["type"] == "response.output_text.done")
    call = {"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "f", "arguments": '{"a": 1}', "status": "completed"}
    output_index = len(events[-1]["response"]["output"])
    extra = [
        {"type": "response.function_call_arguments.delta", "item_id": "fc_1", "output_index": output_index, "delta": '{"a": '},
        {"type": "response.function_call_arguments.delta", "item_id": "fc_1", "output_index": output_index, "delta": "2}"},
        {"type": "response.function_call_arguments.done", "item_id": "fc_1", "output_index": output_index, "arguments": '{"a": 1}'},
    ]
    events[index + 1:index + 1] = extra
    for number, event in enumerate(events):
        event["sequence_number"] = number
    events[-1]["response"]["output"].append(call)
    code, problems, _ = check(tmp_path, sse(events))
    assert code == 1
    assert {(p["rule"], p["event"], p["pointer"]) for p in problems} == {
        ("stream-deltas", "response.function_call_arguments.done", "/arguments"),
        ("stream-deltas", "response.completed", f"/response/output/{output_index}/arguments"),
    }


def test_an_unterminated_last_event_and_bad_data(tmp_path):
    events = stream_events("ai360")
    body = sse(events).rstrip(b"\n")
    code, problems, _ = check(tmp_path, body)
    assert code == 1 and rules(problems) == [("stream-unterminated", len(events) - 1, None)]
    garbage = sse(events[:2]) + b"data: {not json\n\n" + sse(events[2:])
    code, problems, _ = check(tmp_path, garbage, name="garbage.sse")
    assert code == 1 and problems[0]["rule"] == "input-not-json" and problems[0]["event_index"] == 2
    assert problems[0]["line"] == line_of(garbage, b"{not json")


def test_empty_and_oversized_streams(tmp_path):
    code, problems, _ = check(tmp_path, b": only a comment\n\n")
    assert code == 1 and problems[0]["rule"] == "input-empty"
    events = stream_events("ai360")
    code, problems, _ = check(tmp_path, sse(events), "ai360", "big.sse", "--max-bytes", "500")
    assert code == 1 and {p["rule"] for p in problems} == {"input-too-large", "stream-terminal"}  # too large to see its type


@pytest.mark.parametrize("max_errors", [1, 3])
def test_stream_problems_are_capped_and_counted(tmp_path, max_errors):
    events = stream_events("ai360")
    for event in events:
        event["sequence_number"] = 0
    path = tmp_path / "flat.sse"
    path.write_bytes(sse(events))
    report = json.loads(run_cli("--vendor", "ai360", "--format", "json", "--max-errors", str(max_errors), str(path)).stdout)
    assert len(report["problems"]) == max_errors
    assert report["summary"]["problems"] == len(events) - 1
