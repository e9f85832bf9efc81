"""Starts a built `usage-sandbox serve` on a free loopback port and stops it by its pid; shared by the Python benches."""
import http.client
import os
import re
import subprocess
import tempfile
import time


class Sandbox:
    """`with Sandbox(binary, args) as s:` serves on a fresh database file; `s.get(path, headers)` answers (status, body, ms)."""

    def __init__(self, binary, args=(), database=None):
        self.binary = binary
        self.args = list(args)
        self.folder = tempfile.mkdtemp(prefix="usage-sandbox-bench-")
        self.database = database or os.path.join(self.folder, "bench.sqlite")
        self.process = None
        self.port = None
        self.demo = {}
        self.spawned = None
        self.listening_ms = None

    def __enter__(self):
        self.spawned = time.monotonic()
        self.process = subprocess.Popen(
            [self.binary, "serve", "--port", "0", "--db", self.database, "--log-level", "error"] + self.args,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        line = self.process.stdout.readline().decode()
        if not line.startswith("listening on "):
            self.__exit__(None, None, None)
            raise RuntimeError("the sandbox did not start: %r" % line)
        self.listening_ms = (time.monotonic() - self.spawned) * 1000
        self.port = int(line.strip().rsplit(":", 1)[1])
        # The demo credentials follow the first line: `zylo: Authorization: Bearer id:secret  (...)`, etc.
        for _ in range(4):
            demo = self.process.stdout.readline().decode()
            vendor, _, rest = demo.partition(": ")
            self.demo[vendor] = rest.strip()
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        return self

    def __exit__(self, *exc):
        if self.process is not None:
            self.process.kill()
            self.process.wait()
        for name in os.listdir(self.folder):
            os.remove(os.path.join(self.folder, name))
        os.rmdir(self.folder)

    def zylo_authorization(self):
        return re.search(r"Authorization: (Bearer \S+)", self.demo["zylo"]).group(1)

    def request(self, method, path, headers=None, body=None):
        started = time.monotonic()
        self.connection.request(method, path, body=body, headers=headers or {})
        response = self.connection.getresponse()
        data = response.read()
        return response.status, data, (time.monotonic() - started) * 1000

    def get(self, path, headers=None):
        return self.request("GET", path, headers)


def first_answer_ms(sandbox, method, path, headers=None, body=None):
    """Milliseconds from spawning `sandbox` to its first 200 on `path`, on a fresh connection per try."""
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", sandbox.port, timeout=120)
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            response.read()
            connection.close()
            if response.status == 200:
                return (time.monotonic() - sandbox.spawned) * 1000
        except OSError:
            pass
        time.sleep(0.001)
