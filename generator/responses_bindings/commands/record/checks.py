"""Validation on the way through: the vendor package's own `validate()`, with `--strict` and `--allow`."""

from __future__ import annotations

from types import ModuleType


class LiveCheck:
    """Checks payloads with `package.validate`; problems of the `allow`ed deviation classes do not count."""

    def __init__(self, package: ModuleType, strict: bool = False, allow: tuple[str, ...] = ()):
        self.package = package
        self.options: dict[str, object] = {"strict": strict, "allow": allow}

    def problems(self, payload: bytes, kind: str) -> list[str]:
        """Each problem of `payload` as `pointer: message`; [] when it fits the spec (allowed classes aside)."""
        return [str(issue) for issue in self.package.validate(payload, kind, **self.options) if not issue.allowed]
