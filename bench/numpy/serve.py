"""The numpy side of the benchmark, as a long-lived worker so the runner can interleave it with Rtl.

usage: serve.py KERNEL_DATA_DIR ROOT_DIR
reads one JSON request per line on stdin: {"key": ..., "warmup": w, "min": a, "max": b, "budget": seconds}
and answers one JSON line: {"key": ..., "ms": [milliseconds, ...]} (or {"error": ...}).
Keys are those of kernels.cases() and files.cases().
"""
import json
import sys
import time

import files
import kernels


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


def main():
    cases = {}
    cases.update(kernels.cases(sys.argv[1]))
    cases.update(files.cases(sys.argv[2]))
    print(json.dumps({"ready": sorted(cases)}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            fn = cases[request["key"]]
            ms = sample(fn, request["warmup"], request["min"], request["max"], request["budget"])
            print(json.dumps({"key": request["key"], "ms": ms}), flush=True)
        except Exception as e:  # noqa: BLE001 - reported to the runner, which shows it in the table
            print(json.dumps({"key": request.get("key"), "error": repr(e)}), flush=True)


if __name__ == "__main__":
    main()
