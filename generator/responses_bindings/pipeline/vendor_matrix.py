"""The vendor matrix, written as generated/VENDORS.md (`responses-bindings matrix` prints it).

One table per payload kind, a row per field pointer (flatten.py) and a column per vendor:
the type, required or optional, nullable, and a link to the vendor's note (the `source` of
the `x-differences` entry) where the field differs from the shared components. A component
already spelled out earlier is not spelled out again: its row points back to where it was.
Below the tables, per vendor, what its root changes in the shared components.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..common import pointer
from ..common.document import kind_components
from ..common.flatten import Field, flatten
from .bundle import Bundle, bundle
from .load import VendorRoot, discover_vendors

FILE_NAME = "VENDORS.md"
PLACE_RANK = {"request": 0, "response": 0, "error": 1, "event": 2}
MAX_VALUES = 6  # longer enums are shortened in a cell
KIND_TITLES = {
    "request": "Request body",
    "response": "Response body (200, application/json)",
    "error": "Error body (other status codes)",
    "event": "Stream events (200, text/event-stream)",
}


@dataclass
class VendorView:
    """One vendor's fields per kind, and which x-differences entry explains each difference."""

    root: VendorRoot
    bundled: Bundle
    kinds: dict[str, str]
    fields: dict[str, dict[str, Field]]
    shared: dict[str, dict[str, Field]]  # the same fields with no x-differences applied

    @property
    def differences(self) -> list[dict]:
        return self.bundled.document.get("x-differences") or []

    def note(self, kind: str, where: str) -> int | None:
        """The 1-based x-differences entry behind a field that differs from the shared one."""
        mine, shared = self.fields[kind].get(where), self.shared[kind].get(where)
        if mine is not None and shared is not None and mine.signature() == shared.signature():
            return None
        if mine is None and shared is None:
            return None
        fields = self.fields[kind] if mine is not None else self.shared[kind]
        field = fields[where]
        places = [(field.component, ""), (field.owner, field.local)] if field.component else [(field.owner, field.local)]
        ancestor = where
        while ancestor:
            ancestor = ancestor.rsplit("/", 1)[0]
            above = fields.get(ancestor)
            if above is not None and above.local:
                places.append((above.owner, above.local))
        for owner, local in places:
            for number, difference in enumerate(self.differences, 1):
                if difference["schema"] == owner and _touches(difference["patch"], local):
                    return number
        return None


def _touches(patch: object, local: str) -> bool:
    """Does a merge patch of a component reach the place `local` inside it?"""
    tokens = pointer.tokens(local)
    if not tokens:
        return True
    node, depth = patch, 0
    for token in tokens:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            break
        depth += 1
    return depth >= (2 if tokens[0] == "properties" and len(tokens) > 1 else 1)


def vendor_view(root: VendorRoot) -> VendorView:
    bundled = bundle(root)
    shared_root = VendorRoot(root.vendor_id, root.path, {**root.document, "x-differences": []})
    shared_doc = bundle(shared_root).document
    kinds = kind_components(bundled.document, required=False)
    schemas, shared_schemas = bundled.document["components"]["schemas"], shared_doc["components"]["schemas"]
    return VendorView(
        root, bundled, kinds,
        fields={kind: flatten(schemas, name) for kind, name in kinds.items()},
        shared={kind: flatten(shared_schemas, name) for kind, name in kind_components(shared_doc, required=False).items()},
    )


def merged_order(orders: list[list[str]]) -> list[str]:
    """All pointers of several walks, each vendor's extras placed after their predecessor
    (a linked list: `following[p]` is what comes after p, `following[None]` the first)."""
    following: dict[str | None, str | None] = {None: None}
    for order in orders:
        previous = None
        for where in order:
            if where not in following:
                following[where], following[previous] = following[previous], where
            previous = where
    merged, where = [], following[None]
    while where is not None:
        merged.append(where)
        where = following[where]
    return merged


def _escape(text: str) -> str:
    return text.replace("|", "\\|")


def _cell(view: VendorView, kind: str, where: str) -> str:
    """A vendor's cell: the field's shape, then the link to the note that changed it."""
    note = view.note(kind, where) if kind in view.fields else None
    return _shape(view, kind, where) + (f" ([note {note}](#{view.root.vendor_id}-{note}))" if note else "")


def _shape(view: VendorView, kind: str, where: str) -> str:
    """What a vendor's cell says of the field (its type, required, nullable, limits), without the note."""
    if kind not in view.fields:
        return "—"
    field = view.fields[kind].get(where)
    if field is None:
        return "—" + (" (removed)" if view.note(kind, where) else "")
    if field.variants:
        shown = " | ".join(field.types) or "any"
    elif field.enum is not None and len(field.enum) > MAX_VALUES:
        shown = " | ".join([*field.enum[:MAX_VALUES - 1], f"… {len(field.enum)} values"])
    else:
        shown = field.type_text()
    parts = [f"`{_escape(shown)}`"]
    if field.variants:
        parts[0] += f" one of {len(field.variants)}"
    if field.required is not None:
        parts.append("required" if field.required else "optional")
    if field.nullable:
        parts.append("nullable")
    parts += [f"{key} {_escape(str(value))}" for key, value in field.limits]
    if field.recursive:
        parts.append("recursive")
    return ", ".join(parts)


def _rows(views: list[VendorView], kind: str) -> list[tuple[str, str | None, bool]]:
    """Every pointer of a kind across vendors: (pointer, its component if all agree, has fields below)."""
    present = [v for v in views if kind in v.fields]
    order = merged_order([list(v.fields[kind]) for v in present])
    rows = []
    for index, where in enumerate(order):
        components = {v.fields[kind][where].component for v in present if where in v.fields[kind]}
        below = index + 1 < len(order) and order[index + 1].startswith(where + "/")
        rows.append((where, components.pop() if len(components) == 1 else None, below))
    return rows


def canonical_places(rows: dict[str, list[tuple[str, str | None, bool]]]) -> dict[str, tuple[str, str]]:
    """Where each component is spelled out: its shallowest place in the request or response
    body (else in the error body, else in the events), the first one on a tie."""
    places: dict[str, tuple[tuple[int, int], str, str]] = {}
    for kind, kind_rows in rows.items():
        for where, component, below in kind_rows:
            rank = (PLACE_RANK[kind], where.count("/"))
            if component and below and (component not in places or rank < places[component][0]):
                places[component] = (rank, kind, where)
    return {component: (kind, where) for component, (_, kind, where) in places.items()}


def _table(views: list[VendorView], kind: str, rows: list, canonical: dict[str, tuple[str, str]],
           noted: Counter, differences_only: bool = False) -> list[str]:
    """The Markdown table of one kind; counts in `noted` the rows each (vendor, note) marks."""
    lines = [
        "| Field | " + " | ".join(v.root.vendor_id for v in views) + " |",
        "|---|" + "---|" * len(views),
    ]
    differs = {where: len({_shape(v, kind, where) for v in views}) > 1 for where, _, _ in rows}
    skipped: str | None = None
    for where, component, below in rows:
        if skipped is not None and where.startswith(skipped + "/"):
            continue
        skipped = None
        label = f"`{where or '/'}`"
        if differs[where]:
            label = f"**{label}**"
        inside = False
        if component and below and canonical[component] != (kind, where):
            skipped = where
            inside = any(d for w, d in differs.items() if w.startswith(where + "/"))
            place_kind, place = canonical[component]
            label += f" — fields of `{component}` as at `{place or '/'}` ({KIND_TITLES[place_kind].split(' (')[0].lower()})"
            label += "; **vendors differ inside**" if inside else ""
        if not differences_only or differs[where] or inside:
            lines.append(f"| {label} | " + " | ".join(_cell(v, kind, where) for v in views) + " |")
            noted.update((v.root.vendor_id, v.note(kind, where)) for v in views if kind in v.fields and v.note(kind, where))
    return lines if len(lines) > 2 else ["No differences."]


def _auth(document: dict) -> str:
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    shown = []
    for requirement in document.get("security") or []:
        for name in requirement:
            scheme = schemes.get(name) or {}
            if scheme.get("type") == "http":
                shown.append(f"`Authorization: {str(scheme.get('scheme', '')).title()} <key>`")
            elif scheme.get("type") == "apiKey":
                shown.append(f"{scheme.get('in')} `{scheme.get('name')}: <key>`")
            else:
                shown.append(f"`{scheme.get('type')}`")
    return ", ".join(shown) or "none"


def _vendor_section(view: VendorView, noted: Counter) -> list[str]:
    vendor = view.root.vendor_id
    own = sorted(name for name, origin in view.bundled.origin.items() if origin == view.bundled.root_file)
    lines = [
        f"### {vendor} (`{view.bundled.root_file}`)",
        "",
        "Payload models: " + ", ".join(f"{kind} `{name}`" for kind, name in view.kinds.items()) + ".",
        "",
        "Vendor-only components: " + (", ".join(f"`{name}`" for name in own) or "none") + ".",
        "",
    ]
    if not view.differences:
        return lines + [f"No `x-differences`: {vendor} uses the shared components unchanged.", ""]
    for number, difference in enumerate(view.differences, 1):
        patched = _patch_summary(difference["patch"])
        count = noted[(vendor, number)]
        lines.append(
            f"{number}. <a id=\"{vendor}-{number}\"></a>**`{difference['schema']}`** — patches {patched}; "
            f"marks {count} row{'s' * (count != 1)} above. {' '.join(str(difference['source']).split())}"
        )
    return lines + [""]


def _patch_summary(patch: object) -> str:
    if not isinstance(patch, dict):
        return "the whole schema"
    parts = []
    for key, value in patch.items():
        if key == "properties" and isinstance(value, dict):
            parts += [f"`properties/{name}`" + " (removed)" * (sub is None) for name, sub in value.items()]
        else:
            parts.append(f"`{key}`" + " (removed)" * (value is None))
    return ", ".join(parts)


def render(spec_dir: Path, differences_only: bool = False) -> str:
    """The whole VENDORS.md text for the vendor roots of `spec_dir` (only the differing rows: shorter)."""
    views = [vendor_view(root) for root in discover_vendors(spec_dir)]
    lines = [
        "# Vendor matrix",
        "",
        "Generated from `spec/` by `responses-bindings matrix` (written by `make generate`; do not edit).",
        "",
        "| Vendor | API | Server | Authentication |",
        "|---|---|---|---|",
    ]
    for view in views:
        document = view.bundled.document
        servers = ", ".join(s.get("url", "") for s in document.get("servers") or []) or "—"
        title = f"{document['info'].get('title', '')} {document['info'].get('version', '')}".strip()
        lines.append(f"| {view.root.vendor_id} | {_escape(title)} | {servers} | {_escape(_auth(document))} |")
    lines += [
        "",
        "Each payload is flattened into fields named by JSON pointer: `[]` is any array item, `{}` any",
        "map value, `(Name)` one variant of a union (its component name, else its `type` or JSON type).",
        "A cell gives the type (a quoted list is an enum or const), whether the field is required and",
        "whether it may be `null`; `—` means the vendor has no such field. **Bold** rows differ between",
        "vendors; a note links to the vendor's `x-differences` entry that makes the field differ from the",
        "shared components. A component is spelled out once, at its shallowest place; its other rows",
        "point there.",
        "",
    ]
    if differences_only:
        lines[-1:-1] = ["", "Only the rows where vendors differ are shown (`--differences-only`)."]
    rows = {kind: _rows(views, kind) for kind in KIND_TITLES if any(kind in view.fields for view in views)}
    canonical = canonical_places(rows)
    noted: Counter = Counter()
    for kind, kind_rows in rows.items():
        roots = ", ".join(f"{v.root.vendor_id} `{v.kinds[kind]}`" for v in views if kind in v.kinds)
        table = _table(views, kind, kind_rows, canonical, noted, differences_only)
        lines += [f"## {KIND_TITLES[kind]}", "", f"Model: {roots}.", "", *table, ""]
    lines += ["## What each vendor changes in the shared components", ""]
    for view in views:
        lines += _vendor_section(view, noted)
    return "\n".join(lines).rstrip("\n") + "\n"


def _field_data(field: Field | None, note: int | None) -> dict | None:
    if field is None:
        return None if note is None else {"absent": True, "note": note}
    return {
        "types": list(field.types), "enum": None if field.enum is None else [json.loads(v) for v in field.enum],
        "required": field.required, "nullable": field.nullable, "variants": list(field.variants),
        "limits": dict(field.limits), "component": field.component, "recursive": field.recursive, "note": note,
    }


def matrix_data(spec_dir: Path, differences_only: bool = False) -> dict:
    """The matrix as data (`matrix --format json`): vendors, then per kind every field by pointer."""
    views = [vendor_view(root) for root in discover_vendors(spec_dir)]
    vendors = []
    for view in views:
        document = view.bundled.document
        vendors.append({
            "id": view.root.vendor_id, "title": document["info"].get("title"), "api_version": document["info"].get("version"),
            "servers": [s.get("url") for s in document.get("servers") or []], "authentication": _auth(document),
            "models": view.kinds, "differences": [
                {"number": number, "schema": d["schema"], "source": " ".join(str(d["source"]).split())}
                for number, d in enumerate(view.differences, 1)
            ],
        })
    kinds = {}
    for kind in (k for k in KIND_TITLES if any(k in view.fields for view in views)):
        fields = []
        for where, _, _ in _rows(views, kind):
            cells = {v.root.vendor_id: _field_data(v.fields[kind].get(where), v.note(kind, where)) if kind in v.fields else None
                     for v in views}
            shapes = {json.dumps({k: c[k] for k in c if k != "note"} if c else None, sort_keys=True) for c in cells.values()}
            if differences_only and len(shapes) == 1:
                continue
            fields.append({"pointer": where, "differs": len(shapes) > 1, "vendors": cells})
        kinds[kind] = {"title": KIND_TITLES[kind], "fields": fields}
    return {"vendors": vendors, "kinds": kinds}


def write_matrix(spec_dir: Path, out_dir: Path) -> Path:
    """Write VENDORS.md into the generated tree."""
    path = out_dir / FILE_NAME
    path.write_text(render(spec_dir), encoding="utf-8")
    return path

