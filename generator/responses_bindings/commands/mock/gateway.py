"""What the mock answers, precomputed from one vendor's bundled OpenAPI document."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema_rs

from ...common.document import auth_header, documented_examples
from ...pipeline.json_schemas import json_schemas
from ...runtime._json import JSONError, decode
from .events import sse_block, synthesize_events


class MockError(Exception):
    """The bundled document cannot drive a mock (e.g. no documented 200 example)."""


def _error_problems(validator, body: dict) -> list[str]:
    return [f"{'/' + '/'.join(map(str, e.instance_path)) if e.instance_path else '/'}: {e.message}" for e in validator.iter_errors(body)]


def _depth(value: object) -> int:
    """How many arrays/objects deep `value` nests (iteratively)."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        node, level = pending.pop()
        if isinstance(node, (dict, list)):
            deepest = max(deepest, level)
            pending.extend((item, level + 1) for item in (node.values() if isinstance(node, dict) else node))
    return deepest


class VendorMock:
    """Everything the server answers, precomputed from one vendor's bundled OpenAPI document."""

    def __init__(self, vendor_id: str, document: dict, api_key: str | None = None):
        self.vendor_id = vendor_id
        self.auth_name, self.auth_prefix = auth_header(document)
        self.api_key = api_key
        schemas = json_schemas(document)
        self.request_validator = jsonschema_rs.validator_for(schemas["request"])
        self.error_validator = jsonschema_rs.validator_for(schemas["error"])
        event_validator = jsonschema_rs.validator_for(schemas["event"])
        response_validator = jsonschema_rs.validator_for(schemas["response"])
        examples = [e for e in documented_examples(vendor_id, document) if e.kind == "response"]
        if not examples:
            raise MockError(f"{vendor_id}: the spec documents no 200 response example to serve")
        self.response = examples[0].value
        self.response_body = json.dumps(self.response, ensure_ascii=False).encode()
        self.events = synthesize_events(self.response)
        failed = {**self.response, "status": "failed", "output": [], "error": {"code": "rate_limit_exceeded", "message": "mock: rate limited"}}
        self.failed_body = json.dumps(failed, ensure_ascii=False).encode()
        for number, event in enumerate(self.events):
            problems = _error_problems(event_validator, event)
            if problems:
                raise MockError(f"{vendor_id}: synthesized event #{number} ({event['type']}) does not fit the event schema: {problems[:3]}")
        if not response_validator.is_valid(failed):
            raise MockError(f"{vendor_id}: a failed response does not fit the response schema: {_error_problems(response_validator, failed)[:3]}")
        self.stream_body = b"".join(sse_block(event) for event in self.events)
        failure = {"type": "error", "sequence_number": 1, "code": "server_error", "message": "mock: the model crashed", "param": None}
        self.error_stream_body = sse_block(self.events[0]) + sse_block(failure)
        broken = {**self.events[1], "sequence_number": "one"}
        self.invalid_stream_body = sse_block(self.events[0]) + sse_block(broken) + b"".join(sse_block(e) for e in self.events[2:])

    def error_body(self, code: str, message: str, request_id: str) -> bytes:
        """The vendor's error shape: DashScope's `{request_id, code, message}` where the spec allows it, else OpenAI's envelope."""
        for body in (
            {"request_id": request_id, "code": code, "message": message},
            {"error": {"message": message, "type": "invalid_request_error", "param": None, "code": code}},
        ):
            if self.error_validator.is_valid(body):
                return json.dumps(body, ensure_ascii=False).encode()
        raise MockError(f"{self.vendor_id}: neither error shape fits the error schema")

    def auth_problem(self, value: str | None) -> str | None:
        """Why the auth header value is wrong, or None."""
        if not value:
            return f"missing {self.auth_name} header"
        if self.auth_prefix and not value.startswith(self.auth_prefix):
            return f"{self.auth_name} must be '{self.auth_prefix}<key>'"
        key = value[len(self.auth_prefix) :]
        if not self.auth_prefix and value.lower().startswith("bearer "):
            return f"{self.auth_name} must be the raw key, without 'Bearer '"
        if not key or (self.api_key is not None and key != self.api_key):
            return "invalid API key"
        return None

    def read_request(self, raw: bytes) -> tuple[object, list[str]]:
        """The request body's JSON (read strictly: no NaN, no repeated name, depth ≤ 1024) and its problems."""
        try:
            body = decode(raw)
        except JSONError as exc:
            return None, [f"{exc.pointer or '/'}: the body is not JSON: {exc.message}"]
        if self.request_validator.is_valid(body):
            return body, []
        try:
            return body, sorted(_error_problems(self.request_validator, body))
        except ValueError:  # jsonschema-rs cannot report a value nested deeper than 255 levels
            deep = [key for key, value in body.items() if _depth(value) > 200] if isinstance(body, dict) else []
            where = ", ".join(f"/{key}" for key in deep) or "/"
            return body, [f"{where}: breaks the request schema, nested too deeply (over 200 levels) to say where inside"]

    @classmethod
    def from_generated(cls, out: Path, vendor_id: str, api_key: str | None = None) -> VendorMock:
        path = out / vendor_id / "openapi.json"
        if not path.is_file():
            raise MockError(f"{path}: no bundled spec; run `responses-bindings generate` first")
        return cls(vendor_id, json.loads(path.read_text("utf-8")), api_key)
