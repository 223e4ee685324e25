"""HTTP to one silo: a kept-alive connection, multipart bodies out, ``multipart/mixed`` answers in."""

import http.client
import json
import socket
import threading
import urllib.parse
import uuid

from .errors import RtlError


class Connection:
    """One keep-alive HTTP connection to a silo's web app (one request at a time; a lock makes threads take turns)."""

    def __init__(self, url, key, timeout):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise ValueError("url must be http://HOST:PORT or https://HOST:PORT, not {!r}".format(url))
        self.url = url.rstrip("/")
        self._parts = parts
        self._prefix = parts.path.rstrip("/")
        self._headers = {"Authorization": "Bearer " + key} if key else {}
        self._timeout = timeout
        self._lock = threading.Lock()
        self._connection = None

    def close(self):
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def request(self, method, path, body=None, headers=None, length=None):
        """Sends the request; returns (status, content type, body as a bytearray). A dropped kept-alive connection is
        reopened once."""
        send = dict(self._headers, **(headers or {}))
        if length is not None:
            send["Content-Length"] = str(length)
        with self._lock:
            for attempt in (0, 1):
                try:
                    connection = self._connection or self._open()
                    connection.request(method, self._prefix + path, body=body, headers=send)
                    response = connection.getresponse()
                    data = _read(response)
                    if response.getheader("Connection", "").lower() == "close":
                        self._drop()
                    return response.status, response.getheader("Content-Type", ""), data
                except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as e:
                    self._drop()
                    if attempt == 1 or (body is not None and not isinstance(body, (bytes, bytearray, list))):
                        raise RtlError("{} {}{}: {}".format(method, self.url, path, e)) from e
                except (OSError, http.client.HTTPException) as e:
                    self._drop()
                    raise RtlError("{} {}{}: {}".format(method, self.url, path, e)) from e

    def _open(self):
        kind = http.client.HTTPSConnection if self._parts.scheme == "https" else http.client.HTTPConnection
        self._connection = kind(self._parts.hostname, self._parts.port, timeout=self._timeout)
        self._connection.connect()
        # Small requests go out at once rather than waiting on Nagle's algorithm.
        self._connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return self._connection

    def _drop(self):
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _read(response):
    """The whole body into one bytearray: of its Content-Length when given, so numpy can wrap it without a copy."""
    length = response.getheader("Content-Length")
    if length is None:
        return bytearray(response.read())
    data = bytearray(int(length))
    view = memoryview(data)
    got = 0
    while got < len(data):
        n = response.readinto(view[got:])
        if not n:
            raise RtlError("the silo's answer ended after {} of {} bytes".format(got, len(data)))
        got += n
    return data


def error_of(status, content_type, data, what):
    """An RtlError with the silo's message (its ``{"error": ...}``) for a 4xx/5xx answer."""
    message = None
    job_id = None
    failure = None
    if content_type.startswith("application/json"):
        try:
            payload = json.loads(bytes(data))
            message = payload.get("error")
            job_id = payload.get("id")
            failure = payload.get("failure")
        except (ValueError, AttributeError):
            pass
    if message is None:
        message = "{}: HTTP {} {}".format(what, status, bytes(data[:200]).decode("utf8", "replace"))
    return RtlError(message, status, job_id, failure)


def form(pipeline_json, header, records):
    """A multipart/form-data body as a list of buffers (the records uncopied), its length and its Content-Type."""
    boundary = "rtl-" + uuid.uuid4().hex
    parts = [("--{}\r\nContent-Disposition: form-data; name=\"pipeline\"\r\nContent-Type: application/json\r\n\r\n"
              .format(boundary)).encode("ascii"), pipeline_json.encode("utf8")]
    if header is not None:
        parts += [("\r\n--{}\r\nContent-Disposition: form-data; name=\"table\"; filename=\"table.npy\"\r\n"
                   "Content-Type: application/x-npy\r\n\r\n".format(boundary)).encode("ascii"), header, records]
    parts.append("\r\n--{}--\r\n".format(boundary).encode("ascii"))
    return parts, sum(len(p) for p in parts), "multipart/form-data; boundary=" + boundary


def parts(content_type, data):
    """The parts of a ``multipart/mixed`` answer as {name: (start, end)} offsets into ``data``."""
    boundary = None
    for item in content_type.split(";")[1:]:
        key, _, value = item.strip().partition("=")
        if key.lower() == "boundary":
            boundary = value.strip('"')
    if not boundary:
        raise RtlError("the silo's answer has no multipart boundary ({})".format(content_type))
    delimiter = ("\r\n--" + boundary).encode("ascii")
    found = {}
    position = data.find(delimiter[2:])
    while position >= 0:
        line_end = data.find(b"\r\n", position)
        if data[position + len(delimiter) - 2:position + len(delimiter)] == b"--":
            break
        headers_end = data.find(b"\r\n\r\n", line_end)
        name = _part_name(bytes(data[line_end:headers_end]))
        start = headers_end + 4
        # A part's data may hold anything: its end is the last delimiter for the table (the final part), the next
        # one for the JSON (which cannot contain CR LF "--" boundary).
        end = data.rfind(delimiter) if name == "table" else data.find(delimiter, start)
        found[name] = (start, end)
        position = end + 2
    return found


def _part_name(headers):
    for line in headers.decode("latin1").split("\r\n"):
        key, _, value = line.partition(":")
        if key.strip().lower() == "content-disposition":
            for item in value.split(";"):
                k, _, v = item.strip().partition("=")
                if k == "name":
                    return v.strip('"')
    return ""
