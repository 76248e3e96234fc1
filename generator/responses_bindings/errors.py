"""The failures the command line turns into one-line messages (exit status 2)."""

from __future__ import annotations

from pathlib import Path


class SpecError(Exception):
    """A problem in the spec, named by file and JSON pointer."""

    def __init__(self, file: Path | str, pointer: str, message: str):
        self.file, self.pointer, self.message = str(file), pointer, message
        super().__init__(f"{file}#{pointer}: {message}")


class LintFailed(Exception):
    """The spec breaks lint rules; `errors` holds each `LintError`."""

    def __init__(self, errors: list):
        self.errors = errors
        super().__init__("\n".join(map(str, errors)))


class ToolError(Exception):
    """An external generator failed; the message holds its output."""


class UsageError(Exception):
    """A bad command-line argument or input path."""
