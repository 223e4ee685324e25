"""A real silo for the tests: ``rtl start`` on a temp data dir and free ports, ``rtl stop`` at the end.

The silo is the repository's build (``src/Silo/bin/<Debug|Release>/net10.0/rtl.dll``, or ``RTL_DLL``)."""

import os
import pathlib
import random
import shutil
import socket
import subprocess
import sys
import tempfile

import pytest

REPO = pathlib.Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "clients" / "python"))


def rtl_dll():
    if os.environ.get("RTL_DLL"):
        return os.environ["RTL_DLL"]
    for configuration in ("Debug", "Release"):
        dll = REPO / "src" / "Silo" / "bin" / configuration / "net10.0" / "rtl.dll"
        if dll.exists():
            return str(dll)
    pytest.fail("no rtl.dll: build first (dotnet build Rtl.sln) or set RTL_DLL")


def free_ports(count):
    """Ports below 32768 (under Linux's ephemeral range) that nothing listens on now."""
    ports = []
    while len(ports) < count:
        port = random.randint(20000, 32000)
        if port in ports or port == 55432:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        ports.append(port)
    return ports


class Silo:
    def __init__(self, key=None):
        self.data_dir = tempfile.mkdtemp(prefix="rtl-python-")
        self.dll = rtl_dll()
        self.key = key
        silo, gateway, web = free_ports(3)
        self.ports = ["--silo-port", str(silo), "--gateway-port", str(gateway), "--web-port", str(web)]
        self.url = "http://127.0.0.1:{}".format(web)
        self.files = pathlib.Path(self.data_dir) / "files"

    def rtl(self, *args, check=True):
        env = dict(os.environ)
        if self.key:
            env["RTL_WebApiKey"] = self.key
        return subprocess.run(["dotnet", self.dll, *args, "--data-dir", self.data_dir], env=env,
                              capture_output=True, text=True, timeout=180, check=check)

    def start(self):
        started = self.rtl("start", *self.ports, check=False)
        if started.returncode != 0:
            raise RuntimeError("rtl start failed:\n" + started.stdout + started.stderr)

    def stop(self):
        self.rtl("stop", check=False)
        shutil.rmtree(self.data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def silo():
    running = Silo()
    running.start()
    yield running
    running.stop()


@pytest.fixture
def client(silo):
    import rtl

    with rtl.Client(silo.url) as connected:
        yield connected
