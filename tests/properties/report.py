"""A pytest plugin (loaded by tests/conftest.py): the property tests' tables of what they tried.

Under pytest-xdist each worker counts on its own and sends its counts to the controller when
it finishes; the controller prints the sums. (That every component is tested is not left to
these counts: test_components.py sweeps each component on its own.)
"""

from __future__ import annotations

import pytest

from . import tally
from .kinds import VENDORS, components


def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["property_tally"] = tally.export()


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    tally.merge(getattr(node, "workeroutput", {}).get("property_tally", {}))


def pytest_terminal_summary(terminalreporter):
    """The tables of what the property tests tried (under xdist, summed over the workers)."""
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
    reached = sum(1 for count in tally.components_tried.values() if count)
    write(f"tried {sum(tally.instances_tried.values())} instances; {reached} components reached")
