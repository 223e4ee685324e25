"""Tables as Rtl takes them: numpy structured arrays of the seed's dtypes, and their ``.npy`` bytes."""

import ast

import numpy as np

# The seed's dtypes, little-endian: what a silo reads and writes.
SUPPORTED = ("<i8", "<f8", "<i4", "<f4", "|b1", "|u1")


def to_structured(table):
    """A numpy structured array (C-contiguous, packed, little-endian) from a structured array, a dict of 1-D arrays
    or a pandas DataFrame. Columns of other integer or float widths are widened to ``<i8`` / ``<f8``."""
    if isinstance(table, np.ndarray) and table.dtype.names:
        names = table.dtype.names
        columns = {name: table[name] for name in names}
        dtype = np.dtype([(name, _field_dtype(name, table.dtype[name])) for name in names])
        if table.ndim == 1 and dtype == table.dtype and table.dtype.itemsize == dtype.itemsize and table.flags.c_contiguous:
            return table
        if table.ndim != 1:
            raise TypeError("a table is a 1-D structured array, not shape {}".format(table.shape))
    elif isinstance(table, dict):
        columns = {str(name): np.asarray(values) for name, values in table.items()}
    elif hasattr(table, "columns") and hasattr(table, "to_numpy"):  # a pandas DataFrame, without importing pandas
        columns = {str(name): table[name].to_numpy() for name in table.columns}
    else:
        raise TypeError("a table is a numpy structured array, a dict of 1-D arrays or a pandas DataFrame, not {}"
                        .format(type(table).__name__))
    if not columns:
        raise TypeError("a table needs at least one column")
    lengths = {name: len(values) for name, values in columns.items()}
    for name, values in columns.items():
        if values.ndim != 1:
            raise TypeError("column '{}' is not 1-D (shape {})".format(name, values.shape))
    if len(set(lengths.values())) > 1:
        raise TypeError("columns differ in length: {}".format(lengths))
    dtype = np.dtype([(name, _field_dtype(name, values.dtype)) for name, values in columns.items()])
    records = np.empty(next(iter(lengths.values())), dtype=dtype)
    for name, values in columns.items():
        records[name] = values
    return records


def _field_dtype(name, dtype):
    if dtype.kind == "b":
        return "|b1"
    if dtype.kind == "u" and dtype.itemsize == 1:
        return "|u1"
    if dtype.kind in "iu":
        return "<i4" if dtype.kind == "i" and dtype.itemsize == 4 else "<i8"
    if dtype.kind == "f":
        return "<f4" if dtype.itemsize == 4 else "<f8"
    raise TypeError("column '{}' has dtype {}; Rtl columns are numbers: {}".format(name, dtype, ", ".join(SUPPORTED)))


def npy_header(records):
    """The bytes ``np.save`` writes before the records (format 1.0, padded to 64 bytes; 2.0 when the header is long)."""
    text = "{{'descr': {!r}, 'fortran_order': False, 'shape': ({},), }}".format(
        np.lib.format.dtype_to_descr(records.dtype), len(records))
    body = text.encode("latin1")
    for version, prefix in ((1, 10), (2, 12)):
        size = prefix + len(body) + 1
        padded = body + b" " * ((64 - size % 64) % 64) + b"\n"
        if version == 2 or len(padded) < 65536:
            length = len(padded).to_bytes(2 if version == 1 else 4, "little")
            return b"\x93NUMPY" + bytes([version, 0]) + length + padded
    raise AssertionError("unreachable")


def record_bytes(records):
    """The records' bytes without a copy."""
    return memoryview(records.view(np.uint8)) if len(records) else memoryview(b"")


def from_npy(buffer, offset, end):
    """A structured array over ``buffer[offset:end]`` (a ``.npy``), without copying the records."""
    view = memoryview(buffer)
    if bytes(view[offset:offset + 6]) != b"\x93NUMPY":
        raise ValueError("the silo's table is not a .npy")
    major = view[offset + 6]
    width = 2 if major == 1 else 4
    start = offset + 8 + width
    length = int.from_bytes(view[offset + 8:start], "little")
    header = ast.literal_eval(bytes(view[start:start + length]).decode("latin1" if major < 3 else "utf8"))
    dtype = np.dtype(header["descr"])
    rows = header["shape"][0] if header["shape"] else 1
    data = start + length
    if end - data != rows * dtype.itemsize:
        raise ValueError("the silo's .npy holds {} data bytes, its header needs {}".format(end - data, rows * dtype.itemsize))
    return np.frombuffer(buffer, dtype=dtype, count=rows, offset=data)
