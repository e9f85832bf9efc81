#!/usr/bin/env python3
"""Systematic robustness checks against a debug build of `usage-sandbox` (what `swift run` serves).

1. Cut connections: every request the four seed-curl scripts send is recorded through a loopback forwarder, then
   replayed cut short at a spread of byte offsets through its head and body (the client hangs up, or resets). The
   server must stay up and answer the next request after every replay.
2. Boundary values for every numeric admin field and query parameter (the dashboard's `requests` and `rates`
   included): 0, -1, huge, fractional, exponent, non-numeric, null. Each is answered with 2xx or a clear 4xx naming
   the field (never a 5xx), and a refusal changes no state.
3. Boundary values for every numeric `serve` flag: a refused value exits non-zero at once with a message naming the
   flag; an accepted one starts.
4. Unknown clients cost nothing: 10,000 requests with unknown credentials (long client ids, keys and tokens) leave
   resident memory within a few MiB of where it was after a warm-up.
5. A declined upgrade holds nothing: a request asking for h2c or WebSocket, followed by up to 256 MiB of bytes of no
   protocol, is answered once with `Connection: close`, the connection closes, and resident memory stays put.

Usage: scripts/hardening.py [path/to/usage-sandbox]   (default .build/debug/usage-sandbox)
Bounded: every loop has a fixed count, every socket a timeout; it stops the servers it starts by their pids.
Prints `hardening: N passed, M failed` last and exits non-zero on any failure.
"""
import json
import os
import random
import select
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/usage-sandbox"))
passed = 0
failed = 0


def result(ok, name, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}", flush=True)


class Server:
    """`usage-sandbox serve --port 0` in a work folder of its own; stopped by its pid."""

    def __init__(self, *arguments):
        self.folder = tempfile.mkdtemp(prefix="hardening-")
        self.out = open(os.path.join(self.folder, "serve.out"), "w+")
        self.err = open(os.path.join(self.folder, "serve.err"), "w+")
        self.process = subprocess.Popen(
            [BINARY, "serve", "--port", "0", "--db", ":memory:", "--log-level", "error", *arguments],
            stdout=self.out, stderr=self.err, cwd=self.folder, env={**os.environ, "SWIFT_BACKTRACE": "enable=no"})
        deadline = time.time() + 60
        self.port = 0
        while time.time() < deadline and self.process.poll() is None:
            self.out.seek(0)
            first = self.out.readline()
            if first.startswith("listening on ") and first.endswith("\n"):
                self.port = int(first.strip().rsplit(":", 1)[1])
                break
            time.sleep(0.05)
        if not self.port:
            self.stop()
            raise RuntimeError("the sandbox did not start: " + self.stderr())

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def alive(self):
        return self.process.poll() is None

    def stderr(self):
        self.err.seek(0)
        return self.err.read()[-2000:]

    def rss_kib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def http(server, method, path, body=None, headers=None, timeout=10):
    """(status, parsed JSON or text); status 0 when the connection failed."""
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    request = urllib.request.Request(server.url(path), data=data, method=method, headers=headers or {})
    if data is not None and "Content-Type" not in (headers or {}):
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    except OSError:
        return 0, None
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw.decode("utf-8", "replace")


# 1. Cut connections ------------------------------------------------------------------------------------------------

class Recorder:
    """A loopback forwarder that keeps what each client sent: one seed request per connection (curl)."""

    def __init__(self, upstream_port):
        self.upstream_port = upstream_port
        self.requests = []
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.running = True
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while self.running:
            try:
                client, _ = self.listener.accept()
            except socket.timeout:
                continue
            threading.Thread(target=self.pipe, args=(client,), daemon=True).start()

    def pipe(self, client):
        upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30)
        sent = bytearray()
        sockets = [client, upstream]
        deadline = time.time() + 60
        try:
            while time.time() < deadline:
                ready, _, _ = select.select(sockets, [], [], 1)
                done = False
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        done = True
                        break
                    if sock is client:
                        sent += data
                        upstream.sendall(data)
                    else:
                        client.sendall(data)
                if done:
                    break
        except OSError:
            pass
        finally:
            client.close()
            upstream.close()
            if sent:
                self.requests.append(bytes(sent))

    def stop(self):
        self.running = False
        self.thread.join()
        self.listener.close()


def seed_requests(server):
    recorder = Recorder(server.port)
    for vendor in ["zylo", "mason", "hyalto", "usage-engine"]:
        subprocess.run(
            ["bash", os.path.join(ROOT, "scripts", f"{vendor}-seed-curls.sh"), f"http://127.0.0.1:{recorder.port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    time.sleep(0.5)
    recorder.stop()
    return recorder.requests


def cut_offsets(request):
    head_end = request.find(b"\r\n\r\n") + 4
    size = len(request)
    offsets = {1, 4, head_end // 3, head_end // 2, head_end - 2, head_end - 1, head_end}
    if size > head_end:
        offsets |= {head_end + 1, head_end + (size - head_end) // 2, size - 1}
    return sorted(o for o in offsets if 0 < o < size)


def send_cut(port, data, reset):
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    try:
        sock.sendall(data)
        if reset:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    finally:
        sock.close()


def check_cut_connections(server):
    requests = seed_requests(server)
    result(len(requests) >= 40, "seed requests recorded", f"only {len(requests)}")
    cuts = 0
    for number, request in enumerate(requests):
        line = request.split(b"\r\n", 1)[0].decode("latin-1")
        for offset in cut_offsets(request):
            send_cut(server.port, request[:offset], reset=(offset % 2 == 1))
            cuts += 1
        # A client that stalls halfway and then goes away.
        status, _ = http(server, "GET", "/__admin/health")
        result(server.alive() and status == 200, f"alive after cuts of {line}",
               f"alive={server.alive()} status={status} {server.stderr()}")
        if not server.alive():
            break
    print(f"cut connections: {len(requests)} seed requests, {cuts} cut replays", flush=True)


# 2. Numeric admin fields -------------------------------------------------------------------------------------------

BOUNDARY_NUMBERS = [0, -1, 1e16, 1e300, 9223372036854775807, 92233720368547758070, 0.5, -0.0, "12", "abc", None,
                    True, [], {}]


def check_admin_fields(server):
    status, before = http(server, "GET", "/__admin/clock")
    for field in ["advance", "set"]:
        for value in BOUNDARY_NUMBERS + ["9999-12-31T23:59:60Z", "10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                                         "1969-12-31T23:59:59Z"]:
            status, body = http(server, "POST", "/__admin/clock", {field: value})
            ok = status == 200 or (status == 400 and field in json.dumps(body))
            result(ok and server.alive(), f"clock {field}={value!r}", f"{status} {body}")
            if status == 200:
                http(server, "POST", "/__admin/clock", {"real": True})
    status, after = http(server, "GET", "/__admin/clock")
    result(status == 200 and after["mode"] == before["mode"], "clock answers after boundary values", str(after))

    _, listed = http(server, "GET", "/__admin/credentials")
    count = len(listed["credentials"])
    accepted = 0
    for value in BOUNDARY_NUMBERS + ["92233720368547758", "16401", "00164", "164", "-5", "1e3", " 7", "",
                                     "1" * 5000]:
        status, body = http(server, "POST", "/__admin/credentials", {"vendor": "hyalto", "accountId": value})
        ok = status in (201, 409) or (status == 400 and "accountId" in json.dumps(body))
        accepted += 1 if status == 201 else 0
        result(ok and server.alive(), f"credentials accountId={str(value)[:30]!r}", f"{status} {str(body)[:200]}")
    _, listed = http(server, "GET", "/__admin/credentials")
    result(len(listed["credentials"]) == count + accepted, "refused credentials leave nothing behind",
           f"{count} + {accepted} != {len(listed['credentials'])}")

    for path, name in [("/__admin/requests", "limit"), ("/__admin/requests", "before"),
                       ("/__admin/requests", "after"), ("/__admin/rates", "seconds")]:
        for value in BOUNDARY_NUMBERS + ["", "1" * 5000]:
            text = value if isinstance(value, str) else json.dumps(value)
            status, body = http(server, "GET", f"{path}?{name}={urllib.request.quote(text)}")
            ok = status == 200 or (status == 400 and name in json.dumps(body))
            result(ok and server.alive(), f"{path} {name}={text[:30]!r}", f"{status} {str(body)[:200]}")
    status, body = http(server, "GET", "/__admin/stats")
    result(status == 200 and server.alive(), "stats answers", f"{status} {str(body)[:200]}")

    for field in ["delayMs", "nth", "first", "after", "probability", "pageSize", "seed"]:
        for value in BOUNDARY_NUMBERS:
            rule = {"match": {"vendor": "zylo"}, "respond": {"status": 503}}
            scenario = {"name": "boundary", "rules": [rule]}
            if field == "delayMs":
                rule["respond"]["delayMs"] = value
            elif field in ("nth", "first", "after"):
                rule["calls"] = {field: value}
            elif field == "probability":
                rule["calls"] = {"probability": value}
            elif field == "pageSize":
                rule["respond"] = {}
                rule["effects"] = {"pageSize": value}
            else:
                scenario["seed"] = value
            status, body = http(server, "POST", "/__admin/scenarios", scenario)
            result(status in (200, 201, 400) and server.alive(), f"scenario {field}={value!r}", f"{status} {body}")
            http(server, "DELETE", "/__admin/scenarios/active")


# 3. Numeric serve flags --------------------------------------------------------------------------------------------

FLAGS = ["--port", "--seed", "--zylo-export-seconds", "--zylo-import-seconds", "--zylo-subscriptions", "--mason-sims",
         "--mason-days", "--usage-engine-token-rate", "--usage-engine-token-burst", "--token-lifetime",
         "--max-body-bytes", "--journal-entries", "--journal-bytes", "--https-port"]
FLAG_VALUES = ["0", "-1", "1e19", "1e-300", "0.5", "99999999999999999999", "nan", "inf", "abc", ""]


def check_flags():
    folder = tempfile.mkdtemp(prefix="hardening-flags-")
    for flag in FLAGS:
        for value in FLAG_VALUES:
            if flag == "--port" and value == "0":
                continue
            process = subprocess.Popen(
                [BINARY, "serve", "--db", ":memory:", "--port", "0", flag, value], cwd=folder,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "SWIFT_BACKTRACE": "enable=no"})
            try:
                out, err = process.communicate(timeout=3)
                code = process.returncode
                result(code != 0 and flag in err.decode(), f"serve {flag} {value!r} refused",
                       f"exit {code}: {err.decode()[-300:]}")
            except subprocess.TimeoutExpired:
                # It started: the value is in range. It must still answer.
                process.terminate()
                out, err = process.communicate(timeout=15)
                first = out.decode().split("\n", 1)[0]
                result(first.startswith("listening on"), f"serve {flag} {value!r} started", first)


# 4. Unknown clients cost nothing -----------------------------------------------------------------------------------

def unknown_client_requests(port, count, rng):
    token_path = "/usage-engine/authentication/v1/oauth/token"
    sock = None
    sent = 0
    while sent < count:
        if sock is None:
            sock = socket.create_connection(("127.0.0.1", port), timeout=10)
            reader = sock.makefile("rb")
        kind = sent % 4
        noise = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(24)) * 40
        if kind == 0:
            body = f"grant_type=client_credentials&client_id={noise}&client_secret=x&audience=a".encode()
            head = (f"POST {token_path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n")
        elif kind == 1:
            body = b""
            head = f"GET /zylo/v1/subscriptions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {noise}:{noise}\r\n\r\n"
        elif kind == 2:
            body = b""
            head = (f"GET /mason/beta/default/data/aggregate/usage/account?startDate=2020-01-01&endDate=2020-01-02 "
                    f"HTTP/1.1\r\nHost: x\r\nAuthorization: basic {noise}\r\n\r\n")
        else:
            body = json.dumps({"accessKey": noise, "secretKey": noise}).encode()
            head = (f"POST /hyalto/accountManagement/auth/token HTTP/1.1\r\nHost: x\r\n"
                    f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n")
        sock.sendall(head.encode() + body)
        # Read one response: status line, headers, Content-Length body.
        length = 0
        close = False
        line = reader.readline()
        if not line:
            sock.close()
            sock = None
            continue
        while True:
            line = reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
            if name.lower() == "connection" and "close" in value.lower():
                close = True
        reader.read(length)
        sent += 1
        if close:
            sock.close()
            sock = None
    if sock:
        sock.close()


def check_unknown_clients():
    server = Server("--journal-entries", "1000")
    try:
        rng = random.Random(7)
        unknown_client_requests(server.port, 3_000, rng)  # warm-up: allocator pools, journal full
        before = server.rss_kib()
        unknown_client_requests(server.port, 10_000, rng)
        after = server.rss_kib()
        growth = (after - before) / 1024
        print(f"unknown clients: resident {before / 1024:.1f} -> {after / 1024:.1f} MiB over 10,000 requests "
              f"({growth:+.1f} MiB)", flush=True)
        result(server.alive() and growth < 6, "memory flat under unknown clients", f"{growth:+.1f} MiB")
    finally:
        server.stop()


# 5. Declined upgrades -----------------------------------------------------------------------------------------------

def upgrade_flood(port, upgrade, limit_bytes=256 << 20, limit_seconds=10):
    """Sends an upgrade request and then junk until the server stops reading or closes; (bytes sent, answer)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(f"GET /__admin/health HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: {upgrade}\r\n"
                 f"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    sock.setblocking(False)
    chunk = b"\x00\x01junk" * (1 << 16)
    sent, answer, closed = 0, b"", False
    deadline = time.time() + limit_seconds
    while sent < limit_bytes and time.time() < deadline and not closed:
        readable, writable, _ = select.select([sock], [sock], [], 0.5)
        if readable:
            try:
                data = sock.recv(65536)
            except OSError:
                data = b""
            answer += data
            closed = not data
        if writable and not closed:
            try:
                sent += sock.send(chunk)
            except OSError:
                closed = True
    sock.close()
    return sent, answer.decode("latin-1"), closed


def check_declined_upgrades():
    for upgrade in ["h2c", "websocket"]:
        server = Server()  # one each: the allocator keeps what a first flood took
        try:
            before = server.rss_kib()
            sent, answer, closed = upgrade_flood(server.port, upgrade)
            growth = (server.rss_kib() - before) / 1024
            print(f"declined {upgrade} upgrade: {sent / (1 << 20):.1f} MiB sent after it, resident {growth:+.1f} MiB, "
                  f"closed {closed}", flush=True)
            result(answer.startswith("HTTP/1.1 200") and "connection: close" in answer.lower(),
                   f"{upgrade} upgrade answered as HTTP/1.1 with Connection: close", answer[:200])
            result(closed, f"{upgrade} upgrade: the connection closes after the answer", f"{sent} bytes sent")
            result(growth < 16, f"{upgrade} upgrade: bytes after it are not buffered", f"{growth:+.1f} MiB")
            status, _ = http(server, "GET", "/__admin/health")
            result(server.alive() and status == 200, f"alive after a declined {upgrade} upgrade", server.stderr())
        finally:
            server.stop()


def main():
    if not os.path.exists(BINARY):
        print(f"no binary at {BINARY}; run swift build first")
        sys.exit(2)
    started = time.time()
    server = Server()
    try:
        check_cut_connections(server)
        check_admin_fields(server)
        status, _ = http(server, "GET", "/__admin/health")
        result(server.alive() and status == 200, "alive at the end", server.stderr())
    finally:
        server.stop()
    check_flags()
    check_unknown_clients()
    check_declined_upgrades()
    print(f"hardening took {time.time() - started:.0f} s")
    print(f"hardening: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
