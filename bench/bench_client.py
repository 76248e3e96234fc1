"""Client benchmark: our generated client vs openai-python against the same loopback mock gateway.

For each vendor the mock (`responses-bindings mock`) runs in its own process on 127.0.0.1, so
client and server never share a GIL. Measured in this run, best of several alternating rounds:
- calls/s of `Client.responses.create` vs `openai.OpenAI().responses.create` (goal >= 1.5x),
- stream events/s of our Stream vs openai's stream (goal >= 2x),
- the import time of `<vendor>_responses` in a fresh interpreter (goal <= 0.15 s) next to
  `openai`'s, and the time to `import` plus get `Client`.
A stdlib http.client loop gives the server's own ceiling, to show it is not the bottleneck.
BENCH_GENERATED=DIR measures the packages generated in DIR instead (the mock still serves from generated/).
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GENERATED = REPO / "generated"
CLIENTS = Path(os.environ.get("BENCH_GENERATED", GENERATED))  # whose client is measured (e.g. an older tree, to compare)
VENDORS = ("ai360", "zhixin")
KEY = "sk-bench"
ROUNDS = 5
CALLS = 300
STREAMS = 20
IMPORT_RUNS = 7
GOALS = {"calls": 1.5, "events": 2.0, "import": 0.15}


def start_mock(vendor: str) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "responses_bindings", "--out", str(GENERATED), "mock", "--vendor", vendor, "--port", "0"],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )
    line = process.stdout.readline()
    return process, line.split(" gateway on ", 1)[1].split()[0]


def best_rate(run, count: int) -> float:
    """The best per-second rate of `run()` (which does `count` units) over ROUNDS rounds."""
    rates = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        done = run()
        rates.append((done or count) / (time.perf_counter() - start))
    return max(rates)


def clients(vendor: str, url: str):
    sys.path.insert(0, str(CLIENTS / vendor))
    package = __import__(f"{vendor}_responses")
    import openai

    ours = package.Client(api_key=KEY, base_url=url, max_retries=0)
    auth = package._vendor.AUTH_PREFIX + KEY
    theirs = openai.OpenAI(api_key=KEY, base_url=url + "/v1", max_retries=0, default_headers={package._vendor.AUTH_HEADER: auth})
    return package, ours, theirs, auth


def server_ceiling(url: str, auth: str) -> float:
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port))
    body = json.dumps({"model": "m", "input": "hi"})
    headers = {"Authorization": auth, "Content-Type": "application/json"}

    def run():
        for _ in range(CALLS):
            connection.request("POST", "/v1/responses", body, headers)
            connection.getresponse().read()

    run()
    return best_rate(run, CALLS)


def call_rates(ours, theirs) -> tuple[float, float, float, float]:
    """Best calls/s of each client, and its least client-process CPU microseconds per call."""
    def ours_run():
        for _ in range(CALLS):
            ours.responses.create(model="m", input="hi")

    def theirs_run():
        for _ in range(CALLS):
            theirs.responses.create(model="m", input="hi")

    ours_run(), theirs_run()  # warm up: imports, connections, caches
    rates = {"ours": [], "theirs": []}
    cpu = {"ours": [], "theirs": []}
    for _ in range(ROUNDS):  # alternate so drift hits both alike
        for name, run in (("ours", ours_run), ("theirs", theirs_run)):
            start, start_cpu = time.perf_counter(), time.process_time()
            run()
            rates[name].append(CALLS / (time.perf_counter() - start))
            cpu[name].append((time.process_time() - start_cpu) / CALLS * 1e6)
    return max(rates["ours"]), max(rates["theirs"]), min(cpu["ours"]), min(cpu["theirs"])


def stream_events(client) -> int:
    """Events read over STREAMS streamed calls (both clients share this call shape)."""
    total = 0
    for _ in range(STREAMS):
        with client.responses.create(model="m", input="hi", stream=True) as stream:
            total += sum(1 for _ in stream)
    return total


def event_rates(ours, theirs) -> tuple[float, float, int]:
    per_stream = stream_events(ours) // STREAMS
    if stream_events(theirs) // STREAMS != per_stream:
        raise SystemExit("openai and our client saw a different number of events")
    rates = {"ours": [], "theirs": []}
    for _ in range(ROUNDS):
        for name, client in (("ours", ours), ("theirs", theirs)):
            start = time.perf_counter()
            events = stream_events(client)
            rates[name].append(events / (time.perf_counter() - start))
    return max(rates["ours"]), max(rates["theirs"]), per_stream


def import_seconds(statement: str, vendor: str) -> float:
    """Median wall time of `statement` in a fresh interpreter (after one warm-up for the disk cache)."""
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    env_path = str(CLIENTS / vendor)
    runs = []
    for _ in range(IMPORT_RUNS + 1):
        done = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {env_path!r}); {code}"], capture_output=True, text=True, check=True)
        runs.append(float(done.stdout))
    return statistics.median(runs[1:])


def verdict(ok: bool) -> str:
    return "meets goal" if ok else "MISSES goal"


def main() -> int:
    print(f"client benchmark (python {sys.version.split()[0]}; best of {ROUNDS} rounds; mock gateway in its own process)")
    for vendor in VENDORS:
        process, url = start_mock(vendor)
        try:
            package, ours, theirs, auth = clients(vendor, url)
            ceiling = server_ceiling(url, auth)
            ours_calls, theirs_calls, ours_cpu, theirs_cpu = call_rates(ours, theirs)
            ours_events, theirs_events, per_stream = event_rates(ours, theirs)
        finally:
            process.terminate()
            process.wait(timeout=10)
        ours_import = import_seconds(f"import {vendor}_responses", vendor)
        ours_ready = import_seconds(f"import {vendor}_responses as p; p.Client", vendor)
        theirs_import = import_seconds("import openai", vendor)
        calls_ratio, events_ratio = ours_calls / theirs_calls, ours_events / theirs_events
        print(f"\n{vendor} ({url}; {per_stream} events per stream)")
        print(f"  {'measure':<34} {'ours':>12} {'openai':>12} {'ratio':>8}")
        print(f"  {'calls/s (create, non-stream)':<34} {ours_calls:>12,.0f} {theirs_calls:>12,.0f} {calls_ratio:>7.2f}x  {verdict(calls_ratio >= GOALS['calls'])} (>= {GOALS['calls']}x)")
        print(f"  {'client CPU per call, us':<34} {ours_cpu:>12,.0f} {theirs_cpu:>12,.0f} {theirs_cpu / ours_cpu:>7.2f}x  (client process only; steadier on a busy machine)")
        print(f"  {'stream events/s':<34} {ours_events:>12,.0f} {theirs_events:>12,.0f} {events_ratio:>7.2f}x  {verdict(events_ratio >= GOALS['events'])} (>= {GOALS['events']}x)")
        print(f"  {'import time, s':<34} {ours_import:>12.3f} {theirs_import:>12.3f} {theirs_import / ours_import:>7.1f}x  {verdict(ours_import <= GOALS['import'])} (<= {GOALS['import']} s)")
        print(f"  {'import + Client, s':<34} {ours_ready:>12.3f} {'':>12} {'':>8}  (loads httpx, pydantic and the models)")
        print(f"  {'server ceiling, calls/s':<34} {ceiling:>12,.0f} {'':>12} {'':>8}  (stdlib http.client, no parsing)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
