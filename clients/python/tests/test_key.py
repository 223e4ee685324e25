"""A silo with a WebApiKey: the client's key goes as the Bearer header; without it every call is refused."""

import numpy as np
import pytest

import rtl
from conftest import Silo


@pytest.fixture(scope="module")
def keyed_silo():
    running = Silo(key="python-test-key-0123456789")
    running.start()
    yield running
    running.stop()


def test_a_client_with_the_key_runs_and_one_without_it_gets_a_401(keyed_silo):
    table = {"x": np.array([1.0, 2.0])}
    pipeline = {"stages": [{"tasks": [{"task": "multiply", "operations": [{"a": "x", "b": 2, "column": "y"}]}]}]}

    with rtl.Client(keyed_silo.url, key=keyed_silo.key) as client:
        np.testing.assert_array_equal(client.run(pipeline, table).table["y"], [2.0, 4.0])
    with pytest.raises(rtl.RtlError) as error:
        rtl.Client(keyed_silo.url).run(pipeline, table)
    assert error.value.status == 401
    with pytest.raises(rtl.RtlError) as wrong:
        rtl.Client(keyed_silo.url, key="wrong").tasks()
    assert wrong.value.status == 401
