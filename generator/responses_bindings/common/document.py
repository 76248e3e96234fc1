"""What a bundled vendor document says about its one operation, `POST /v1/responses`:
how components are referenced, which component each payload kind is, how the key is sent,
and the documented examples.

The payload kinds are the JSON request body (`request`), the JSON 200 answer (`response`),
the event-stream 200 answer (`event`) and the JSON `default` answer (`error`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import SpecError
from . import pointer

COMPONENT_PREFIX = "#/components/schemas/"
RESPONSES_PATH = "/v1/responses"
OPERATION_POINTER = pointer.join("/paths", RESPONSES_PATH, "post")

# kind -> (where in the operation, media type)
KIND_LOCATIONS = {
    "request": ("requestBody", "application/json"),
    "response": ("200", "application/json"),
    "error": ("default", "application/json"),
    "event": ("200", "text/event-stream"),
}
RECEIVED_KINDS = frozenset({"response", "error", "event"})


def component_ref(name: str) -> str:
    return COMPONENT_PREFIX + name


def component_name(ref: object) -> str | None:
    """The component a `$ref` names, or None when it is not a component reference."""
    return ref.removeprefix(COMPONENT_PREFIX) if isinstance(ref, str) and ref.startswith(COMPONENT_PREFIX) else None


def operation(document: dict) -> dict:
    """The operation object, or {} when the document has none."""
    return ((document.get("paths") or {}).get(RESPONSES_PATH) or {}).get("post") or {}


def the_operation(document: dict) -> dict:
    """The operation object; a SpecError when it is missing."""
    found = operation(document)
    if not found:
        raise SpecError("openapi.json", OPERATION_POINTER, f"the POST {RESPONSES_PATH} operation is missing")
    return found


def kind_media(operation_object: dict, kind: str) -> dict:
    """The media type object that carries payloads of `kind`, or {}."""
    where, media_type = KIND_LOCATIONS[kind]
    holder = operation_object.get("requestBody") if where == "requestBody" else (operation_object.get("responses") or {}).get(where)
    return ((holder or {}).get("content") or {}).get(media_type) or {}


def kind_components(document: dict, *, required: bool = True) -> dict[str, str]:
    """Each payload kind's root component. With `required`, every kind must have one."""
    found = {}
    for kind, (_, media_type) in KIND_LOCATIONS.items():
        name = component_name(kind_media(the_operation(document) if required else operation(document), kind).get("schema", {}).get("$ref"))
        if name is not None:
            found[kind] = name
        elif required:
            raise SpecError("openapi.json", f"{OPERATION_POINTER} ({kind})", f"{media_type} must $ref a component")
    return found


def auth_header(document: dict) -> tuple[str, str]:
    """(header name, value prefix) of the operation's security scheme."""
    requirements = document.get("security") or [{}]
    names = list(requirements[0])
    schemes = document.get("components", {}).get("securitySchemes", {})
    if len(names) != 1 or names[0] not in schemes:
        raise SpecError("openapi.json", "/security", "expected exactly one security scheme, defined in components.securitySchemes")
    scheme = schemes[names[0]]
    if scheme.get("type") == "http" and scheme.get("scheme", "").lower() == "bearer":
        return "Authorization", "Bearer "
    if scheme.get("type") == "apiKey" and scheme.get("in") == "header":
        return scheme["name"], ""
    raise SpecError("openapi.json", pointer.join("/components/securitySchemes", names[0]), "only http bearer and apiKey-in-header are supported")


@dataclass(frozen=True)
class Example:
    vendor_id: str
    kind: str
    name: str
    value: object


def documented_examples(vendor_id: str, document: dict) -> list[Example]:
    """Every `examples` entry of the operation, with the payload kind it belongs to."""
    found = []
    for kind in KIND_LOCATIONS:
        media = kind_media(the_operation(document), kind)
        for name, example in sorted((media.get("examples") or {}).items()):
            found.append(Example(vendor_id, kind, name, example["value"]))
    return found
