"""Stage "lint": reject the spec patterns that break the downstream tools, and check what
the generator reads.

Tool rules, each because a tool misbehaves on the pattern: openapi-python-client names
classes after `title`, rejects boolean subschemas, fails on inline objects inside unions,
ignores `discriminator` (so `oneOf` variants must fail fast on a required single-value
`type`) and sends a form body when a request lists two content types;
datamodel-code-generator turns `allOf: [{$ref}, {...}]` into an empty model.

Spec rules: every component is described and cites a public source (`x-source`), every
difference cites one too, nothing cites internal notes, only the documented `x-` keys
appear, a vendor root names itself (`x-vendor-id`) and its own key variable
(`x-api-key-env`), and a difference edits a shared array with `x-append`/`x-remove`
instead of restating it. An error that a difference causes is reported in the vendor root,
inside that difference's patch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openapi_spec_validator import validate as validate_openapi
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from ..common import pointer
from ..common.document import COMPONENT_PREFIX
from ..common.walk import children, subschemas
from .bundle import Bundle, Difference, is_list_operation

# Where each documented `x-` key may appear (spec/README.md describes them).
ROOT_EXTENSIONS = {"x-differences"}
INFO_EXTENSIONS = {"x-vendor-id", "x-api-key-env"}
COMPONENT_EXTENSIONS = {"x-source"}
INTERNAL_NOTES = re.compile(r"DESIGN\.md|HELPERS\.md|vendor-docs|(?<![/\w])shared/|/work/")
URL = re.compile(r"https?://[^\s)>\]]+")
SITE = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:com|cn|net|org|io|ai)\b")


@dataclass(frozen=True)
class LintError:
    file: str
    pointer: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}#{self.pointer}: [{self.rule}] {self.message}"


def type_values(schema: dict) -> set | None:
    """The values a variant's required `type` property may take, or None."""
    if "type" not in (schema.get("required") or []):
        return None
    prop = (schema.get("properties") or {}).get("type")
    if not isinstance(prop, dict):
        return None
    if "const" in prop:
        return {prop["const"]}
    if isinstance(prop.get("enum"), list) and None not in prop["enum"]:
        return set(prop["enum"])
    return None


def is_citation(text: object) -> bool:
    """A public source: a URL, or a page named by its title and site (`"Title", example.com`)."""
    return isinstance(text, str) and bool(URL.search(text) or SITE.search(text))


def _is_object(schema: dict) -> bool:
    return schema.get("type") == "object" or "properties" in schema


def _schema_rules(schemas: dict[str, dict], schema: dict):
    """Yield (pointer, rule, message) for one component's subschemas."""
    for where, node in subschemas(schema):
        for child_where, child in children(node, where):
            if isinstance(child, bool) and not child_where.endswith("/additionalProperties"):
                yield child_where, "no-boolean-schema", "write {} for any value: one spelling of it keeps the models, the matrix and the diff simple"
        if not isinstance(node, dict):
            continue
        if "title" in node:
            yield where, "no-title", "`title` becomes a class name downstream; use `description`"
        if any(isinstance(part, dict) and "$ref" in part for part in node.get("allOf") or []):
            yield where, "no-allof-ref", "an allOf around a $ref becomes an empty model; put siblings beside the $ref"
        for keyword in ("oneOf", "anyOf"):
            for index, variant in enumerate(node.get(keyword) or []):
                if isinstance(variant, dict) and "$ref" not in variant and _is_object(variant):
                    yield pointer.join(where, keyword, index), "no-inline-union-object", "name union members as components: they become model classes, and errors name the variant"
        if node.get("oneOf"):
            yield from _one_of_rules(schemas, where, node["oneOf"])
        for key in node:
            if isinstance(key, str) and key.startswith("x-") and (key not in COMPONENT_EXTENSIONS or where):
                yield pointer.join(where, key), "known-extension", f"{key} is not a documented extension here (spec/README.md)"


def _one_of_rules(schemas: dict[str, dict], where: str, variants: list):
    seen: dict = {}
    for index, variant in enumerate(variants):
        ref = variant.get("$ref", "") if isinstance(variant, dict) else ""
        target = schemas.get(ref.removeprefix(COMPONENT_PREFIX), variant) if ref else variant
        if not isinstance(target, dict) or not _is_object(target):
            continue
        values = type_values(target)
        at = pointer.join(where, "oneOf", index)
        if values is None:
            yield at, "typed-one-of", "a oneOf object variant needs a required `type` with const/enum values (use anyOf for untyped shapes)"
            continue
        for value in sorted(values & seen.keys()):
            yield at, "typed-one-of", f"`type` value {value!r} is also taken by variant {seen[value]}"
        seen.update({value: index for value in values})


def _component_rules(schemas: dict[str, dict], name: str):
    """Yield (pointer, rule, message) for one component: the tool rules and the spec rules."""
    schema = schemas[name]
    yield from _schema_rules(schemas, schema)
    if not schema.get("description"):
        yield "", "described", "every component needs a description"
    sources = schema.get("x-source")
    sources = [sources] if isinstance(sources, str) else sources
    if not sources or not isinstance(sources, list) or not all(is_citation(s) for s in sources):
        yield "/x-source", "cited", "every component cites its public source(s) in x-source: URLs, or a page's title and site"
    yield from _internal_citations(schema, "")


def _internal_citations(node: object, where: str):
    """Yield a `no-internal-note` problem for every string that cites an internal note."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _internal_citations(value, pointer.join(where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _internal_citations(value, pointer.join(where, index))
    elif isinstance(node, str) and INTERNAL_NOTES.search(node):
        yield where, "no-internal-note", "cite public sources only; users do not have internal notes"


class _Locator:
    """Names the file and pointer where a problem found in the bundle was written."""

    def __init__(self, bundled: Bundle):
        self.bundled = bundled
        self.shared_problems: dict[str, set] = {}

    def component(self, name: str, where: str, rule: str) -> tuple[str, str]:
        """A problem at `where` in component `name`: in the shared file, or in the vendor
        root when it only appears once the root's differences are applied."""
        bundled = self.bundled
        file = bundled.origin[name]
        if file == bundled.root_file:
            return file, pointer.join("/components/schemas", name) + where
        patched = [d for d in bundled.differences if d.schema == name]
        if rule == "openapi-3.1":  # no shared-only run to compare with: trust the patch's reach
            depth, inside = self.in_patch(patched, where)
            return (bundled.root_file, inside) if depth else (file, where)
        if (where, rule) in self.shared(name):
            return file, where
        return bundled.root_file, self.in_patch(patched, where)[1]

    def shared(self, name: str) -> set:
        """The problems of a component as the shared files write it, before any difference."""
        if name not in self.shared_problems:
            schemas = self.bundled.shared
            found = set() if name not in schemas else {(w, r) for w, r, _ in _component_rules(schemas, name)}
            self.shared_problems[name] = found
        return self.shared_problems[name]

    @staticmethod
    def in_patch(differences: list[Difference], where: str) -> tuple[int, str]:
        """The place in the vendor root's differences that reaches `where` deepest (the last
        difference on a tie), and how deep; `/x-differences` when none patches the component."""
        best = 0, "/x-differences"
        for difference in differences:
            depth, inside = patch_pointer(difference, where)
            if depth >= best[0]:
                best = depth, pointer.join("/x-differences", difference.index, "patch") + inside
        return best

    def document(self, where: str) -> tuple[str, str]:
        """The file and pointer of a place in the bundled document."""
        tokens = [t.replace("~1", "/").replace("~0", "~") for t in where.split("/")[1:]]
        if len(tokens) >= 3 and tokens[:2] == ["components", "schemas"] and tokens[2] in self.bundled.origin:
            rest = pointer.join("", *tokens[3:])
            return self.component(tokens[2], rest, "openapi-3.1")
        if len(tokens) >= 2 and tokens[0] == "paths" and tokens[1] in self.bundled.path_origin:
            return self.bundled.path_origin[tokens[1]], pointer.join("", *tokens[2:])
        return self.bundled.root_file, where


def patch_pointer(difference: Difference, where: str) -> tuple[int, str]:
    """How deep a patch reaches along `where` (a pointer in the patched component), and the
    pointer inside the patch that it reaches; an index past the shared array is an `x-append` member."""
    node, before, depth, inside = difference.patch, difference.before, 0, ""
    for token in [t.replace("~1", "/").replace("~0", "~") for t in where.split("/")[1:]]:
        if is_list_operation(node) and isinstance(before, list) and token.isdigit():
            appended, at = node.get("x-append") or [], int(token) - (len(before) - len(node.get("x-remove") or []))
            if not 0 <= at < len(appended):
                break
            node, before = appended[at], None
            inside, depth = pointer.join(inside, "x-append", at), depth + 1
        elif isinstance(node, dict) and token in node:
            node, before = node[token], before.get(token) if isinstance(before, dict) else None
            inside, depth = pointer.join(inside, token), depth + 1
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node, before = node[int(token)], None
            inside, depth = pointer.join(inside, token), depth + 1
        else:
            break
    return depth, inside


def _restated_arrays(patch: object, before: object, where: str):
    """Yield the places where a patch replaces an array of the shared component with a list."""
    if isinstance(patch, list) and isinstance(before, list):
        yield where
    elif isinstance(patch, dict) and isinstance(before, dict) and not is_list_operation(patch):
        for key, value in patch.items():
            yield from _restated_arrays(value, before.get(key), pointer.join(where, key))


def _without_examples(node: object) -> object:
    """`node` without its `examples` (vendor payloads, quoted verbatim, are not citations)."""
    if isinstance(node, dict):
        return {k: _without_examples(v) for k, v in node.items() if k != "examples"}
    return node


def _operation_rules(document: dict):
    for path, item in (document.get("paths") or {}).items():
        for method, operation in item.items():
            body = (operation.get("requestBody") or {}).get("content") or {}
            if body and list(body) != ["application/json"]:
                where = pointer.join("/paths", path, method, "requestBody", "content")
                yield where, "json-request-only", "list only application/json as the request content type"


def _root_rules(bundled: Bundle):
    """Yield (pointer, rule, message) for what the generator reads from the vendor root."""
    document, vendor = bundled.document, bundled.vendor_id
    info = document.get("info") or {}
    if info.get("x-vendor-id") != vendor:
        yield "/info/x-vendor-id", "vendor-root", f"x-vendor-id must be {vendor!r}, the root's file name"
    key_env = info.get("x-api-key-env")
    if not (isinstance(key_env, str) and re.fullmatch(re.escape(vendor.upper()) + r"_[A-Z0-9_]*KEY", key_env)):
        yield "/info/x-api-key-env", "vendor-root", f"x-api-key-env must name this vendor's key variable, like {vendor.upper()}_API_KEY"
    for where, keys, allowed in (("", document, ROOT_EXTENSIONS), ("/info", info, INFO_EXTENSIONS)):
        for key in keys:
            if isinstance(key, str) and key.startswith("x-") and key not in allowed:
                yield pointer.join(where, key), "known-extension", f"{key} is not a documented extension here (spec/README.md)"
    for index, difference in enumerate(document.get("x-differences") or []):
        if not is_citation(difference.get("source")):
            yield pointer.join("/x-differences", index, "source"), "cited", "a difference cites its public source: a URL, or a page's title and site"
    for applied in bundled.differences:
        for where in _restated_arrays(applied.patch, applied.before, ""):
            yield (pointer.join("/x-differences", applied.index, "patch") + where, "patch-append",
                   "this list replaces the shared array, dropping what is added to it later; edit it with x-append / x-remove")
    for where, rule, message in _internal_citations({k: v for k, v in document.items() if k not in ("components", "paths")}, ""):
        yield where, rule, message
    for name, scheme in ((document.get("components") or {}).get("securitySchemes") or {}).items():
        for where, rule, message in _internal_citations(scheme, pointer.join("/components/securitySchemes", name)):
            yield where, rule, message


def lint(bundled: Bundle) -> list[LintError]:
    """All rule violations of one vendor's bundle, each named by the file and pointer that wrote it."""
    errors = []
    document = bundled.document
    schemas = document["components"]["schemas"]
    locate = _Locator(bundled)
    for name in schemas:
        for where, rule, message in _component_rules(schemas, name):
            errors.append(LintError(*locate.component(name, where, rule), rule, message))
    for where, rule, message in _operation_rules(document):
        errors.append(LintError(*locate.document(where), rule, message))
    for path, item in (document.get("paths") or {}).items():
        for where, rule, message in _internal_citations(_without_examples(item), pointer.join("/paths", path)):
            errors.append(LintError(*locate.document(where), rule, message))
    for where, rule, message in _root_rules(bundled):
        errors.append(LintError(bundled.root_file, where, rule, message))
    try:
        validate_openapi(document)
    except OpenAPIValidationError as exc:
        where = pointer.from_path(exc.absolute_path) if hasattr(exc, "absolute_path") else ""
        errors.append(LintError(*locate.document(where), "openapi-3.1", exc.message))
    return errors
