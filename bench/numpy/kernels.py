"""numpy counterparts of every Rtl kernel, on the runner's 1,000,000-row column files.

cases(DATA_DIR) -> {key: function}; keys match bench/Rtl.Benchmarks/KernelBench.cs. serve.py times them.
group_by is compared with pandas (numpy has no group-by); without pandas that case reports it missing.
"""
import os

import numpy as np

try:
    import pandas as pd
except ImportError:
    pd = None


def cases(data):
    """Loads the column files and returns the timed functions (closures over the loaded arrays)."""
    x = np.fromfile(os.path.join(data, "x.f8"), dtype="<f8")
    y = np.fromfile(os.path.join(data, "y.f8"), dtype="<f8")
    z = np.fromfile(os.path.join(data, "z.f8"), dtype="<f8")
    w = np.fromfile(os.path.join(data, "w.f8"), dtype="<f8")
    k = np.fromfile(os.path.join(data, "k.i8"), dtype="<i8")
    g = np.fromfile(os.path.join(data, "g.i8"), dtype="<i8")
    cols = [x, y, z, w, k, g]
    n = len(x)

    def cross_average():
        r = x + y
        r += z
        r /= 3
        return r

    def cross_max():
        r = np.maximum(x, y)
        np.maximum(r, z, out=r)
        return r

    def difference():
        r = np.empty(n)
        r[0] = np.nan
        np.subtract(x[1:], x[:-1], out=r[1:])
        return r

    def filter4():
        m = (x > 100) & (x < 900) & (y >= 10) & (k != 5)
        return [c[m] for c in cols]

    def histogram():
        _, edges = np.histogram(x, bins=10)
        i = np.searchsorted(edges, x, side="left")
        return edges.take(i, mode="clip")

    def squash():
        avg = x.mean()
        mn = x.min()
        c = np.minimum(x, 2 * avg)
        mx = c.max()
        return (c - mn) / mx * 100

    def percent_of_max():
        mn = x.min()
        mx = x.max()
        return (x - mn) / (mx - mn) * 100

    def distance_from_mean(weight=0.1):
        # A recurrence over the already-clamped previous row: numpy has no vectorised form, so a Python loop
        # (the seed's own approach), over a list for speed.
        v = x.tolist()
        r = list(v)
        last = len(v) - 1
        for i in range(len(v)):
            m = r[i] if i == 0 or i == last else (r[i - 1] + r[i] + v[i + 1]) / 3
            a = m - m * weight
            b = m + m * weight
            lo, hi = (a, b) if a <= b else (b, a)
            ri = r[i]
            r[i] = lo if ri < lo else hi if ri > hi else ri
        return np.array(r)

    def classify1():
        _, inv, cnt = np.unique(k, return_inverse=True, return_counts=True)
        return inv.astype(np.int64), cnt[inv]

    def classify2():
        keys = np.stack([k, g], axis=1)
        _, inv, cnt = np.unique(keys, axis=0, return_inverse=True, return_counts=True)
        return inv.astype(np.int64), cnt[inv]

    def linear():
        m, c = np.polyfit(x, y, 1)
        r = np.corrcoef(x, y)[0, 1] ** 2
        pts = np.linspace(0, x.max(), n)
        return m * pts + c, r

    def poly3():
        coef = np.polyfit(x, y, 3)
        return np.polyval(coef, np.linspace(0, x.max(), n))

    def sort_by(col):
        idx = np.argsort(col, kind="stable")
        return [c.take(idx) for c in cols]

    def unique_last(col):
        _, idx = np.unique(col[::-1], return_index=True)
        idx = n - 1 - idx
        return [c.take(idx) for c in cols]

    frame = pd.DataFrame({"k": k, "x": x, "y": y}) if pd is not None else None

    def group_by():
        if frame is None:
            raise RuntimeError("pandas is missing (Debian: apt-get install python3-pandas)")
        return frame.groupby("k", sort=True, dropna=False).agg(
            mx=("x", "mean"), tx=("x", "max"), my=("y", "mean"), ty=("y", "max"))

    return {
        "add": lambda: np.add(x, y),
        "add scalar": lambda: np.add(x, 273.15),
        "subtract": lambda: np.subtract(x, y),
        "multiply": lambda: np.multiply(x, y),
        "divide": lambda: np.divide(x, y),
        "power (b=1.5)": lambda: np.power(x, 1.5),
        "power (b=column)": lambda: np.power(w, z),
        "power (b=2)": lambda: np.power(x, 2),
        "log": lambda: np.log(x),
        "square_root": lambda: np.sqrt(x),
        "average": lambda: np.full(n, x.mean()),
        "cross_average (3 cols)": cross_average,
        "aggregate (3 cols)": cross_average,
        "cross_max (3 cols)": cross_max,
        "difference": difference,
        "filter (4 operations, 6 cols)": filter4,
        "filter rows (x > 500)": lambda: np.flatnonzero(x > 500),
        "histogram (10 bins)": histogram,
        "normalize Squash": squash,
        "normalize PercentOfMax": percent_of_max,
        "normalize DistanceFromMean": distance_from_mean,
        "classify_static (1 key, 1000 values)": classify1,
        "classify_static (2 keys)": classify2,
        "column_space linear": lambda: np.linspace(0, x.max(), n),
        "column_space log": lambda: np.logspace(0.001, 1, n),
        "column_space sorted": lambda: np.sort(x),
        "regression Linear": linear,
        "regression Poly (d=3)": poly3,
        "sort (f8 column, 6 cols)": lambda: sort_by(x),
        "sort (i8 column, 6 cols)": lambda: sort_by(k),
        "unique (i8, 1000 values)": lambda: unique_last(k),
        "unique (f8, ~all distinct)": lambda: unique_last(x),
        "group_by (i8 key, 1000 groups; mean, max of 2 cols)": group_by,
        "null": lambda: x,
    }
