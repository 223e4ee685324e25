"""A 1,000,000-row table there and back, bit for bit."""

import numpy as np

ADD = {"stages": [{"tasks": [{"task": "add", "operations": [{"a": "x", "b": "y", "column": "z"}]}]}]}


def test_a_million_rows_round_trip_bit_exact_through_run_and_through_a_durable_job(client):
    rows = 1_000_000
    generator = np.random.default_rng(14)
    table = np.zeros(rows, dtype=[("x", "<f8"), ("y", "<f8")])
    table["x"] = generator.standard_normal(rows) * 1e6
    table["y"] = generator.standard_normal(rows)
    table["x"][:4] = [np.nan, np.inf, -np.inf, -0.0]
    expected = table["x"] + table["y"]

    for result in (client.run(ADD, table).table, client.wait(client.submit(ADD, table)).table):
        assert len(result) == rows
        assert result["x"].tobytes() == table["x"].tobytes()
        assert result["y"].tobytes() == table["y"].tobytes()
        assert result["z"].tobytes() == expected.tobytes()
