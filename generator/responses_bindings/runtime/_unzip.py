"""Undoing a body's Content-Encoding in bounded steps, so a compression bomb costs what its reader allows."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from ._errors import clipped

__all__: list[str] = []


class Undecodable(Exception):
    """A body whose Content-Encoding this client cannot undo."""


class Unzip:
    """Undoes a body's Content-Encoding (identity, gzip, deflate) in steps of at most STEP bytes."""

    STEP = 64 << 10

    def __init__(self, encoding: str):
        names = [name.strip().lower() for name in encoding.split(",")]
        names = [name for name in names if name and name != "identity"]
        if len(names) > 1 or (names and names[0] not in ("gzip", "x-gzip", "deflate")):
            raise Undecodable(f"unsupported Content-Encoding {clipped(encoding, 100)!r} (the client asks for gzip or deflate)")
        self.kind = names[0] if names else None
        self._wbits = 16 + zlib.MAX_WBITS if self.kind in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._zlib = zlib.decompressobj(self._wbits) if self.kind else None
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The decoded pieces of `data`, each at most STEP bytes."""
        if self._zlib is None:
            if data:
                yield data
            return
        while data:
            try:
                out = self._zlib.decompress(data, self.STEP)
            except zlib.error as exc:
                if self.kind == "deflate" and not self._started:  # some servers send raw deflate
                    self._zlib, self._started = zlib.decompressobj(-zlib.MAX_WBITS), True
                    continue
                raise Undecodable(f"the body is not valid {self.kind} data: {exc}") from None
            self._started = True
            if out:
                yield out
            rest = self._zlib.unconsumed_tail
            if self._zlib.eof:
                rest = self._zlib.unused_data
                if rest.strip(b"\0") and self.kind != "deflate":  # another gzip member follows
                    self._zlib = zlib.decompressobj(self._wbits)
                else:
                    rest = b""
            if not out and rest == data:
                raise Undecodable(f"the {self.kind} data makes no progress")
            data = rest

    def finish(self) -> None:
        if self._zlib is not None and self._started and not self._zlib.eof:
            raise Undecodable(f"the {self.kind} body ended early")
