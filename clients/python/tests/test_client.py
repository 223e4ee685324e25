"""Every client call against a real silo, and the errors it raises."""

import urllib.request

import numpy as np
import pytest

import rtl

ADD = {"stages": [{"tasks": [{"task": "add", "operations": [{"a": "x", "b": "y", "column": "z"}]}]}]}


def xy(rows=5):
    table = np.zeros(rows, dtype=[("x", "<f8"), ("y", "<f8")])
    table["x"] = np.arange(rows)
    table["y"] = np.arange(rows) * 0.5
    return table


def test_run_returns_the_result_table_as_a_structured_array_with_timings(client):
    result = client.run(ADD, xy())

    assert result.table.dtype == np.dtype([("x", "<f8"), ("y", "<f8"), ("z", "<f8")])
    np.testing.assert_array_equal(result.table["z"], np.arange(5) * 1.5)
    assert result.table.flags.writeable
    assert [t["task"] for t in result.stages[0]["tasks"]] == ["add"]
    assert result.stages[0]["tasks"][0]["rows"] == 5
    assert result.stages[0]["milliseconds"] > 0
    assert len(result.job_id) == 36


def test_run_takes_a_dict_of_arrays_and_keeps_every_seed_dtype(client):
    table = {"i8": np.array([1, 2], "<i8"), "f8": np.array([0.5, 1.5]), "i4": np.array([3, 4], "<i4"),
             "f4": np.array([1.25, 2.5], "<f4"), "b1": np.array([True, False]), "u1": np.array([7, 255], "u1")}

    result = client.run({"stages": [{"tasks": [{"task": "null"}]}]}, table)

    assert [result.table.dtype[name].str for name in table] == ["<i8", "<f8", "<i4", "<f4", "|b1", "|u1"]
    for name, values in table.items():
        np.testing.assert_array_equal(result.table[name], values)


def test_run_takes_a_pandas_data_frame(client):
    # Skipped where pandas is not installed (it is optional); the dict path above is the same conversion.
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"x": [1.0, 2.0], "y": [3.0, 4.0]})
    np.testing.assert_array_equal(client.run(ADD, frame).table["z"], [4.0, 6.0])


def test_a_pipeline_without_a_table_runs_and_one_that_leaves_no_columns_has_no_table(client):
    result = client.run({"stages": [{"tasks": [{"task": "null"}]}]})

    assert result.table is None
    assert result.stages[0]["tasks"][0]["task"] == "null"


def test_a_missing_column_raises_rtl_error_with_the_located_message(client):
    with pytest.raises(rtl.RtlError) as error:
        client.run({"stages": [{"tasks": [{"task": "add", "operations": [{"a": "x", "b": "foo", "column": "z"}]}]}]}, xy())

    assert error.value.status == 400
    assert str(error.value).startswith("stage 0, task 'add', operations[0].b: column 'foo' not found (columns: x, y)")
    assert (error.value.kind, error.value.stage, error.value.task, error.value.argument) == ("argument", 0, "add", "operations[0].b")


def test_an_unknown_task_and_an_unknown_stored_pipeline_raise_rtl_error(client):
    with pytest.raises(rtl.RtlError, match="unknown task 'frobnicate'"):
        client.run({"stages": [{"tasks": [{"task": "frobnicate"}]}]}, xy())
    with pytest.raises(rtl.RtlError, match="no pipeline named 'no-such-pipeline'"):
        client.run("no-such-pipeline", xy())


def test_a_table_of_strings_is_refused_before_it_is_sent(client):
    with pytest.raises(TypeError, match="column 'name' has dtype <U1"):
        client.run(ADD, {"name": np.array(["a", "b"])})


def test_submit_wait_job_and_result_go_through_the_durable_job(client):
    job_id = client.submit(ADD, xy(7))

    done = client.wait(job_id)
    record = client.job(job_id)

    assert done.job_id == job_id
    assert record["status"] == "completed"
    assert record["rows"] == 7 and record["columns"] == ["x", "y", "z"]
    np.testing.assert_array_equal(client.result(job_id)["z"], np.arange(7) * 1.5)
    np.testing.assert_array_equal(done.table, client.result(job_id))
    assert any(job["id"] == job_id for job in client.jobs())


def test_wait_raises_the_error_of_a_job_that_fails_as_it_runs(silo, client):
    # A .npy cut short passes the check at submit (its header is fine) and fails when it is read.
    (silo.files / "raw_data").mkdir(parents=True, exist_ok=True)
    np.save(silo.files / "raw_data" / "short.npy", xy(100))
    path = silo.files / "raw_data" / "short.npy"
    path.write_bytes(path.read_bytes()[:-8])
    job_id = client.submit({"stages": [{"tasks": [
        {"task": "open_array", "path": "raw_data", "filename": "short", "extension": "npy"}]}]})

    with pytest.raises(rtl.RtlError, match="short.npy: holds 1592 data bytes") as error:
        client.wait(job_id)

    assert error.value.job_id == job_id
    assert (error.value.kind, error.value.stage, error.value.task) == ("input", 0, "open_array")


def test_job_and_result_of_an_unknown_id_raise_404s(client):
    with pytest.raises(rtl.RtlError) as error:
        client.job("00000000-0000-0000-0000-000000000000")
    assert error.value.status == 404
    with pytest.raises(rtl.RtlError, match="no job"):
        client.result("00000000-0000-0000-0000-000000000000")


def test_stored_pipelines_are_added_listed_shown_run_by_name_and_removed(client):
    client.pipelines.add("python-add", ADD)

    assert "python-add" in client.pipelines.list()
    assert client.pipelines.get("python-add")["stages"][0]["tasks"][0]["task"] == "add"
    np.testing.assert_array_equal(client.run("python-add", xy()).table["z"], np.arange(5) * 1.5)
    client.pipelines.remove("python-add")
    assert "python-add" not in client.pipelines.list()
    with pytest.raises(rtl.RtlError, match="no pipeline named 'python-add'"):
        client.pipelines.remove("python-add")


def test_a_malformed_stored_pipeline_is_refused_with_the_parse_error(client):
    with pytest.raises(rtl.RtlError) as error:
        client.pipelines.add("broken", {"stages": "not a list"})
    assert error.value.status == 400


def test_tasks_lists_every_task_with_its_arguments(client):
    tasks = {task["name"]: task for task in client.tasks()}

    assert {"add", "filter", "open_array", "simple_plot", "null"} <= set(tasks)
    assert "operations" in [argument["name"] for argument in tasks["add"]["arguments"]]


def test_a_plot_url_of_a_run_serves_the_png(client):
    result = client.run({"stages": [{"tasks": [{"task": "simple_plot", "plots": {"z": [{"x": "x", "y": "y"}]}}]}]}, xy())

    assert len(result.plots) == 1
    with urllib.request.urlopen(result.plots[0]) as png:
        assert png.read(8) == b"\x89PNG\r\n\x1a\n"


def test_an_unreachable_silo_raises_rtl_error():
    with pytest.raises(rtl.RtlError, match="Connection refused"):
        rtl.Client("http://127.0.0.1:9", timeout=5).tasks()
