#!/usr/bin/env python3
"""Rtl from Python vs numpy in-process (issue 14's targets), against a silo this script starts and stops.

1. The 1,000,000-row `add` job: a 2-column <f8 structured array sent with `Client.run`, its 3-column result back
   as a numpy array; baseline: numpy doing the same add in-process plus tofile/fromfile of input and output once.
   Target: ≤ 3x.
2. A 10-row job's round trip from Python (`Client.run`, sequential): p50. Target: ≤ 2 ms.

Usage: bench/python/bench.py [--dll src/Silo/bin/Release/net10.0/rtl.dll] [--out bench/results/python.md]
Uses Debian's /usr/bin/python3 with python3-numpy.
"""

import argparse
import os
import pathlib
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "clients" / "python"))
sys.path.insert(0, str(REPO / "clients" / "python" / "tests"))

import rtl  # noqa: E402
from conftest import free_ports  # noqa: E402

ADD = {"stages": [{"tasks": [{"task": "add", "operations": [{"a": "x", "b": "y", "column": "z"}]}]}]}
ROWS = 1_000_000


def start_silo(dll, data_dir):
    silo, gateway, web = free_ports(3)
    subprocess.run(["dotnet", dll, "start", "--data-dir", data_dir, "--silo-port", str(silo), "--gateway-port", str(gateway),
                    "--web-port", str(web)], check=True, capture_output=True, timeout=180)
    return "http://127.0.0.1:{}".format(web)


def table(rows):
    generator = np.random.default_rng(14)
    records = np.zeros(rows, dtype=[("x", "<f8"), ("y", "<f8")])
    records["x"] = generator.standard_normal(rows)
    records["y"] = generator.standard_normal(rows)
    return records


def numpy_baseline(records, folder):
    """numpy's add in-process, the input written and read back once and the 3-column output written and read back once."""
    source, result = os.path.join(folder, "in.dat"), os.path.join(folder, "out.dat")
    records.tofile(source)
    read = np.fromfile(source, dtype=records.dtype)
    out = np.empty(len(read), dtype=[("x", "<f8"), ("y", "<f8"), ("z", "<f8")])
    out["x"], out["y"] = read["x"], read["y"]
    np.add(read["x"], read["y"], out=out["z"])
    out.tofile(result)
    return np.fromfile(result, dtype=out.dtype)


def timed(action, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def main():
    arguments = argparse.ArgumentParser()
    release = REPO / "src" / "Silo" / "bin" / "Release" / "net10.0" / "rtl.dll"
    arguments.add_argument("--dll", default=str(release if release.exists() else REPO / "src/Silo/bin/Debug/net10.0/rtl.dll"))
    arguments.add_argument("--out", default=str(REPO / "bench" / "results" / "python.md"))
    arguments.add_argument("--repeats", type=int, default=21)
    arguments.add_argument("--small", type=int, default=3000)
    options = arguments.parse_args()

    data_dir = tempfile.mkdtemp(prefix="rtl-bench-python-")
    scratch = tempfile.mkdtemp(prefix="rtl-bench-numpy-")
    url = start_silo(options.dll, data_dir)
    try:
        client = rtl.Client(url)
        big = table(ROWS)
        expected = big["x"] + big["y"]
        for _ in range(3):  # warm-up: JIT, connection, page faults
            assert client.run(ADD, big).table["z"].tobytes() == expected.tobytes()
            numpy_baseline(big, scratch)
        rtl_big = timed(lambda: client.run(ADD, big), options.repeats)
        numpy_big = timed(lambda: numpy_baseline(big, scratch), options.repeats)

        small = table(10)
        for _ in range(500):
            client.run(ADD, small)
        rtl_small = timed(lambda: client.run(ADD, small), options.small)
    finally:
        subprocess.run(["dotnet", options.dll, "stop", "--data-dir", data_dir], capture_output=True, timeout=120)
        shutil.rmtree(data_dir, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)

    big_ratio = statistics.median(rtl_big) / statistics.median(numpy_big)
    p50 = statistics.median(rtl_small) * 1000
    p99 = sorted(rtl_small)[int(len(rtl_small) * 0.99)] * 1000
    lines = [
        "# Python client bench (issue 14)",
        "",
        "`{}` — {} UTC, {}; numpy {} on Python {}; silo `{}`; scratch files in `{}`; load average {}.".format(
            "bench/python/bench.py", time.strftime("%Y-%m-%d %H:%M", time.gmtime()), "nproc {}".format(os.cpu_count()),
            np.__version__, platform.python_version(), os.path.relpath(options.dll, REPO), tempfile.gettempdir(),
            " ".join("{:.2f}".format(x) for x in os.getloadavg())),
        "",
        "| measure | Rtl median | baseline median | ratio | target | met? | n |",
        "|---|---:|---:|---:|---|---|---|",
        "| 1,000,000-row `add`: 2-column `<f8` array sent with `Client.run`, 3-column result back as a numpy array "
        "(baseline: numpy add in-process + `tofile`/`fromfile` of input and output) | {:.1f} ms | {:.1f} ms | {:.2f}x | ≤ 3x | {} | {}/{} |".format(
            statistics.median(rtl_big) * 1000, statistics.median(numpy_big) * 1000, big_ratio,
            "met" if big_ratio <= 3 else "**missed**", len(rtl_big), len(numpy_big)),
        "| 10-row `add` round trip from Python (`Client.run`, sequential, one kept-alive connection): p50 | {:.3f} ms | — | — "
        "| ≤ 2 ms | {} | {} after 500 warm-up; p99 {:.3f} ms; min {:.3f} ms |".format(
            p50, "met" if p50 <= 2 else "**missed**", len(rtl_small), p99, min(rtl_small) * 1000),
        "",
    ]
    pathlib.Path(options.out).write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
