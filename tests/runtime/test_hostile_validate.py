"""validate() / parse() on hostile input: always issues (or PayloadError), never a bare exception,
a hang or a memory blow-up; cost follows the problems reported, not the problems present."""

from __future__ import annotations

import importlib
import itertools
import json

import pytest
from isolated import run

from conftest import VENDORS, bundled_document, vendor_package

VENDOR = VENDORS[0]  # the runtime is the same code in every package; the costly checks run once
WALK_STRIDE = 3  # the big-payload walk is compared with the reference on every third mutation


def documented(vendor: str, kind: str = "response") -> dict:
    operation = bundled_document(vendor)["paths"]["/v1/responses"]["post"]
    if kind == "request":
        return next(iter(operation["requestBody"]["content"]["application/json"]["examples"].values()))["value"]
    return operation["responses"]["200"]["content"]["application/json"]["examples"]["documented"]["value"]


def nested(depth: int, leaf: object = None) -> object:
    """`depth` arrays inside each other around `leaf`, built without recursion."""
    value = leaf if leaf is not None else []
    for _ in range(depth - (leaf is None)):
        value = [value]
    return value


@pytest.mark.parametrize("depth", [256, 300, 700, 1024])
def test_nesting_up_to_1024_levels_is_checked_like_any_payload(vendor, depth):
    package = vendor_package(vendor)
    raw = b"[" * depth + b"]" * depth
    issues = package.validate(raw)
    assert [(i.pointer, i.expected, i.found) for i in issues] == [("", "object", "array of 1" if depth > 1 else "array of 0")]
    with pytest.raises(package.PayloadError) as raised:
        package.parse(raw)
    assert raised.value.issues == issues
    request = {"model": "m", "input": "hi", "temperature": nested(depth - 1)}
    expected = [("/temperature", "number or null", "array of 1")]
    assert [(i.pointer, i.expected, i.found) for i in package.validate(request, "request")] == expected
    text = '{"model": "m", "input": "hi", "temperature": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"
    assert [(i.pointer, i.expected, i.found) for i in package.validate(text, "request")] == expected


def test_deep_but_valid_payloads_parse(vendor):
    package = vendor_package(vendor)
    schema: dict = {}
    node = schema
    for _ in range(900):
        node["x"] = {}
        node = node["x"]
    tool = {"type": "function", "name": "f", "parameters": schema, "strict": False}
    request = {"model": "m", "input": "hi", "tools": [tool]}
    assert package.validate(request, "request") == []
    assert package.parse(json.dumps(request).encode(), "request").tools is not None


def test_deeper_than_1024_is_one_issue_for_bytes_and_values(vendor):
    package = vendor_package(vendor)
    for payload in (b"[" * 1025 + b"]" * 1025, nested(1025), nested(5000), {"output": nested(1100)}):
        issues = package.validate(payload)
        assert len(issues) == 1 and issues[0].keyword == "json" and "nested too deeply" in issues[0].message, issues
        with pytest.raises(package.PayloadError):
            package.parse(payload)


def test_a_long_integer_deep_inside_is_exact_and_bounded(vendor):
    package = vendor_package(vendor)
    raw = '{"a":' * 1020 + "123456789012345678901234567" + "}" * 1020
    issues = package.validate(raw)
    assert issues and all(i.keyword != "json" for i in issues)
    deep = package.validate('{"a":' * 1030 + "12345678901234567890" + "}" * 1030)
    assert len(deep) == 1 and "nested too deeply" in deep[0].message
    exact = package.loads(b'{"n": [123456789012345678901234567, -98765432109876543210, 1.5]}')
    assert exact == {"n": [123456789012345678901234567, -98765432109876543210, 1.5]}
    assert type(exact["n"][0]) is int


@pytest.mark.parametrize(
    ("text", "pointer"),
    [
        ('{"status": 12345, "status": "completed"}', "/status"),
        ('{"output": [{"type": "message", "type": "reasoning"}]}', "/output/0/type"),
        ('{"a\\u003a": 1, "status": 1, "status": 2}', "/status"),  # an escaped colon cannot hide the repeat
        ('{"n": 123456789012345678901234, "id": "x", "id": "y"}', "/id"),  # the exact long-integer path too
        ('{"metadata": {"k~/": 1, "k~/": 2}}', "/metadata/k~0~1"),
    ],
)
def test_duplicate_keys_are_reported_where_they_repeat(vendor, text, pointer):
    package = vendor_package(vendor)
    issues = package.validate(text)
    assert [(i.pointer, i.keyword) for i in issues] == [(pointer, "json")], issues
    assert "duplicate key" in issues[0].message
    with pytest.raises(package.PayloadError):
        package.parse(text.encode())


def test_the_winning_duplicate_cannot_smuggle_a_valid_payload(vendor):
    package = vendor_package(vendor)
    text = json.dumps(documented(vendor))
    smuggled = '{"status": 12345, ' + text[1:]
    assert package.validate(text) == []
    assert [i.pointer for i in package.validate(smuggled)] == ["/status"]


def test_a_double_encoded_payload_is_named(vendor):
    package = vendor_package(vendor)
    twice = json.dumps(json.dumps(documented(vendor)))
    for payload in (twice, twice.encode()):
        issues = package.validate(payload)
        assert [(i.pointer, i.keyword) for i in issues] == [("", "json")]
        assert "double-encoded" in issues[0].message
    with pytest.raises(package.PayloadError, match="double-encoded"):
        package.loads(twice.encode())
    assert package.loads(json.dumps(documented(vendor)).encode()) == documented(vendor)


def test_loads_rejects_what_validate_reports_as_not_json(vendor):
    package = vendor_package(vendor)
    for raw, needle in [(b"{nope", "not valid JSON"), (b'{"a": 1, "a": 2}', "duplicate key"), (b"[" * 1025 + b"]" * 1025, "nested too deeply")]:
        with pytest.raises(package.PayloadError, match=needle) as raised:
            package.loads(raw)
        assert raised.value.issues == package.validate(raw)


@pytest.mark.parametrize(
    ("value", "pointer", "needle"),
    [
        ({"model": "m", "input": "hi", "temperature": float("nan")}, "/temperature", "finite"),
        ({"model": "m", "input": "hi", "top_p": float("inf")}, "/top_p", "finite"),
        ({"model": "m", "input": "hi", "metadata": {1: "a"}}, "/metadata", "key"),
        ({"model": "m", "input": ("a", "b")}, "/input", "tuple"),
        ({"model": "m", "input": [{"role": "user", "content": object()}]}, "/input/0/content", "object"),
    ],
)
def test_python_values_that_are_not_json_are_one_issue(vendor, value, pointer, needle):
    package = vendor_package(vendor)
    issues = package.validate(value, "request")
    assert [(i.pointer, i.keyword) for i in issues] == [(pointer, "json")], issues
    assert needle in issues[0].message


def test_an_unknown_engine_raises_even_for_a_valid_payload(vendor):
    package = vendor_package(vendor)
    with pytest.raises(ValueError, match="unknown engine"):
        package.validate(documented(vendor), engine="bogus")
    with pytest.raises(ValueError, match="max_issues"):
        package.validate(documented(vendor), max_issues=0)


def test_max_issues_stops_the_search_and_says_so(vendor):
    package = vendor_package(vendor)
    request = {"model": "m", "input": "hi", "tools": [1, 2, 3]}
    every = package.validate(request, "request")
    assert len(every) == 3 and not every.truncated
    first = package.validate(request, "request", max_issues=2)
    assert first == every[:2] and first.truncated
    assert package.validate(request, "request", max_issues=3) == every
    assert not package.validate(request, "request", max_issues=3).truncated


# Measured in a fresh process each: time, peak memory and the outcome of one call.


def test_a_self_referencing_value_is_one_issue_not_a_hang():
    result = run(f"""
        import {VENDOR}_responses as package
        looped = {{"id": "x"}}
        looped["self"] = looped
        ring = []
        ring.append({{"in": ring}})
        issues, seconds, mb = measure(lambda: [package.validate(looped), package.validate({{"model": "m", "input": ring}}, "request")])
        print(json.dumps({{"issues": [[(i.pointer, i.keyword, i.message) for i in found] for found in issues],
                          "seconds": seconds, "mb": mb}}))
    """, timeout=60)
    assert "failed" not in result, result
    looped, ring = result["issues"]
    assert [(p, k) for p, k, _ in looped] == [("/self", "json")] and "refers to itself" in looped[0][2]
    assert [(p, k) for p, k, _ in ring] == [("/input/0/in", "json")]
    assert result["seconds"] < 5 and result["mb"] < 200, result


def test_a_shared_value_bomb_is_bounded():
    result = run(f"""
        import {VENDOR}_responses as package
        bomb = ["x"]
        for _ in range(60):
            bomb = [bomb, bomb]
        issues, seconds, mb = measure(lambda: package.validate({{"model": "m", "input": bomb}}, "request"))
        print(json.dumps({{"issues": [(i.pointer, i.keyword, i.message) for i in issues], "seconds": seconds, "mb": mb}}))
    """, timeout=120)
    assert "failed" not in result, result
    assert [(p, k) for p, k, _ in result["issues"]] == [("", "json")] and "too large" in result["issues"][0][2]
    assert result["seconds"] < 10 and result["mb"] < 200, result


@pytest.mark.parametrize("items", [50_000, 3_000_000])
def test_cost_follows_the_problems_reported(items):
    """`tools: [1] * N`: N problems present, 20 asked for (151 KB took 19 s and 770 MB when all were built)."""
    result = run(f"""
        import {VENDOR}_responses as package
        raw = json.dumps({{"model": "m", "input": "hi", "tools": [1] * {items}}}).encode()
        issues, seconds, mb = measure(lambda: package.validate(raw, "request", max_issues=20))
        print(json.dumps({{"count": len(issues), "truncated": issues.truncated, "first": issues[0].pointer,
                          "seconds": seconds, "mb": mb, "bytes": len(raw)}}))
    """, timeout=180)
    assert "failed" not in result, result
    assert (result["count"], result["truncated"], result["first"]) == (20, True, "/tools/0")
    assert result["seconds"] < 5 and result["mb"] < 200, result


def test_parse_and_events_are_bounded_too():
    """parse() (and so the client) reports a bounded number of problems without building the rest."""
    result = run(f"""
        import {VENDOR}_responses as package
        raw = json.dumps({{"model": "m", "input": "hi", "tools": [1] * 50_000}}).encode()
        def attempt():
            try:
                package.parse(raw, "request")
            except package.PayloadError as exc:
                return len(exc.issues), len(str(exc))
        (count, chars), seconds, mb = measure(attempt)
        print(json.dumps({{"count": count, "chars": chars, "seconds": seconds, "mb": mb}}))
    """, timeout=180)
    assert "failed" not in result, result
    assert result["count"] <= 100 and result["chars"] < 20_000
    assert result["seconds"] < 5 and result["mb"] < 200, result


def test_the_walk_for_big_payloads_reports_what_the_reference_reports(vendor, monkeypatch):
    """With every subtree treated as big, the fast engine walks in Python down to each `$ref`
    (the path big and deep payloads take); it must still agree with the reference. Every third
    mutation of test_validate's set (it runs them all on the default path): the walk's code is
    the same for each keyword, and the reference engine is slow."""
    from test_validate import mutations, samples

    package = vendor_package(vendor)
    engines = importlib.import_module(f"{vendor}_responses._engines")
    monkeypatch.setattr(engines, "SMALL", 0)
    compared = 0
    for kind, payload in samples(vendor):
        for pointer, mutated, strict in itertools.islice(mutations(payload), 0, None, WALK_STRIDE):
            fast = package.validate(mutated, kind, strict=strict)
            assert fast == package.validate(mutated, kind, strict=strict, engine="reference"), (kind, pointer)
            compared += bool(fast)
    assert compared > 40
