"""The seed's API: ``Transform().execute(DSDSL).result()`` with the seed's dict shape and ``task_`` names."""

import io
import re

import numpy as np
import pytest

import rtl
from rtl.common.transform import Transform

# dev.py's shape: int stage keys, a dict of tasks by their seed names.
DSDSL = {
    0: {"tasks": {"task_filter": {"operations": [{"column": "x", "value": 1, "method": "gt"}]},
                  "task_add": {"operations": [{"a": "x", "b": "y", "column": "a1"},
                                              {"a": "a1", "b": "y", "column": "total"}]}}},
    1: {"tasks": {"task_average": {"operations": [{"a": "total", "column": "avg"}]}}},
}


def table():
    return {"x": np.array([0.0, 1.0, 2.0, 3.0]), "y": np.array([10.0, 20.0, 30.0, 40.0])}


def test_transform_runs_the_seed_dict_shape_against_rtl_url_and_prints_the_seed_lines(silo, monkeypatch):
    monkeypatch.setenv("RTL_URL", silo.url)
    out = io.StringIO()

    envelope = Transform(out=out).execute(DSDSL, table())
    result = envelope.result()

    np.testing.assert_array_equal(result["total"], [2.0 + 60.0, 3.0 + 80.0])
    np.testing.assert_array_equal(result["avg"], [72.5, 72.5])
    lines = out.getvalue().splitlines()
    job = envelope.getId()
    assert lines[0] == "Running: 0 - {}".format(job)
    assert lines[1] == "Running: filter"
    assert lines[2] == "=> Filtered Results: (2,)"
    assert re.fullmatch(r"Completed: \d+\.\d\d ms filter", lines[3])
    assert lines[4] == "Running: add"
    assert "Running: 1 - {}".format(job) in lines
    assert re.fullmatch(r"Total Elapsed Time: \d+\.\d{6}", lines[-1])


def test_transform_runs_a_seed_pipeline_that_opens_its_own_data(silo, monkeypatch):
    monkeypatch.setenv("RTL_URL", silo.url)
    (silo.files / "raw_data").mkdir(parents=True, exist_ok=True)
    numbers = np.zeros(3, dtype=[("a", "<i8"), ("b", "<f8")])
    numbers["a"], numbers["b"] = [1, 2, 3], [0.5, 0.25, 0.125]
    np.save(silo.files / "raw_data" / "numbers.npy", numbers)
    dsdsl = {0: {"tasks": {"task_open_array": {"filename": "numbers", "path": "raw_data", "extension": "npy"}}},
             1: {"tasks": {"task_multiply": {"operations": [{"a": "a", "b": "b", "column": "ab"}]}}}}

    result = Transform(out=io.StringIO()).execute(dsdsl).result()

    assert result.dtype.names == ("a", "b", "ab")
    np.testing.assert_array_equal(result["ab"], [0.5, 0.5, 0.375])


def test_transform_raises_the_silos_error_for_a_bad_dsdsl(silo, monkeypatch):
    monkeypatch.setenv("RTL_URL", silo.url)

    with pytest.raises(rtl.RtlError, match="column 'nope' not found"):
        Transform(out=io.StringIO()).execute({0: {"tasks": {"task_add": {"operations": [{"a": "nope", "b": 1, "column": "c"}]}}}}, table())
