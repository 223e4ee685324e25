"""The line protocol of the bench's python sides (bench/numpy/serve.py, bench/dask/serve.py), shared by both.

One JSON request per line on stdin, one JSON answer per line on stdout:
  {"key": K, "warmup": w, "min": a, "max": b, "budget": seconds} -> {"key": K, "ms": [milliseconds, ...]}
  {"rate": K, "callers": n, "seconds": s}                          -> {"key": K, "per_second": calls a second}
or {"key": K, "error": ...} when the case fails.
"""
import json
import sys
import time


def sample(fn, warmup, min_reps, max_reps, budget_s):
    """fn warmup times, then timed repetitions until min_reps and budget_s (or max_reps) are reached; ms."""
    for _ in range(warmup):
        fn()
    times = []
    start = time.perf_counter()
    # Same rule as Budget.WantsMore in the C# runner: a slow case stops at 5 repetitions past 3x the budget.
    while len(times) < max_reps and (len(times) < min_reps or time.perf_counter() - start < budget_s) \
            and not (len(times) >= 5 and time.perf_counter() - start > 3 * budget_s):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000.0)
    return times


def answer(request, cases, rates):
    if "rate" in request:
        return {"key": request["rate"], "per_second": rates[request["rate"]](request["callers"], request["seconds"])}
    fn = cases[request["key"]]
    return {"key": request["key"], "ms": sample(fn, request["warmup"], request["min"], request["max"], request["budget"])}


def serve(cases, rates=None, ready=None):
    """Says ready (with the case names and anything in ready), then answers requests until stdin closes."""
    print(json.dumps({"ready": sorted(cases), **(ready or {})}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            print(json.dumps(answer(request, cases, rates or {})), flush=True)
        except Exception as e:  # noqa: BLE001 - reported to the runner, which shows it in the table
            print(json.dumps({"key": request.get("key", request.get("rate")), "error": repr(e)}), flush=True)
