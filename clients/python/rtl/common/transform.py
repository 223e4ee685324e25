"""The seed's API: ``Transform().execute(DSDSL).result()`` against the silo at ``RTL_URL``
(default ``http://127.0.0.1:8080``; ``RTL_KEY`` or ``RTL_WebApiKey`` for a silo with a key)."""

import os
import sys
import time

from ..client import DEFAULT_URL, Client


class Envelope:
    """What ``Transform.execute`` returns, as in the seed: ``result()`` is the table (a numpy structured array);
    ``getId()`` the job id; ``job`` the whole :class:`rtl.Result`."""

    def __init__(self, job):
        self.job = job

    def result(self):
        return self.job.table

    def getId(self):
        return self.job.job_id


class Transform:
    """Runs a DSDSL — the seed's dict shape ``{0: {"tasks": {"task_add": {...}}}, 1: {...}}`` or
    ``{"stages": [...]}`` — as one job, printing the seed's ``Running:`` / ``Completed:`` lines and
    ``Total Elapsed Time``."""

    def __init__(self, url=None, key=None, out=None):
        self.client = Client(url or os.environ.get("RTL_URL") or DEFAULT_URL,
                             key=key or os.environ.get("RTL_KEY") or os.environ.get("RTL_WebApiKey"))
        self.out = out or sys.stdout

    def execute(self, dsdsl, table=None):
        start = time.perf_counter()
        job = self.client.run(dsdsl, table)
        elapsed = time.perf_counter() - start
        self._print(job, elapsed)
        return Envelope(job)

    def _print(self, job, elapsed):
        for stage in job.stages:
            print("Running: {} - {}".format(stage["stage"], job.job_id), file=self.out)
            for task in stage["tasks"]:
                print("Running: {}".format(task["task"]), file=self.out)
                for key, value in task.get("notes", {}).items():
                    print("=> {}: {}".format(key, value), file=self.out)
                print("Completed: {:.2f} ms {}".format(task["milliseconds"], task["task"]), file=self.out)
        print("Total Elapsed Time: {:.6f}".format(elapsed), file=self.out)
