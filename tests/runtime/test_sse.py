"""The client's event-stream reader (`_sse.Decoder`): however the bytes are cut into chunks, with
LF, CRLF or CR line ends (a CRLF split between two chunks included), it yields the same events,
with the API key redacted where it stands whole, even when a chunk ends inside the key."""

from __future__ import annotations

import importlib
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import VENDORS


def runtime(vendor: str, module: str):
    return importlib.import_module(f"{vendor}_responses.{module}")

KEY = "sk-sse-test-0123456789"

texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=12)
data_lines = st.lists(st.one_of(texts, st.just(KEY), st.builds(lambda a, b: f"{a} {KEY} {b}", texts, texts)), min_size=1, max_size=3)
events = st.lists(st.tuples(st.sampled_from(["", "response.output_text.delta", "done"]), data_lines), min_size=1, max_size=4)


def wire(stream: list[tuple[str, list[str]]], end: str) -> bytes:
    """The stream as a server writes it: a comment, then `event:` and `data:` lines and a blank line per event."""
    out = [": keep-alive"]
    for name, lines in stream:
        out += [f"event: {name}"] if name else []
        out += [f"data: {line}" for line in lines] + [""]
    return (end.join(out) + end).encode()


def expected(stream: list[tuple[str, list[str]]]) -> list[tuple[str, str]]:
    return [(name or "message", "\n".join(lines).replace(KEY, "***")) for name, lines in stream if any(lines)]


@pytest.mark.parametrize("vendor", VENDORS)
@given(stream=events, end=st.sampled_from(["\n", "\r\n", "\r"]), cuts=st.lists(st.integers(0, 400), max_size=8))
def test_chunking_and_line_ends_do_not_change_the_events(vendor, stream, end, cuts):
    decoder = runtime(vendor, "_sse").Decoder(1 << 20, runtime(vendor, "_transport").Redactor(KEY).bytes)
    body = wire(stream, end)
    bounds = sorted({0, len(body), *(cut % (len(body) + 1) for cut in cuts)})
    found = []
    for start, stop in itertools.pairwise(bounds):
        found += decoder.feed(body[start:stop])[0]
    assert [(event.event, event.data) for event in found] == expected(stream)


@pytest.mark.parametrize("vendor", VENDORS)
@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_every_single_cut_gives_the_same_events(vendor, end):
    """Each place one cut can fall, a CRLF split in two and a key cut in half included."""
    stream = [("response.output_text.delta", ["one", f"two {KEY}"]), ("", ["three", "four"])]
    body = wire(stream, end)
    for cut in range(len(body) + 1):
        decoder = runtime(vendor, "_sse").Decoder(1 << 20, runtime(vendor, "_transport").Redactor(KEY).bytes)
        found = decoder.feed(body[:cut])[0] + decoder.feed(body[cut:])[0]
        assert [(event.event, event.data) for event in found] == expected(stream), cut


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_line_longer_than_the_bound_ends_the_stream(vendor):
    sse = runtime(vendor, "_sse")
    decoder = sse.Decoder(64)
    decoder.feed(b"data: " + b"x" * 40)
    with pytest.raises(sse.SSEError, match="longer than 64 bytes"):
        decoder.feed(b"x" * 40)
