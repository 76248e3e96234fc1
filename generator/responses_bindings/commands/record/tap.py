"""One exchange as it passes through the proxy: checked piece by piece, written when it ends.

The request is checked when it arrives; an event stream's events as each one completes; a
JSON answer once whole. The body is kept decoded (gzip / deflate undone) and bounded by
`max_bytes`: beyond that it is still forwarded, but the recording stops and says so.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path

from ...common.document import RESPONSES_PATH
from ...runtime._recording import (
    INCOMPLETE,
    EventSplitter,
    Exchange,
    body_suffix,
    event_fields,
    media_type_of,
    redact_text,
    write_exchange,
)
from .checks import LiveCheck


def _decoder(encoding: str):
    """A zlib decompressor for a Content-Encoding; None for identity; "" when we cannot decode it."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj()
    return ""


class Tap:
    """Records and checks one exchange; `answer()` once, `feed()` per piece, then `finish()`."""

    def __init__(self, folder: Path, name: str, method: str, path: str, body: bytes, secrets: list[str], *,
                 check: LiveCheck | None, say: Callable[[str], None], max_bytes: int):
        self.folder, self.name, self.method, self.path = folder, name, method, path
        self.request_body, self.secrets = body, secrets
        self.check, self.max_bytes = check, max_bytes
        self.say = lambda line: say(redact_text(line, secrets))  # a problem may quote an echoed key
        self.checked = check is not None and method == "POST" and path.split("?", 1)[0].endswith(RESPONSES_PATH)
        self.problems = 0
        self.events = 0
        self.body = bytearray()
        self.notes: list[str] = []
        self.recording = True
        if self.checked:
            self._report(f"{name}.request.json", "", check.problems(body, "request"))

    def _report(self, file: str, where: str, problems: list[str]) -> None:
        for problem in problems:
            self.say(f"{self.folder / file}: {where}{problem}")
        self.problems += len(problems)

    def answer(self, status: int, reason: str, headers: list[tuple[str, str]]) -> None:
        """The answer's status line and headers have arrived."""
        self.status, self.reason, self.headers = status, reason, headers
        media = media_type_of(headers)
        self.splitter = EventSplitter() if media == "text/event-stream" and 200 <= status < 300 else None
        self.kind = "event" if self.splitter else "response" if 200 <= status < 300 else "error"
        self.file = f"{self.name}.response{body_suffix(media, b'')}"
        encoding = next((v for k, v in headers if k.lower() == "content-encoding"), "")
        self.decoder = _decoder(encoding)
        if self.decoder == "":
            self._stop(f"withheld: Content-Encoding {encoding!r} cannot be decoded here, so the body is not recorded")

    def _stop(self, note: str) -> None:
        self.notes.append(note)
        self.recording = False
        if note.startswith("withheld"):
            self.body.clear()

    def feed(self, data: bytes) -> None:
        """A piece of the answer's body, as it came off the wire."""
        if self.recording:
            self._keep(self._decoded(lambda decoder: decoder.decompress(data, self.max_bytes - len(self.body) + 1), data))

    def _decoded(self, step, data: bytes = b"") -> bytes:
        """`data` through the decoder's `step`; b"" (and the recording withheld) when it does not decode."""
        if self.decoder is None:
            return data
        try:
            return step(self.decoder)
        except zlib.error as exc:
            self._stop(f"withheld: the body does not decode as its Content-Encoding says ({exc})")
            return b""

    def _keep(self, data: bytes) -> None:
        room = self.max_bytes - len(self.body)
        kept = data[:room]
        self.body += kept
        if self.splitter is not None:
            for block in self.splitter.feed(kept):
                self._event(block)
        if len(data) > room:
            self._stop(f"{INCOMPLETE}: only the first {self.max_bytes} bytes of the body were recorded (--max-bytes)")

    def _event(self, block: bytes) -> None:
        name, data = event_fields(block)
        if data is None or data == b"[DONE]":
            return
        if self.checked:
            label = f"event #{self.events}" + (f" ({name})" if name else "") + ": "
            self._report(self.file, label, self.check.problems(data, "event"))
        self.events += 1

    def finish(self, broken: str | None) -> Exchange:
        """The answer has ended (`broken`: why it ended early); check the rest, write the recording."""
        if self.recording and self.decoder is not None:
            self._keep(self._decoded(lambda decoder: decoder.flush()))
        if broken:
            self.notes.append(f"{INCOMPLETE}: {broken}")
        if self.splitter is not None:
            rest = self.splitter.rest()
            if rest.strip() and not broken:
                self._event(rest)  # a last event without its blank line
        elif self.checked and self.recording and not broken:
            self._report(self.file, "", self.check.problems(bytes(self.body), self.kind))
        exchange = Exchange(self.name, self.method, self.path, self.request_body, self.status, self.reason,
                            tuple(self.headers), bytes(self.body), tuple(self.notes), self.folder)
        try:
            written = write_exchange(exchange, self.secrets)
        except OSError as exc:
            self.say(f"{self.name}: cannot write the recording into {self.folder}: {exc}")
            return exchange
        self.say(self._summary(exchange, written))
        return exchange

    def _summary(self, exchange: Exchange, written: list[Path]) -> str:
        shape = f"{self.events} events" if self.splitter is not None else f"{len(self.body)} bytes"
        problems = f", {self.problems} problem(s)" if self.problems else ""
        notes = "".join(f"; {note}" for note in self.notes)
        return f"{self.name} {self.method} {exchange.path.split('?', 1)[0]} -> {self.status}, {shape}{problems}{notes} ({len(written)} files)"
