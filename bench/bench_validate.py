"""Validator benchmark: validate() and parse() per payload, next to orjson.loads and pure-Python jsonschema.

For both vendors' request and response payloads (the documented examples, and larger realistic
payloads built here) it prints per-payload µs, all measured in this run on the same bytes:
- `orjson`: `orjson.loads(data)`, the floor (just parsing the JSON);
- `validate`: `<vendor>_responses.validate(data, kind)` (goal ≤ 3x the floor);
- `parse`: `<vendor>_responses.parse(data, kind)` (goal ≤ 5x the floor);
- `jsonschema`: the pure-Python Draft 2020-12 validator on `orjson.loads(data)` (the tests' oracle);
- `from_json`: `pydantic_core.from_json(data)`, pydantic's own JSON reader, the other path parse()
  could take (it reads text through orjson: faster, and most on CJK text, the "large CJK" row);
- `read`, `schema`, `models`: parse()'s three stages each alone (the strict JSON read, the JSON
  Schema check and the pydantic build of an already decoded value). They show where the time goes
  and which goal no ordering of the stages can meet; run together on fresh values they cost a
  little more than their sum.
Then the CLI on a ~100 MB JSONL file: throughput and peak memory next to those on a ~5 MB file.
"""

from __future__ import annotations

import copy
import functools
import json
import logging
import subprocess
import sys
import tempfile
import timeit
from pathlib import Path

import jsonschema
import orjson
import pydantic_core

REPO = Path(__file__).resolve().parent.parent
GENERATED = REPO / "generated"
VENDORS = ("ai360", "zhixin")
GOALS = {"validate": 3.0, "parse": 5.0}
REPEATS = 7
BIG_JSONL_BYTES = 100_000_000

sys.path.insert(0, str(REPO / "generator"))
from responses_bindings.common.document import documented_examples  # noqa: E402


def per_call_us(calls: dict) -> dict[str, float]:
    """Best-of-REPEATS µs per call of each callable, timed in alternation so load hits all alike."""
    numbers = {name: max(1, timeit.Timer(call).autorange()[0] // 4) for name, call in calls.items()}
    best = dict.fromkeys(calls, float("inf"))
    for _ in range(REPEATS):
        for name, call in calls.items():
            seconds = timeit.timeit(call, number=numbers[name])
            best[name] = min(best[name], seconds / numbers[name] * 1e6)
    return best


def large_response(example: dict) -> dict:
    """A long agentic turn: reasoning, tool calls, cited answers; ~20-40 KB."""
    response = copy.deepcopy(example)
    message = copy.deepcopy(example["output"][-1])
    text = message["content"][0]
    items = []
    for i in range(12):
        items.append({"type": "reasoning", "id": f"rs_{i}", "summary": [{"type": "summary_text", "text": "Plan step " * 20}]})
        items.append({"type": "function_call", "id": f"fc_{i}", "call_id": f"call_{i}", "name": "lookup_weather",
                      "arguments": json.dumps({"city": "Beijing", "day": i, "units": "metric"}), "status": "completed"})
        cited = dict(copy.deepcopy(message), id=f"msg_{i}")
        cited["content"] = [dict(copy.deepcopy(text), annotations=[
            {"type": "url_citation", "url": f"https://example.com/{j}", "title": f"Source {j}", "start_index": j, "end_index": j + 5}
            for j in range(4)
        ])]
        items.append(cited)
    response["output"] = items + response["output"]
    return response


def large_request(example: dict) -> dict:
    """A long conversation with tools; ~15-30 KB."""
    request = copy.deepcopy(example)
    history = []
    for i in range(40):
        history.append({"role": "user", "content": [{"type": "input_text", "text": f"Question {i}: " + "details " * 30}]})
        history.append({"type": "function_call", "call_id": f"call_{i}", "name": "search", "arguments": '{"q": "x"}'})
        history.append({"type": "function_call_output", "call_id": f"call_{i}", "output": "result " * 20})
    request["input"] = history
    request["tools"] = [
        {"type": "function", "name": f"tool_{i}", "description": "Does a thing.", "strict": True,
         "parameters": {"type": "object", "properties": {"q": {"type": "string"}}, "required": ["q"], "additionalProperties": False}}
        for i in range(8)
    ]
    return request


CJK_TEXT = "根据中国气象局的数据，北京今天晴转多云，最高气温二十五度，最低气温十四度，空气质量良好。"


def chinese(value: object) -> object:
    """`value` with every `text` written in Chinese: the bulk of a Qwen answer is CJK text."""
    if isinstance(value, dict):
        return {key: CJK_TEXT * 4 if key == "text" and isinstance(item, str) else chinese(item) for key, item in value.items()}
    if isinstance(value, list):
        return [chinese(item) for item in value]
    return value


def payloads(vendor: str) -> list[tuple[str, str, bytes]]:
    document = json.loads((GENERATED / vendor / "openapi.json").read_text("utf-8"))
    examples = {e.kind: e.value for e in documented_examples(vendor, document) if e.kind in ("request", "response")}
    found = [(kind, "documented", value) for kind, value in sorted(examples.items())]
    found += [("request", "large", large_request(examples["request"])), ("response", "large", large_response(examples["response"])),
              ("response", "large CJK", chinese(large_response(examples["response"])))]
    return [(kind, name, json.dumps(value, ensure_ascii=False).encode()) for kind, name, value in found]


def contenders(package, kind: str, data: bytes) -> dict:
    oracle = jsonschema.Draft202012Validator(package.schema(kind))
    value = orjson.loads(data)
    schema_check, models = package._schemas.validator(kind).is_valid, package.kind_adapter(kind).validate_python
    return {
        "orjson": lambda: orjson.loads(data),
        # the three stages of parse(), each alone: the strict JSON read, the JSON Schema check, the models' build
        "read": lambda: package._json.decode(data),
        "schema": lambda: schema_check(value),
        "models": lambda: models(value, strict=True),
        "validate": lambda: package.validate(data, kind),
        "parse": lambda: package.parse(data, kind),
        "jsonschema": lambda: oracle.is_valid(orjson.loads(data)),
        "from_json": lambda: pydantic_core.from_json(data),
    }


def bench_payloads() -> list[str]:
    rows, misses = [], []
    header = f"{'vendor':7} {'kind':8} {'payload':10} {'bytes':>7} {'orjson':>8} {'from_json':>9} {'read':>7} {'schema':>7} " \
             f"{'models':>7} {'validate':>9} {'parse':>9} {'jsonschema':>11} {'val/orj':>8} {'parse/orj':>9} {'mod/orj':>8} {'js/val':>7}"
    for vendor in VENDORS:
        sys.path.insert(0, str(GENERATED / vendor))
        package = __import__(f"{vendor}_responses")
        for kind, name, data in payloads(vendor):
            assert package.validate(data, kind) == [], (vendor, kind, name, package.validate(data, kind))
            package.parse(data, kind)
            timings = per_call_us(contenders(package, kind, data))
            floor, validate, parse, reference, read, schema, models = (
                timings[k] for k in ("orjson", "validate", "parse", "jsonschema", "read", "schema", "models"))
            ratios = {"validate": validate / floor, "parse": parse / floor}
            alone = {"validate": f"read {read / floor:.1f}x + schema {schema / floor:.1f}x",
                     "parse": f"read {read / floor:.1f}x + schema {schema / floor:.1f}x + models {models / floor:.1f}x"}
            misses += [f"{vendor} {kind} {name}: {what} {ratio:.1f}x > {GOALS[what]}x ({alone[what]}, each alone)"
                       for what, ratio in ratios.items() if ratio > GOALS[what]]
            rows.append(f"{vendor:7} {kind:8} {name:10} {len(data):>7} {floor:>8.1f} {timings['from_json']:>9.1f} {read:>7.1f} "
                        f"{schema:>7.1f} {models:>7.1f} {validate:>9.1f} {parse:>9.1f} {reference:>11.1f} {ratios['validate']:>7.1f}x "
                        f"{ratios['parse']:>8.1f}x {models / floor:>7.1f}x {reference / validate:>6.0f}x")
    print("validate()/parse() per payload, µs (best of 7), ratios against orjson.loads on the same bytes;")
    print("read, schema, models: parse()'s stages alone (strict JSON read, JSON Schema check, pydantic build of the")
    print("decoded value); validate() = read + schema, parse() = read + schema + models")
    print(header)
    print("\n".join(rows))
    return misses


def cli_run(path: Path, vendor: str) -> tuple[float, int]:
    """(seconds, peak RSS KiB) of `responses-bindings validate` on one file, in a fresh process."""
    probe = (
        "import resource, sys, time; from responses_bindings.cli import main; t = time.perf_counter(); "
        f"code = main(['--out', {str(GENERATED)!r}, 'validate', '--vendor', {vendor!r}, '--kind', 'auto', {str(path)!r}]); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    seconds, peak = result.stderr.split()[-2:]
    return float(seconds), int(peak)


def bench_streaming() -> None:
    vendor = VENDORS[0]
    found = payloads(vendor)
    lines = b"".join(data + b"\n" for _, _, data in found)
    print("\nCLI streaming, auto kind, mixed requests/responses (documented, large, large CJK)")
    print(f"{'file':>10} {'lines':>8} {'seconds':>8} {'MB/s':>7} {'payloads/s':>11} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as scratch:
        for size in (5_000_000, BIG_JSONL_BYTES):
            path = Path(scratch) / f"traffic-{size}.jsonl"
            copies = size // len(lines)
            with open(path, "wb") as out:
                for _ in range(copies):
                    out.write(lines)
            count = copies * len(found)
            seconds, peak = cli_run(path, vendor)
            mb = path.stat().st_size / 1e6
            print(f"{mb:>8.0f}MB {count:>8} {seconds:>8.2f} {mb / seconds:>7.1f} {count / seconds:>11.0f} {peak / 1024:>12.1f}")
            path.unlink()


POLICIES = ("strict", "spec", "warn", "off")
FIRST_PARSE_GOAL_SECONDS = 0.25


def drifted(response: dict) -> dict:
    """The response as a drifting gateway sends it: a new status value and a new output item type."""
    changed = copy.deepcopy(response)
    changed["status"] = "requires_action"
    changed["output"] = [{"type": "vendor_memory_call", "id": "mem_1", "note": "new"}, *changed["output"]]
    return changed


def bench_policies() -> None:
    """parse() µs per response and per stream event under each `validation=` policy (strict and
    spec raise on a drifted payload, so they are timed on the fitting one only)."""
    print("\nparse() per payload by validation policy, µs (best of 7); drifted = new status + new item type")
    print(f"{'vendor':7} {'payload':22} {'bytes':>6} " + " ".join(f"{policy:>8}" for policy in POLICIES))
    for vendor in VENDORS:
        package = __import__(f"{vendor}_responses")
        logging.getLogger(package.__name__).setLevel(logging.ERROR)  # "warn" logs each drifted payload
        document = json.loads((GENERATED / vendor / "openapi.json").read_text("utf-8"))
        response = next(e.value for e in documented_examples(vendor, document) if e.kind == "response")
        delta = {"type": "response.output_text.delta", "item_id": "msg_1", "output_index": 0, "content_index": 0,
                 "delta": "你好", "sequence_number": 3, "logprobs": []}
        cases = [("response", "documented response", response, POLICIES),
                 ("response", "drifted response", drifted(response), ("warn", "off")),
                 ("event", "output_text.delta event", delta, POLICIES)]
        for kind, name, value, policies in cases:
            data = json.dumps(value, ensure_ascii=False).encode()
            calls = {p: functools.partial(package.parse, data, kind, validation=p) for p in policies}
            timings = per_call_us(calls)
            cells = " ".join(f"{timings[p]:>8.1f}" if p in timings else f"{'raises':>8}" for p in POLICIES)
            print(f"{vendor:7} {name:22} {len(data):>6} {cells}")


def fresh_seconds(code: str, vendor: str, stdin: bytes = b"") -> float:
    """Seconds `code` takes in a fresh interpreter with the vendor's package on the path (it prints them; best of 3)."""
    probe = f"import sys, time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
    env = {"PYTHONPATH": str(GENERATED / vendor), "PATH": "/usr/bin:/bin"}
    runs = [subprocess.run([sys.executable, "-c", probe], input=stdin, capture_output=True, env=env, check=True) for _ in range(3)]
    return min(float(run.stdout) for run in runs)


def first_parse_seconds(vendor: str) -> float:
    """A fresh process's import + Client(...) + first parse() of the documented response, in seconds (best of 3)."""
    document = json.loads((GENERATED / vendor / "openapi.json").read_text("utf-8"))
    response = next(e.value for e in documented_examples(vendor, document) if e.kind == "response")
    code = f"import {vendor}_responses as p; p.Client(api_key='sk-bench'); p.parse(sys.stdin.buffer.read())"
    return fresh_seconds(code, vendor, json.dumps(response).encode())


def main() -> int:
    misses = bench_payloads()
    bench_policies()
    print("\nfresh process, seconds (best of 3): import + Client(...) + first parse(); the packages it needs, imported alone")
    for vendor in VENDORS:
        seconds = first_parse_seconds(vendor)
        dependencies = fresh_seconds("import httpx, jsonschema_rs, orjson, pydantic", vendor)
        print(f"{vendor:7} {seconds:.3f}   httpx + jsonschema_rs + orjson + pydantic alone: {dependencies:.3f}")
        if seconds > FIRST_PARSE_GOAL_SECONDS:
            misses.append(f"{vendor} import to first parse: {seconds:.2f} s > {FIRST_PARSE_GOAL_SECONDS} s")
    bench_streaming()
    print("\ngoals: validate ≤ 3x orjson, parse ≤ 5x orjson, import to first parse ≤ 0.25 s: "
          + ("all met" if not misses else "MISSED:"))
    for miss in misses:
        print(f"  {miss}")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
