"""Run a snippet in a fresh Python process and measure it: wall time, peak memory, outcome.

Hostile-input tests measure here, not in the test process: the peak RSS of a fresh process
says what one call cost, a hard address-space limit keeps a runaway from taking the
machine down, and a timeout turns a hang into a failed test instead of a stuck suite.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from conftest import GENERATED, REPO, VENDORS

MEMORY_LIMIT = 3 << 30  # address space, bytes: far above any bound a test asserts

PRELUDE = """
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
sys.path[:0] = {paths!r}
sys.setrecursionlimit(1000)

def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def measure(run):
    '''(result, seconds, MB the peak RSS grew while `run` ran).'''
    before = peak_mb()
    start = time.perf_counter()
    result = run()
    return result, time.perf_counter() - start, peak_mb() - before
"""


def run(body: str, timeout: float = 60.0) -> dict:
    """Run `body` (which must `print(json.dumps({...}))` as its last line) and return that dict.

    A process that is killed, times out or prints no result gives {"failed": <why>}.
    """
    paths = [str(GENERATED / vendor) for vendor in VENDORS] + [str(REPO / "generator")]
    code = PRELUDE.format(limit=MEMORY_LIMIT, paths=paths) + textwrap.dedent(body)
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, cwd=REPO)
    except subprocess.TimeoutExpired:
        return {"failed": f"no result within {timeout:g} s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"failed": f"exit {done.returncode}: {done.stderr.strip()[-800:]}"}
    return json.loads(lines[-1])
