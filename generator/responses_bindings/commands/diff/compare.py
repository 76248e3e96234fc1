"""Compare two bundled vendor documents as a client sees them and classify each change."""

from __future__ import annotations

from dataclasses import dataclass

from ...common.document import KIND_LOCATIONS, RECEIVED_KINDS, kind_components
from ...common.flatten import LOWER_BOUNDS, UPPER_BOUNDS, Field, flatten
from ...pipeline.bundle import Bundle

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class Change:
    breaking: bool
    kind: str  # a payload kind, `operation`, `security` or `servers`
    where: str  # a field pointer or an operation
    message: str
    group: tuple = ()  # changes with the same group are one change seen in several places


def compare(old: Bundle, new: Bundle) -> list[Change]:
    """Every change from `old` to `new`, payload fields first."""
    old_doc, new_doc = old.document, new.document
    old_kinds, new_kinds = kind_components(old_doc, required=False), kind_components(new_doc, required=False)
    changes = []
    for kind in KIND_LOCATIONS:
        if kind in old_kinds and kind in new_kinds:
            old_fields = flatten(old_doc["components"]["schemas"], old_kinds[kind])
            new_fields = flatten(new_doc["components"]["schemas"], new_kinds[kind])
            changes += compare_fields(kind, old_fields, new_fields)
    changes += compare_operations(old_doc, new_doc, old_kinds, new_kinds)
    changes += compare_security(old_doc, new_doc)
    changes += compare_servers(old_doc, new_doc)
    return changes


def _change(field: Field, kind: str, breaking: bool, message: str) -> Change:
    direction = "received" if kind in RECEIVED_KINDS else "sent"
    return Change(breaking, kind, field.pointer, message, (direction, field.owner, field.local, message))


def compare_fields(kind: str, old: dict[str, Field], new: dict[str, Field]) -> list[Change]:
    """The field-level changes of one payload kind."""
    received = kind in RECEIVED_KINDS
    changes: list[Change] = []
    renamed: dict[str, str] = _renames(old, new)
    for where, before in old.items():
        after = new.get(where)
        if after is None:
            if before.parent in new and before.node in ("property", "variant"):
                changes.append(_removed(kind, before, renamed.get(where), received))
        else:
            changes += _changed(kind, before, after, received)
    for where, after in new.items():
        if where not in old and after.parent in old and where not in renamed.values():
            if after.node == "property":
                breaking = not received and bool(after.required)
                changes.append(_change(after, kind, breaking, "required field added" if after.required else "field added"))
            elif after.node == "variant":
                changes.append(_change(after, kind, received, "union variant added"))
    return changes


def _renames(old: dict[str, Field], new: dict[str, Field]) -> dict[str, str]:
    """Old pointer -> new pointer, where exactly one property left a parent and one alike arrived."""
    gone = [f for p, f in old.items() if p not in new and f.node == "property" and f.parent in new]
    came = [f for p, f in new.items() if p not in old and f.node == "property" and f.parent in old]
    pairs = {}
    for before in gone:
        alike = [f for f in came if f.parent == before.parent and f.signature() == before.signature()]
        rivals = [f for f in gone if f.parent == before.parent and f.signature() == before.signature()]
        if len(alike) == 1 and len(rivals) == 1:
            pairs[before.pointer] = alike[0].pointer
    return pairs


def _removed(kind: str, before: Field, renamed_to: str | None, received: bool) -> Change:
    if renamed_to is not None:
        return _change(before, kind, True, f"field renamed to `{renamed_to.rsplit('/', 1)[-1]}`")
    if before.node == "variant":
        return _change(before, kind, not received, "union variant removed")
    return _change(before, kind, True, "field removed")


def _changed(kind: str, before: Field, after: Field, received: bool) -> list[Change]:
    """Type, nullability, requiredness and enum changes of a field present on both sides."""
    changes = []
    if not (before.variants and after.variants) and before.types != after.types:
        wider = not after.types or (bool(before.types) and not set(after.types) <= set(before.types))
        narrower = not before.types or (bool(after.types) and not set(before.types) <= set(after.types))
        breaking = wider if received else narrower
        changes.append(_change(after, kind, breaking, f"type changed: {_types(before)} → {_types(after)}"))
    if before.nullable != after.nullable:
        breaking = after.nullable if received else before.nullable
        changes.append(_change(after, kind, breaking, "made nullable" if after.nullable else "no longer nullable"))
    if before.required is not None and after.required is not None and before.required != after.required:
        breaking = before.required if received else after.required
        changes.append(_change(after, kind, breaking, "made required" if after.required else "made optional"))
    if before.enum != after.enum:
        changes.append(_enum_change(kind, before, after, received))
    changes += _limit_changes(kind, before, after, received)
    return changes


def _limit_changes(kind: str, before: Field, after: Field, received: bool) -> list[Change]:
    """Bounds, patterns and formats: tighter breaks requests, looser breaks responses."""
    old, new = dict(before.limits), dict(after.limits)
    changes = []
    for key in [k for k in old if k not in new] + [k for k in new if old.get(k) != new[k]]:
        was, now = old.get(key), new.get(key)
        if was is None or now is None:
            narrower, wider = was is None, now is None
        elif key in LOWER_BOUNDS:
            narrower, wider = now > was, now < was
        elif key in UPPER_BOUNDS:
            narrower, wider = now < was, now > was
        else:
            narrower = wider = True
        breaking = wider if received else narrower
        shown = f"{key} {'none' if was is None else was} → {'none' if now is None else now}"
        changes.append(_change(after, kind, breaking, shown))
    return changes


def _types(field: Field) -> str:
    return " | ".join(field.types) or "any"


def _values(values: tuple[str, ...], limit: int = 6) -> str:
    shown = ", ".join(values[:limit])
    return shown + (f", … ({len(values)} values)" if len(values) > limit else "")


def _enum_change(kind: str, before: Field, after: Field, received: bool) -> Change:
    if after.enum is None:
        return _change(after, kind, received, f"enum dropped (was {_values(before.enum)}): any value allowed")
    if before.enum is None:
        return _change(after, kind, not received, f"now restricted to {_values(after.enum)}")
    added = [v for v in after.enum if v not in before.enum]
    removed = [v for v in before.enum if v not in after.enum]
    parts = [f"value(s) added: {_values(tuple(added))}"] * bool(added) + [f"value(s) removed: {_values(tuple(removed))}"] * bool(removed)
    breaking = bool(added) if received else bool(removed)
    return _change(after, kind, breaking, "enum " + "; ".join(parts))


def _operations(document: dict) -> dict[str, dict]:
    return {
        f"{method.upper()} {path}": operation
        for path, item in (document.get("paths") or {}).items()
        for method, operation in (item or {}).items()
        if method in HTTP_METHODS
    }


def _media(operation: dict) -> tuple[set[str], set[str]]:
    """The request media types and the `status media-type` pairs of the answers."""
    request = set((operation.get("requestBody") or {}).get("content") or {})
    answers = {
        f"{status} {media}"
        for status, answer in (operation.get("responses") or {}).items()
        for media in ((answer or {}).get("content") or {"(no body)": None})
    }
    return request, answers


def compare_operations(old_doc: dict, new_doc: dict, old_kinds: dict, new_kinds: dict) -> list[Change]:
    old_ops, new_ops = _operations(old_doc), _operations(new_doc)
    changes = [Change(True, "operation", name, "operation removed") for name in old_ops if name not in new_ops]
    changes += [Change(False, "operation", name, "operation added") for name in new_ops if name not in old_ops]
    for name in (n for n in old_ops if n in new_ops):
        before, after = old_ops[name], new_ops[name]
        if before.get("operationId") != after.get("operationId"):
            changes.append(Change(True, "operation", name, f"operationId changed: {before.get('operationId')} → {after.get('operationId')}"))
        old_body, new_body = before.get("requestBody") or {}, after.get("requestBody") or {}
        if new_body.get("required") and not old_body.get("required"):
            changes.append(Change(True, "operation", name, "request body made required"))
        (old_in, old_out), (new_in, new_out) = _media(before), _media(after)
        for media in sorted(old_in - new_in):
            changes.append(Change(True, "operation", name, f"request media type removed: {media}"))
        for media in sorted(new_in - old_in):
            changes.append(Change(False, "operation", name, f"request media type added: {media}"))
        for answer in sorted(old_out ^ new_out):
            changes.append(Change(True, "operation", name, f"answer {'removed' if answer in old_out else 'added'}: {answer}"))
        changes += _parameter_changes(name, before, after)
    for kind in (k for k in KIND_LOCATIONS if old_kinds.get(k) and new_kinds.get(k) and old_kinds[k] != new_kinds[k]):
        changes.append(Change(True, "operation", kind, f"payload model renamed: {old_kinds[kind]} → {new_kinds[kind]}"))
    return changes


def _parameter_changes(name: str, before: dict, after: dict) -> list[Change]:
    def params(operation):
        return {f"{p.get('in')} {p.get('name')}": p for p in operation.get("parameters") or [] if isinstance(p, dict)}

    old, new = params(before), params(after)
    changes = [Change(True, "operation", name, f"parameter removed: {p}") for p in old if p not in new]
    for key, param in new.items():
        if param.get("required") and not (old.get(key) or {}).get("required"):
            changes.append(Change(True, "operation", name, f"parameter required: {key}"))
        elif key not in old:
            changes.append(Change(False, "operation", name, f"optional parameter added: {key}"))
    return changes


def _security(document: dict) -> tuple[list, dict[str, dict]]:
    """The top-level requirements, and each scheme's definition without its description."""
    schemes = ((document.get("components") or {}).get("securitySchemes") or {})
    definitions = {name: {k: v for k, v in (s or {}).items() if k != "description"} for name, s in schemes.items()}
    return document.get("security") or [], definitions


def _scheme_text(definition: dict | None) -> str:
    if definition is None:
        return "(undefined)"
    return " ".join(f"{k}={v}" for k, v in sorted(definition.items()))


def compare_security(old_doc: dict, new_doc: dict) -> list[Change]:
    """What the client must send to authenticate: the required schemes and their definitions."""
    (old_req, old_defs), (new_req, new_defs) = _security(old_doc), _security(new_doc)

    def effective(requirements, definitions):
        return sorted(
            sorted((_scheme_text(definitions.get(name)), tuple(scopes or [])) for name, scopes in req.items())
            for req in requirements
        )

    changes = []
    if effective(old_req, old_defs) != effective(new_req, new_defs):
        def show(reqs, defs):
            return "; ".join(" + ".join(_scheme_text(defs.get(n)) for n in r) for r in reqs) or "none"
        changes.append(Change(True, "security", "security",
                              f"authentication changed: {show(old_req, old_defs)} → {show(new_req, new_defs)}"))
    elif old_req != new_req:
        changes.append(Change(False, "security", "security", "security scheme renamed, same definition"))
    return changes


def compare_servers(old_doc: dict, new_doc: dict) -> list[Change]:
    old = [s.get("url") for s in old_doc.get("servers") or []]
    new = [s.get("url") for s in new_doc.get("servers") or []]
    if old == new:
        return []
    return [Change(False, "servers", "servers", f"server URLs changed: {', '.join(old) or 'none'} → {', '.join(new) or 'none'}")]
