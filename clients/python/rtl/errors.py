"""The one exception the client raises."""


class RtlError(Exception):
    """A request the silo refused or a job that failed; the message is the silo's own, located
    (``stage 0, task 'add', operations[0].b: column 'foo' not found ...``).

    ``status`` is the HTTP status (None when the silo could not be reached), ``job_id`` the job's id when known.
    When the silo said where and what kind (its ``failure`` record), ``kind`` is one of pipeline, argument, input,
    data, limit, cluster, internal, and ``stage``, ``task`` and ``argument`` say where; otherwise they are None.
    """

    def __init__(self, message, status=None, job_id=None, failure=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.job_id = job_id
        failure = failure or {}
        self.kind = failure.get("kind")
        self.stage = failure.get("stage")
        self.task = failure.get("task")
        self.argument = failure.get("argument")
