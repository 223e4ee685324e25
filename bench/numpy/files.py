"""numpy baselines for B (files) and the in-process halves of C (end to end).

cases(ROOT_DIR) -> {key: function}; keys match bench/Rtl.Benchmarks/FileBench.cs and EndToEndBench.cs.
"""
import ast
import base64
import os

import numpy as np


def meta_dtype(files, name):
    """The seed's .meta: base64 of str(dtype) with ( as <@ and ) as @>."""
    with open(os.path.join(files, name + ".meta"), "rb") as f:
        text = base64.b64decode(f.read()).decode().replace("@>", ")").replace("<@", "(")
    return np.dtype(ast.literal_eval(text))


def dev_steps(a):
    """dev.py's steps after the open: filter, add, divide, normalize Squash, subtract, average (bench/dask runs them too)."""
    f = a[a["numTasks"] > 1]
    shuffle = f["shuffleLocalBytesRead"] + f["shuffleRemoteBytesRead"]
    rate = shuffle / f["executorRunTime"]
    avg = rate.mean()
    mn = rate.min()
    c = np.minimum(rate, 2 * avg)
    normal = (c - mn) / c.max() * 100
    idle = f["executorRunTime"] - f["executorCpuTime"]
    idle_avg = np.full(len(f), idle.mean())
    return f, shuffle, rate, normal, idle, idle_avg


def pair_steps(a):
    """The pair row's add after the open: the input's columns and their sum."""
    return a, a["a"] + a["b"]


def cases(root):
    files = os.path.join(root, "files")

    # B. CSV -> typed columns: numpy's C loadtxt (numpy >= 1.23), the dtype given (numpy does not infer per column),
    # then contiguous columns, as Rtl returns.
    csv = os.path.join(root, "table.csv")
    csv_dtype = np.dtype([("temperature", "<f8"), ("pressure", "<f8"), ("humidity", "<f8"), ("wind", "<f8"),
                          ("sensor", "<i8"), ("count", "<i8")])

    def read_csv():
        a = np.loadtxt(csv, delimiter=",", skiprows=1, dtype=csv_dtype)
        return [np.ascontiguousarray(a[name]) for name in a.dtype.names]

    # B. .dat -> columns, warm cache: fromfile (one read) and memmap, each plus a contiguous copy per column.
    wide_dtype = meta_dtype(files, "wide")
    wide = os.path.join(files, "wide.dat")

    def read_dat_fromfile():
        a = np.fromfile(wide, dtype=wide_dtype)
        return [np.ascontiguousarray(a[name]) for name in wide_dtype.names]

    def read_dat_memmap():
        a = np.memmap(wide, dtype=wide_dtype, mode="r")
        cols = [np.ascontiguousarray(a[name]) for name in wide_dtype.names]
        del a
        return cols

    # C. dev.py's steps in-process: open, filter, add, divide, normalize Squash, subtract, average.
    dev_dtype = meta_dtype(files, "dev")
    dev = os.path.join(files, "dev.dat")

    def dev_pipeline():
        return dev_steps(np.fromfile(dev, dtype=dev_dtype))

    # C. Projection: dev.dat grouped by numTasks after the filter, the file read whole as numpy reads it; in numpy
    # alone (unique + bincount) and in pandas (numpy has no group-by of its own).
    def dev_grouped():
        a = np.fromfile(dev, dtype=dev_dtype)
        f = a[a["numTasks"] > 1]
        keys, groups = np.unique(f["numTasks"], return_inverse=True)
        counts = np.bincount(groups)
        return keys, np.bincount(groups, f["executorRunTime"]) / counts, np.bincount(groups, f["shuffleRemoteBytesRead"])

    def dev_grouped_pandas():
        import pandas as pd

        a = np.fromfile(dev, dtype=dev_dtype)
        f = a[a["numTasks"] > 1]
        frame = pd.DataFrame({name: f[name] for name in ("numTasks", "executorRunTime", "shuffleRemoteBytesRead")})
        return frame.groupby("numTasks", sort=True).agg(
            meanRunTime=("executorRunTime", "mean"), remoteBytes=("shuffleRemoteBytesRead", "sum"))

    # C. One stage over 1,000,000 rows: fromfile a 2-column .dat, add.
    pair_dtype = meta_dtype(files, "pair")
    pair = os.path.join(files, "pair.dat")

    def pair_add():
        return pair_steps(np.fromfile(pair, dtype=pair_dtype))

    return {
        "csv": read_csv,
        "dat fromfile": read_dat_fromfile,
        "dat memmap": read_dat_memmap,
        "dev pipeline": dev_pipeline,
        "pair add": pair_add,
        "dev grouped": dev_grouped,
        "dev grouped pandas": dev_grouped_pandas,
    }
