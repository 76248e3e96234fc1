"""The faults a test can queue on the mock server."""

from __future__ import annotations

from dataclasses import dataclass

FAULT_KINDS = ("status", "slow", "non_json", "cut_stream", "truncated_stream", "unknown_event", "error_event", "invalid_event", "failed")


@dataclass
class Fault:
    """How to answer the next request(s) instead of normally.

    kind: `status` (answer `status` with the vendor's error body, `Retry-After: retry_after`
    when set), `slow` (wait `delay` seconds, then answer normally), `non_json` (answer `status`
    with an HTML body), `cut_stream` (chunked stream that breaks off mid-event), `truncated_stream`
    (close-delimited stream that ends mid-event), `unknown_event` (stream with one undocumented
    event), `error_event` (stream that sends an `error` event and ends), `invalid_event` (stream
    whose second event breaks its schema), `failed` (a 200 response whose status is `failed`).
    Applies to `times` requests.
    """

    kind: str
    status: int = 503
    delay: float = 0.0
    retry_after: float | None = None
    times: int = 1

    def __post_init__(self):
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; expected one of {', '.join(FAULT_KINDS)}")
