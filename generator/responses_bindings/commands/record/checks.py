"""Validation on the way through: the vendor package's own `validate()`, with `--strict` and `--allow`."""

from __future__ import annotations

import inspect
from types import ModuleType


class LiveCheck:
    """Checks payloads with `package.validate`; `allow` is passed through when validate() takes it."""

    def __init__(self, package: ModuleType, strict: bool = False, allow: tuple[str, ...] = ()):
        self.package = package
        self.options: dict[str, object] = {"strict": strict}
        self.notice = ""
        if allow and "allow" in inspect.signature(package.validate).parameters:
            self.options["allow"] = allow
        elif allow:
            self.notice = (f"note: {package.__name__}.validate() takes no allow= yet, so --allow {','.join(allow)} "
                           "changes nothing: problems of every class are reported")

    def problems(self, payload: bytes, kind: str) -> list[str]:
        """Each problem of `payload` as `pointer: message`; [] when it fits the spec."""
        return [str(issue) for issue in self.package.validate(payload, kind, **self.options)]
