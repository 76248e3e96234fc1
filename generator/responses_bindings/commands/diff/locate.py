"""The line of a change in the spec file that defines it, so annotations land on it in a pull request.

A component file's document is the component's schema; a component defined in a vendor root
sits under `/components/schemas/<name>` there. The line is that of the deepest part of the
change's pointer the file has (a removed field lands on its parent).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ...common import pointer
from ...common.document import COMPONENT_PREFIX
from .compare import Change

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Locator:
    """Finds lines in the files of one spec folder (`top` holds spec/); files are read once."""

    def __init__(self, top: Path):
        self.top = top
        self.nodes: dict[Path, yaml.Node | None] = {}

    def _node(self, path: Path) -> yaml.Node | None:
        if path not in self.nodes:
            try:
                self.nodes[path] = yaml.compose(path.read_text("utf-8"), Loader=_Loader)
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                self.nodes[path] = None
        return self.nodes[path]

    def line(self, change: Change, root_file: str) -> int | None:
        """The 1-based line of `change` in `change.file` below `top`, or None when it is not there."""
        where = change.local
        if change.owner and change.file == root_file:
            where = pointer.join(COMPONENT_PREFIX.removeprefix("#"), change.owner) + where
        node = self._node(self.top / change.file)
        if node is None:
            return None
        line = node.start_mark.line + 1
        for token in pointer.tokens(where):
            if isinstance(node, yaml.MappingNode):
                entry = next(((key, value) for key, value in node.value if key.value == token), None)
                if entry is None:
                    break
                line, node = entry[0].start_mark.line + 1, entry[1]
            elif isinstance(node, yaml.SequenceNode) and token.isdigit() and int(token) < len(node.value):
                node = node.value[int(token)]
                line = node.start_mark.line + 1
            else:
                break
        return line
