"""Every component schema on its own: generated instances of it agree between the JSON Schema
oracle and its pydantic model (accepted, written back unchanged).

Kind-level instances reach deeply nested components (say a web search source inside an
action inside an output item) only by chance; this sweep reaches each one by construction,
so no component goes untested whatever the kind-level draws happen to pick.
"""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from jsonschema import Draft202012Validator
from pydantic import TypeAdapter

from . import tally
from .conftest import budget
from .kinds import DEFS_PREFIX, VENDORS, components, root_name
from .strategies import component_instances
from conftest import canonical_json, vendor_package

CASES = [(vendor, name) for vendor in VENDORS for name in sorted(components(vendor))]


@cache
def oracle(vendor: str, name: str) -> Draft202012Validator:
    return Draft202012Validator({"$defs": components(vendor), "$ref": DEFS_PREFIX + name})


@cache
def adapter(vendor: str, name: str) -> TypeAdapter:
    """The model of a component; the response kind's root is named `Response` in the models."""
    models = vendor_package(vendor).models
    model = getattr(models, name, None)
    if model is None and name == root_name(vendor, "response"):
        model = models.Response
    return TypeAdapter(model)


@pytest.mark.parametrize(("vendor", "name"), CASES, ids=[f"{v}-{n}" for v, n in CASES])
def test_component_instances_fit_the_schema_and_the_model(vendor, name):
    @settings(max_examples=budget(10))
    @given(component_instances(vendor, name))
    def run(instance):
        errors = [error.message for error in oracle(vendor, name).iter_errors(instance)]
        assert not errors, f"the oracle rejects a generated {name}: {errors[:3]}"
        value = adapter(vendor, name).validate_python(instance, strict=True)
        dumped = adapter(vendor, name).dump_python(value, mode="json", by_alias=True, exclude_unset=True)
        assert canonical_json(dumped) == canonical_json(instance), f"{name} does not write back what it read"
        tally.components_tried[(vendor, name)] += 1

    run()
