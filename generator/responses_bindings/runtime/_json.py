"""Strict, bounded JSON: payload text → values, Python values checked, values → request bytes.

JSON here is RFC 8259 as every reader reads it alike: UTF-8 text, finite numbers, integers
kept exact, no name twice in one object, at most MAX_DEPTH arrays/objects inside each other.
Nothing here recurses, so no input can exhaust the stack; every problem is a JSONError that
names where it is (a JSON pointer) and what was found.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

from ._pointer import from_path

MAX_DEPTH = 1024  # arrays/objects inside each other; orjson's own limit, so bytes and values agree
MAX_VALUES = 1 << 23  # values in one Python value (shared parts counted each time they appear)

__all__: list[str] = []


class JSONError(ValueError):
    """Text or a value that is not strict JSON: `pointer` says where, `found` what is there."""

    def __init__(self, pointer: str, message: str, found: str):
        super().__init__(message)
        self.pointer, self.message, self.found = pointer, message, found


# --- text → values -------------------------------------------------------------------------

# One value token of text orjson has already accepted, after any whitespace, commas and colons
# (the reader needs no separators: an object alternates names and values); strings as an
# unrolled loop, so long strings match at C speed. Groups: 1 string, 2 number, 3 opening,
# 4 closing, 5-7 true/false/null.
_TOKEN = re.compile(rb'[ \t\r\n,:]*(?:("[^"\\]*(?:\\.[^"\\]*)*")|(-?[0-9][-+.eE0-9]*)|([\[{])|([\]}])|(t)rue|(f)alse|(n)ull)')
_FRACTION = re.compile(rb"[.eE]")
_LITERALS = {5: True, 6: False, 7: None}


def decode(text: bytes | bytearray | memoryview | str) -> object:
    """The JSON value of `text`; JSONError when it is not strict JSON (see the module docstring)."""
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise _not_json(text if isinstance(text, str) else data, exc) from None
    if _may_differ(data, value):
        value = _exact(data)
    return value


def _not_json(data: bytes | str, exc: orjson.JSONDecodeError) -> JSONError:
    reason = exc.msg
    if "depth limit" in reason:
        return JSONError("", f"nested too deeply: depth over {MAX_DEPTH} levels of arrays/objects", "too deep")
    if "UTF-8" in reason:
        try:
            data.decode("utf-8") if isinstance(data, bytes) else data.encode("utf-8")
        except (UnicodeDecodeError, UnicodeEncodeError) as bad:
            what = f"byte 0x{data[bad.start]:02x}" if isinstance(data, bytes) else f"lone surrogate U+{ord(data[bad.start]):04X}"
            return JSONError("", f"not UTF-8 text: {what} at offset {bad.start}", "not UTF-8")
    if isinstance(data, bytes) and re.match(rb"-?(NaN|Infinity)", data[exc.pos : exc.pos + 9]):
        return JSONError("", f"not valid JSON: NaN and Infinity are not JSON numbers ({exc})", "not JSON")
    return JSONError("", f"not valid JSON: {exc}", "not JSON")


def _may_differ(data: bytes, value: object) -> bool:
    """True when orjson's value may not be what the text says: a repeated name (orjson keeps
    the last value, silently) or an integer beyond 64 bits (orjson reads it as a float).

    Written back by orjson, the value has one colon per member it kept plus the colons inside
    its strings, as the text has unless it spelled a colon `\\u003a`: equal counts mean no name
    repeated. A float from a 20+ digit integer is at least 2**63, which orjson writes with an
    exponent (`e+`). Either sign sends the text to the exact reader, which decides. (Searches
    for one byte: a two-byte search took half of orjson's time on text full of `e`s.)
    """
    try:
        written = orjson.dumps(value)
    except orjson.JSONEncodeError:  # deeper than orjson writes (255)
        return True
    if b"+" in written or written.count(b":") != data.count(b":"):
        return True
    return b"\\" in data and b"\\u003" in data


def _exact(data: bytes) -> object:
    """The value of text orjson accepted, read token by token: integers exact, repeated names refused."""
    root: list = []
    containers: list[Any] = [root]  # innermost last; root is a one-item list that receives the value
    names: list = [None]  # per container: the name waiting for its value (objects), else None
    path: list = []  # where each open container below the top one sits in its parent
    position = 0
    while match := _TOKEN.match(data, position):
        position, kind, parent = match.end(), match.lastindex or 0, containers[-1]
        if kind == 4:
            containers.pop()
            names.pop()
            if path:  # the top-level container has no place in a parent
                path.pop()
            continue
        if kind == 1:
            token = match.group(1)
            value = orjson.loads(token) if b"\\" in token else token[1:-1].decode()
            if type(parent) is dict and names[-1] is None:
                if value in parent:
                    raise JSONError(from_path([*path, value]), f"duplicate key {json.dumps(value, ensure_ascii=False)[:80]}: "
                                    "an object names it twice, and readers disagree on which value counts", "duplicate key")
                names[-1] = value
                continue
        elif kind == 2:
            token = match.group(2)
            value = float(token) if _FRACTION.search(token) else int(token)
        elif kind == 3:
            value = {} if match.group(3) == b"{" else []
        else:
            value = _LITERALS[kind]
        if isinstance(parent, dict):
            key = names[-1]
            parent[key], names[-1] = value, None
        else:
            key = len(parent)
            parent.append(value)
        if kind == 3:
            containers.append(value)
            names.append(None)
            if len(containers) > 2:
                path.append(key)
    return root[0]


# --- Python values ---------------------------------------------------------------------------

_LEAVES = frozenset({str, int, bool, type(None)})


def check(value: object) -> None:
    """JSONError unless `value` is plain JSON data: dicts with str keys, lists, str, int, finite
    float, bool, None; no value inside itself, at most MAX_DEPTH levels and MAX_VALUES values.

    A quick pass over the common case (exact built-in types); anything unusual (a subclass, a
    suspect leaf, a non-str key, the depth limit reached) hands over to the precise walk."""
    if type(value) is not dict and type(value) is not list:
        if type(value) not in _LEAVES:
            _walk(value)
        return
    stack, depths, count = [value], [1], 0
    while stack:
        node, depth = stack.pop(), depths.pop()
        if type(node) is dict:
            if any(type(key) is not str for key in node):
                _walk(value)
                return
            children = node.values()
        else:
            children = node
        count += len(node)
        if count > MAX_VALUES:
            raise _too_large()
        for item in children:
            kind = type(item)
            if kind is dict or kind is list:
                if depth == MAX_DEPTH:
                    _walk(value)  # names the cycle, or the first place too deep
                    return
                stack.append(item)
                depths.append(depth + 1)
            elif kind not in _LEAVES and not (kind is float and not item - item):
                _walk(value)
                return


def _too_large() -> JSONError:
    return JSONError("", f"too large: more than {MAX_VALUES:,} values (parts used twice count twice)", "too large")


def _leaf_problem(item: object, strings: bool) -> str | None:
    if isinstance(item, bool) or item is None or isinstance(item, int):
        return None
    if isinstance(item, float):
        return None if item - item == 0 else f"{item!r}: JSON numbers are finite"
    if isinstance(item, str):
        if strings:
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as bad:
                return f"a lone surrogate U+{ord(item[bad.start]):04X} at offset {bad.start}: not UTF-8 text"
        return None
    return f"a {type(item).__name__} object, not a JSON value"


def _walk(value: object, default=None, strings: bool = False) -> object:
    """The plain-JSON copy of `value` (`default` applied to other objects), or the JSONError of
    its first problem, found precisely: the path and the containers on it are tracked."""

    def plain(item: object, path: list, key: object = None) -> object:
        where = (lambda: from_path(path)) if key is None else (lambda: from_path([*path, key]))
        if default is not None and not isinstance(item, (dict, list, str, int, float, bool, type(None))):
            try:
                item = default(item)
            except TypeError as exc:
                raise JSONError(where(), f"not JSON: {exc}", type(item).__name__) from None
        if isinstance(item, (dict, list)):
            return item
        problem = _leaf_problem(item, strings)
        if problem:
            raise JSONError(where(), f"not JSON: {problem}", type(item).__name__)
        return item

    root = plain(value, [])
    if not isinstance(root, (dict, list)):
        return root
    copy: dict | list = {} if isinstance(root, dict) else []
    frames = [(root, iter(root.items() if isinstance(root, dict) else enumerate(root)), copy)]
    on_path, path, count = {id(root)}, [], 0
    while frames:
        source, items, target = frames[-1]
        step = next(items, None)
        if step is None:
            frames.pop()
            on_path.discard(id(source))
            if path:
                path.pop()
            continue
        key, item = step
        if isinstance(source, dict) and not isinstance(key, str):
            raise JSONError(from_path(path), f"not JSON: key {key!r} is a {type(key).__name__}; JSON keys are strings",
                            f"{type(key).__name__} key")
        count += 1
        if count > MAX_VALUES:
            raise _too_large()
        item = plain(item, path, key)
        if isinstance(item, (dict, list)):
            if id(item) in on_path:
                raise JSONError(from_path([*path, key]), "not JSON: this value refers to itself (it contains "
                                "itself), so it has no JSON text", "a cycle")
            if len(frames) >= MAX_DEPTH:
                raise JSONError(from_path([*path, key]), f"nested too deeply: depth over {MAX_DEPTH} levels of "
                                "arrays/objects", "too deep")
            child: dict | list = {} if isinstance(item, dict) else []
            _put(target, key, child)
            frames.append((item, iter(item.items() if isinstance(item, dict) else enumerate(item)), child))
            on_path.add(id(item))
            path.append(key)
        else:
            _put(target, key, item)
    return copy


def _put(target: dict | list, key: object, item: object) -> None:
    if isinstance(target, dict):
        target[key] = item
    else:
        target.append(item)


# --- values → text ---------------------------------------------------------------------------


def encode(value: object, default=None) -> bytes:
    """Strict UTF-8 JSON of `value` (`default` turns other objects into JSON data); JSONError
    naming the place of a NaN, a lone surrogate, a cycle, a non-str key or too deep a nesting."""
    try:
        return json.dumps(value, default=default, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (ValueError, TypeError, RecursionError, UnicodeEncodeError):
        pass  # find out exactly what, and where
    return "".join(_pieces(_walk(value, default, strings=True))).encode("utf-8")


def _pieces(value: object, cut: int | None = None):
    """The JSON text of plain data, piece by piece, without recursion (json.dumps's separators).
    `cut` shortens strings to that many characters, for previews."""
    stack: list = [iter([(None, value)])]
    closers: list = [""]
    first = [True]
    while stack:
        step = next(stack[-1], None)
        if step is None:
            stack.pop()
            first.pop()
            yield closers.pop()
            continue
        key, item = step
        if not first[-1]:
            yield ", "
        first[-1] = False
        if key is not None:
            yield json.dumps(key, ensure_ascii=False) + ": "
        if isinstance(item, dict):
            yield "{"
            stack.append(iter(item.items()))
            closers.append("}")
            first.append(True)
        elif isinstance(item, list):
            yield "["
            stack.append((None, each) for each in item)
            closers.append("]")
            first.append(True)
        elif isinstance(item, str) and cut is not None and len(item) > cut:
            yield json.dumps(item[:cut], ensure_ascii=False)[:-1] + '…"'
        else:
            yield json.dumps(item, ensure_ascii=False)


def preview(value: object, limit: int) -> str:
    """At most `limit` characters of `value`'s JSON text, cut with "…": cheap for any size or depth."""
    parts, size = [], 0
    try:
        for piece in _pieces(value, cut=limit):
            parts.append(piece)
            size += len(piece)
            if size > limit:
                break
    except (TypeError, ValueError):
        return type(value).__name__
    text = "".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"
