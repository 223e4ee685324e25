"""The client: runs pipelines on an Rtl silo over its HTTP API, tables as numpy structured arrays."""

import json
import os
import time
import urllib.parse

import numpy as np

from . import tables, wire
from .errors import RtlError

DEFAULT_URL = "http://127.0.0.1:8080"


class Result:
    """A finished job: ``table`` (a numpy structured array, or None), ``stages`` (per stage: ``stage``, ``silo``,
    ``milliseconds``, ``rows``, ``tasks`` with their own ``milliseconds``, ``rows``, ``notes``, ``files``),
    ``plots`` (absolute URLs of its PNGs), ``job_id``, ``milliseconds`` and ``job`` (the silo's whole record)."""

    def __init__(self, job, table, base_url):
        self.job = job
        self.job_id = job["id"]
        self.table = table
        self.stages = job.get("stages", [])
        self.milliseconds = job.get("milliseconds", 0.0)
        self.plots = [base_url + plot for plot in job.get("plots", [])]

    def __repr__(self):
        rows = None if self.table is None else len(self.table)
        return "Result(job_id={!r}, rows={}, stages={}, plots={})".format(self.job_id, rows, len(self.stages), len(self.plots))


class Pipelines:
    """The cluster's stored pipelines (``rtl pipeline``): ``add(name, pipeline)``, ``list()``, ``get(name)``,
    ``remove(name)``."""

    def __init__(self, client):
        self._client = client

    def add(self, name, pipeline):
        return self._client._json("PUT", "/api/pipelines/" + _quote(name), body=_pipeline_json(pipeline).encode("utf8"),
                                  headers={"Content-Type": "application/json"})

    def list(self):
        return self._client._json("GET", "/api/pipelines")

    def get(self, name):
        return self._client._json("GET", "/api/pipelines/" + _quote(name))

    def remove(self, name):
        self._client._json("DELETE", "/api/pipelines/" + _quote(name))


class Client:
    """A connection to one silo's web app, e.g. ``Client("http://pi1:8080", key=os.environ["RTL_WebApiKey"])``;
    without a url, ``RTL_URL`` or ``http://127.0.0.1:8080``.

    ``key`` is the silo's ``WebApiKey`` (sent as ``Authorization: Bearer``); ``timeout`` bounds each request and
    ``wait``. Pipelines are dicts in either JSON shape (the seed's ``{0: {"tasks": {"task_add": {...}}}}`` or
    ``{"stages": [...]}``) or a stored pipeline's name; tables are numpy structured arrays, dicts of 1-D arrays or
    pandas DataFrames. Every refusal and failed job raises :class:`RtlError` with the silo's message."""

    def __init__(self, url=None, key=None, timeout=300.0):
        self.url = (url or os.environ.get("RTL_URL") or DEFAULT_URL).rstrip("/")
        self.timeout = timeout
        self._connection = wire.Connection(self.url, key, timeout)
        self.pipelines = Pipelines(self)

    def close(self):
        self._connection.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def run(self, pipeline, table=None):
        """Runs the pipeline at once on the silo (``POST /api/run``, nothing stored) and returns its :class:`Result`."""
        status, content_type, data = self._post_form("/api/run", pipeline, table)
        if status != 200:
            raise wire.error_of(status, content_type, data, "POST /api/run")
        found = wire.parts(content_type, data)
        start, end = found["job"]
        job = json.loads(bytes(data[start:end]))
        result_table = tables.from_npy(data, *found["table"]) if "table" in found else None
        return Result(job, result_table, self.url)

    def submit(self, pipeline, table=None):
        """Submits a durable job (``POST /api/jobs``: stored, listed on the jobs page, resumed if its silo dies); returns its id."""
        status, content_type, data = self._post_form("/api/jobs", pipeline, table)
        if status != 201:
            raise wire.error_of(status, content_type, data, "POST /api/jobs")
        return json.loads(bytes(data))["id"]

    def job(self, job_id):
        """The job's record as the silo shows it (``status``: running, completed or failed; ``stages``; ``error`` ...)."""
        return self._json("GET", "/api/jobs/" + _quote(str(job_id)))

    def jobs(self, count=20):
        return self._json("GET", "/api/jobs?count={}".format(int(count)))

    def wait(self, job_id, timeout=None):
        """Polls until the job has completed or failed and returns its :class:`Result`; a failed job raises RtlError."""
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        delay = 0.002
        while True:
            record = self.job(job_id)
            if record["status"] == "failed":
                raise RtlError(record.get("error") or "job {} failed".format(job_id), None, record["id"], record.get("failure"))
            if record["status"] == "completed":
                return Result(record, self.result(job_id) if record.get("result") else None, self.url)
            if time.monotonic() > deadline:
                raise RtlError("job {} still running after {} s".format(job_id, timeout or self.timeout), None, job_id)
            time.sleep(delay)
            delay = min(delay * 2, 0.25)

    def result(self, job_id):
        """A completed job's result table (``GET /api/jobs/{id}/result.npy``) as a numpy structured array."""
        path = "/api/jobs/{}/result.npy".format(_quote(str(job_id)))
        status, content_type, data = self._connection.request("GET", path)
        if status != 200:
            raise wire.error_of(status, content_type, data, "GET " + path)
        return tables.from_npy(data, 0, len(data))

    def tasks(self):
        """Every task the cluster runs, with its arguments (``rtl tasks``)."""
        return self._json("GET", "/api/tasks")

    def _post_form(self, path, pipeline, table):
        pipeline_json = _pipeline_json(pipeline)
        if table is None:
            body, length, content_type = wire.form(pipeline_json, None, None)
        else:
            records = tables.to_structured(table)
            body, length, content_type = wire.form(pipeline_json, tables.npy_header(records), tables.record_bytes(records))
        return self._connection.request("POST", path, body=body, headers={"Content-Type": content_type}, length=length)

    def _json(self, method, path, body=None, headers=None):
        status, content_type, data = self._connection.request(method, path, body=body, headers=headers)
        if status >= 400:
            raise wire.error_of(status, content_type, data, "{} {}".format(method, path))
        return json.loads(bytes(data)) if data else None


def _pipeline_json(pipeline):
    """Either JSON shape as given (int stage keys become strings, as JSON needs), or a stored pipeline's name."""
    if isinstance(pipeline, str):
        return json.dumps(pipeline)
    if isinstance(pipeline, dict):
        return json.dumps(pipeline, default=_plain)
    raise TypeError("a pipeline is a dict (either JSON shape) or a stored pipeline's name, not {}".format(type(pipeline).__name__))


def _plain(value):
    """numpy scalars and arrays inside a pipeline's arguments, as JSON numbers and lists."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError("{!r} is not JSON".format(value))


def _quote(text):
    return urllib.parse.quote(text, safe="")
