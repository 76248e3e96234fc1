"""Hypothesis profiles for the property tests.

Profiles (choose with HYPOTHESIS_PROFILE): `ci` (default; derandomized, no example
database, so a failure reproduces run to run) and `fuzz` (random, many more examples;
`make fuzz`), `dev` (the CI profile at 1/20 of the examples, for quick edits). `budget(n)`
scales a test's CI example count by the profile's factor. The tables are printed by report.py.

`PROPERTY_DEADLINE` (seconds since the epoch; `make fuzz` sets it) bounds a run: after it, a
test not yet started is skipped and a running one stops at its next instance (`spent()`), so
the run ends with its tables of what it tried instead of being killed.
"""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, Phase, settings

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
FACTOR = {"ci": 1, "fuzz": 5, "dev": 0.05}.get(PROFILE, 1)


def budget(examples: int) -> int:
    return max(1, round(examples * FACTOR))


DEADLINE = float(os.environ.get("PROPERTY_DEADLINE", "inf"))


def spent() -> None:
    """Skip the rest of the running test once the run's time budget (PROPERTY_DEADLINE) is spent."""
    if time.time() > DEADLINE:
        pytest.skip("the property run's time budget (PROPERTY_DEADLINE) is spent")


@pytest.fixture(autouse=True)
def within_budget() -> None:
    spent()
