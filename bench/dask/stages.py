"""The functions the Dask workers run, in a module of their own so a task names them rather than carrying their code."""
import numpy as np


def open_dat(path, dtype):
    """An open_array stage: the whole .dat read into a structured array."""
    return np.fromfile(path, dtype=dtype)


def open_then(steps, path, dtype):
    """A stage that opens the .dat and runs steps on it, as Rtl's one-stage open + add."""
    return steps(np.fromfile(path, dtype=dtype))


def identity(value):
    """The null task."""
    return value
