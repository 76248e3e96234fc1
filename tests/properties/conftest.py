"""Hypothesis profiles for the property tests, and the coverage table printed after them.

Profiles (choose with HYPOTHESIS_PROFILE): `ci` (default; derandomized, no example
database, so a failure reproduces run to run) and `fuzz` (random, many more examples;
`make fuzz`), `dev` (the CI profile at 1/20 of the examples, for quick edits). `budget(n)` scales a test's CI example count by the profile's factor.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

from . import tally
from .kinds import VENDORS, components

SLOW_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
# CI does not shrink (derandomized, a failure reproduces as is); fuzz shrinks.
CI_PHASES = [Phase.explicit, Phase.reuse, Phase.generate, Phase.target]
settings.register_profile(
    "ci", derandomize=True, database=None, deadline=None, suppress_health_check=SLOW_CHECKS, phases=CI_PHASES
)
settings.register_profile("fuzz", deadline=None, suppress_health_check=SLOW_CHECKS)
settings.register_profile("dev", parent=settings.get_profile("ci"))
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)
FACTOR = {"ci": 1, "fuzz": 20, "dev": 0.05}.get(PROFILE, 1)


def budget(examples: int) -> int:
    return max(1, round(examples * FACTOR))


def pytest_collection_modifyitems(items):
    """Run the coverage check after every test that feeds it."""
    last = [item for item in items if item.name.startswith("test_every_component_schema_was_reached")]
    items[:] = [item for item in items if item not in last] + last


def pytest_terminal_summary(terminalreporter):
    if not tally.ran_generation():
        return
    write = terminalreporter.write_line
    terminalreporter.section("property tests: instances per kind")
    write(f"{'vendor':8} {'kind':48} {'category':14} {'instances':>9}")
    for (vendor, label, category), count in sorted(tally.instances_tried.items()):
        write(f"{vendor:8} {label:48} {category:14} {count:>9}")
    write(f"total {sum(tally.instances_tried.values())} instances")
    terminalreporter.section("property tests: instances per component schema")
    for vendor in VENDORS:
        for name in sorted(components(vendor)):
            write(f"{vendor:8} {name:48} {tally.components_tried[(vendor, name)]:>9}")
