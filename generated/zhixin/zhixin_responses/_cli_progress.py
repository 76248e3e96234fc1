"""`validate`'s one-line progress bar on stderr, for terminals only (never in CI logs or pipes)."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

MIN_BYTES = 8 * 1024 * 1024
REFRESH_SECONDS = 0.1
WIDTH = 30


def wanted(total: int | None, stream: TextIO = sys.stderr) -> bool:
    """A bar helps for large inputs of known size, on an interactive terminal outside CI."""
    return bool(
        total and total >= MIN_BYTES and stream.isatty() and not os.environ.get("CI")
    )


class ProgressBar:
    """Redraws `[#####.....]  42%  12.0/28.5 MB  9.1 MB/s` at most ten times a second."""

    def __init__(self, total: int, stream: TextIO = sys.stderr):
        self.total, self.stream = total, stream
        self.started = self.drawn = time.monotonic()

    def update(self, done: int) -> None:
        now = time.monotonic()
        if now - self.drawn < REFRESH_SECONDS:
            return
        self.drawn = now
        share = min(done / self.total, 1.0)
        filled = int(share * WIDTH)
        rate = done / max(now - self.started, 1e-9) / 1e6
        bar = "#" * filled + "." * (WIDTH - filled)
        self.stream.write(
            f"\r[{bar}] {share:4.0%}  {done / 1e6:.1f}/{self.total / 1e6:.1f} MB  {rate:.1f} MB/s"
        )
        self.stream.flush()

    def clear(self) -> None:
        """Erase the bar (before other output, and at the end); the next update redraws it."""
        self.stream.write("\r" + " " * (WIDTH + 50) + "\r")
        self.stream.flush()
        self.drawn = 0.0
