#!/usr/bin/env python3
"""Transparent HTTPS end to end against a served `usage-sandbox` (issue 18), with the tools an app team uses.

1. `usage-sandbox ca`: created once (the same file twice), key mode 0600, and `openssl x509 -text` shows a critical
   Name Constraints extension permitting exactly the vendors' hosts, localhost and 127.0.0.1.
2. `serve --https-port 0`: the first stdout line is still the plain one, the second the TLS one.
3. curl with `--cacert` and `--resolve` (direct TLS) and through `-x` (CONNECT proxy), an absolute-form proxy
   request, token issuance, a Zylo export whose `downloadUri` is `https://api.zylo.com/...` and downloads through
   the proxy; the journal names each listener.
4. Python `requests` with `HTTPS_PROXY` and `REQUESTS_CA_BUNDLE` and nothing else changed.
5. Refusals: a `CONNECT` to another host is a 403 naming it; a TLS client asking for another name (SNI) gets no
   certificate (`openssl s_client` and curl `--resolve`).
6. Faults inside TLS: reset, truncate and trickle over the TLS port and through the proxy.
7. Never crash: garbage on the TLS port, hang-ups mid-handshake and mid-CONNECT; the server answers afterwards.

Usage: scripts/transparent-https.py [path/to/usage-sandbox]   (default .build/debug/usage-sandbox)
Loopback only: names map to 127.0.0.1 through --resolve or the sandbox's proxy, never the real vendors.
Prints `transparent-https: N passed, M failed` last and exits non-zero on any failure.
"""
import json
import os
import re
import socket
import ssl
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/usage-sandbox"))
ZYLO = "Authorization: Bearer zylo-demo-token:zylo-demo-secret"
HOSTS = ["api.zylo.com", "api.hyalto.com", "api.digitalroute.io", "api.us.digitalroute.io", "api.bymason.com"]
passed = 0
failed = 0


def result(ok, name, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}", flush=True)
    else:
        failed += 1
        print(f"FAIL {name}: {detail}", flush=True)


def run(*command, env=None, timeout=60):
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)


def check_authority(folder):
    first = run(BINARY, "ca", "--ca-dir", folder)
    again = run(BINARY, "ca", "--ca-dir", folder)
    path = first.stdout.strip()
    result(first.returncode == 0 and os.path.isfile(path), "ca prints the path of a certificate", first.stderr)
    with open(path) as file:
        pem = file.read()
    with open(path) as file:
        result(again.stdout.strip() == path and file.read() == pem, "ca creates once, then prints the same file")
    mode = os.stat(os.path.join(folder, "ca-key.pem")).st_mode & 0o777
    result(mode == 0o600, "the CA key is owner-only", oct(mode))
    install = subprocess.run([BINARY, "ca", "--ca-dir", folder, "--install"], capture_output=True, text=True,
                             stdin=subprocess.DEVNULL, timeout=60)
    result(install.returncode == 0 and path in install.stderr and "Not run" in install.stderr,
           "ca --install without a terminal prints the trust-store commands and runs none", install.stderr)
    text = run("openssl", "x509", "-in", path, "-noout", "-text").stdout
    block = re.search(r"X509v3 Name Constraints: critical\s*\n\s*Permitted:\s*\n((?:\s+(?:DNS|IP):.*\n)+)", text)
    names = re.findall(r"(?:DNS|IP):(\S+)", block.group(1)) if block else []
    expected = sorted(HOSTS + ["localhost", "127.0.0.1/255.255.255.255"])
    result(sorted(names) == expected, "openssl: critical name constraints, vendors + localhost + 127.0.0.1", names)
    result("CA:TRUE" in text and "Certificate Sign" in text, "openssl: a CA that may sign certificates")
    return path


class Server:
    """`usage-sandbox serve --port 0 --https-port 0` on an in-memory database; stopped by its pid."""

    def __init__(self, ca_folder):
        self.folder = tempfile.mkdtemp(prefix="transparent-https-")
        self.out = open(os.path.join(self.folder, "serve.out"), "w+")
        self.err = open(os.path.join(self.folder, "serve.err"), "w+")
        self.process = subprocess.Popen(
            [BINARY, "serve", "--port", "0", "--https-port", "0", "--db", ":memory:", "--ca-dir", ca_folder,
             "--log-level", "error"],
            stdout=self.out, stderr=self.err, cwd=self.folder, env={**os.environ, "SWIFT_BACKTRACE": "enable=no"})
        self.lines = []
        deadline = time.time() + 120
        while time.time() < deadline and self.process.poll() is None and len(self.lines) < 3:
            time.sleep(0.1)
            self.out.seek(0)
            self.lines = self.out.read().splitlines()
        if len(self.lines) < 2:
            self.err.seek(0)
            raise SystemExit(f"the sandbox did not start: {self.err.read()}")
        self.port = int(self.lines[0].rsplit(":", 1)[1])
        self.https_port = int(self.lines[1].rsplit(":", 1)[1]) if self.lines[1].startswith("listening on https") else 0
        self.root = f"http://127.0.0.1:{self.port}"

    def alive(self):
        return self.process.poll() is None and self.curl(f"{self.root}/__admin/health")[0] == "200"

    def curl(self, url, *options):
        """(status, body) of a curl call; status is curl's http_code, or `exit N` when curl failed."""
        marker = "\n--status:"
        done = run("curl", "-sS", "--max-time", "20", "-w", marker + "%{http_code}", *options, url)
        body, _, status = done.stdout.rpartition(marker)
        return (status if done.returncode == 0 else f"exit {done.returncode}"), body or done.stderr

    def admin(self, method, path, body=None):
        options = ["-X", method] + (["-H", "Content-Type: application/json", "-d", json.dumps(body)] if body else [])
        return self.curl(self.root + path, *options)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def check_curl(server, ca):
    direct = ["--cacert", ca, "--resolve", f"api.zylo.com:{server.https_port}:127.0.0.1"]
    via = ["--cacert", ca, "-x", server.root]
    zylo_tls = f"https://api.zylo.com:{server.https_port}"
    status, body = server.curl(f"{zylo_tls}/v1/subscriptions?pageSize=2", *direct, "-H", ZYLO)
    result(status == "200" and '"subscriptions"' in body, "curl --resolve: Zylo over TLS", status)
    status, body = server.curl("https://api.zylo.com/v1/subscriptions?pageSize=2", *via, "-H", ZYLO)
    result(status == "200" and '"subscriptions"' in body, "curl -x: Zylo through the CONNECT proxy", status)
    status, body = server.curl("http://api.bymason.com/beta/default/data/aggregate/usage?date=2020-08-01T00:00:00Z",
                               "-x", server.root, "-H", "Authorization: basic mason-demo-key")
    result(status == "200", "curl -x: an absolute-form http:// proxy request", status)
    token = ["-d", "grant_type=client_credentials", "-d", "client_id=usage-engine-demo-client",
             "-d", "client_secret=usage-engine-demo-secret-0123456789abcdef",
             "-d", "audience=https://api.digitalroute.io/"]
    status, body = server.curl("https://api.digitalroute.io/authentication/v1/oauth/token", *via, *token)
    result(status == "200" and "access_token" in body, "curl -x: Usage Engine token issuance", status)
    status, body = server.curl(f"{zylo_tls}/v1/subscriptions/-/exportJobs", *direct, "-X", "POST", "-H", ZYLO)
    job = json.loads(body).get("id", "") if status == "201" else ""
    server.admin("POST", "/__admin/clock", {"advance": 3600})
    status, body = server.curl(f"{zylo_tls}/v1/subscriptions/-/exportJobs/{job}", *direct, "-H", ZYLO)
    link = json.loads(body).get("downloadUri", "") if status == "200" else ""
    result(link.startswith(f"https://api.zylo.com:{server.https_port}/"), "export over TLS: an https:// link", link)
    status, body = server.curl(link, *direct)
    result(status == "200" and "," in body, "the https:// link downloads the CSV", status)
    status, body = server.curl(f"https://api.zylo.com/v1/subscriptions/-/exportJobs/{job}", *via, "-H", ZYLO)
    link = json.loads(body).get("downloadUri", "") if status == "200" else ""
    result(link.startswith("https://api.zylo.com/"), "through the proxy: a link to https://api.zylo.com", link)
    status, _ = server.curl(link, *via)
    result(status == "200", "the link downloads through the proxy", status)
    status, body = server.admin("GET", "/__admin/requests?limit=100")
    listeners = {entry.get("listener") for entry in json.loads(body)["requests"]} if status == "200" else set()
    result({"https", "proxy"} <= listeners, "the journal names the listener of each request", listeners)


def check_python(server, ca):
    program = (
        "import requests\n"
        "r = requests.post('https://api.hyalto.com/accountManagement/auth/token', json={'accessKey': "
        "'190.1fae4315-f50a-4c76-8213-1b9d79e43599', 'secretKey': 'a6e81199-5318-4c29-ae47-01190958356e'})\n"
        "r.raise_for_status()\n"
        "token = r.json()['accessToken']\n"
        "accounts = requests.get('https://api.hyalto.com/accountManagement/accounts',\n"
        "                        headers={'Authorization': 'Bearer ' + token})\n"
        "accounts.raise_for_status()\n"
        "print(len(accounts.json()))\n")
    env = {**os.environ, "HTTPS_PROXY": server.root, "REQUESTS_CA_BUNDLE": ca, "NO_PROXY": ""}
    done = run(sys.executable, "-c", program, env=env)
    result(done.returncode == 0 and int(done.stdout.strip() or 0) > 0,
           "python requests: HTTPS_PROXY + REQUESTS_CA_BUNDLE, Hyalto token and accounts", done.stderr[-400:])


def raw_connect(server, target):
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(f"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(4096):
            data += chunk
    return data.decode(errors="replace")


def check_refusals(server, ca):
    answer = raw_connect(server, "example.com:443")
    result(answer.startswith("HTTP/1.1 403") and "example.com" in answer and "emulates only" in answer,
           "CONNECT example.com:443 is a 403 naming the host", answer[:200])
    status, _ = server.curl("https://www.example.com/", "--cacert", ca, "-x", server.root)
    result(status.startswith("exit"), "curl -x to another host fails at the proxy", status)
    s_client = run("openssl", "s_client", "-connect", f"127.0.0.1:{server.https_port}", "-servername",
                   "evil.example", "-showcerts", timeout=20)
    result("BEGIN CERTIFICATE" not in s_client.stdout, "openssl s_client -servername evil.example: no certificate")
    status, _ = server.curl(f"https://evil.example:{server.https_port}/", "--cacert", ca,
                            "--resolve", f"evil.example:{server.https_port}:127.0.0.1")
    result(status.startswith("exit"), "curl --resolve evil.example: the handshake fails", status)
    for host in HOSTS:
        s_client = run("openssl", "s_client", "-connect", f"127.0.0.1:{server.https_port}", "-servername", host,
                       "-CAfile", ca, "-verify_hostname", host, "-verify_return_error", timeout=20)
        result("Verify return code: 0 (ok)" in s_client.stdout, f"openssl s_client: {host} verifies against the CA")


def check_faults(server, ca):
    trickle = {"name": "tls-trickle", "description": "512 bytes every 100 ms.",
               "rules": [{"name": "trickle", "respond": {"fault": "trickle",
                                                          "trickle": {"chunkBytes": 512, "intervalMs": 100}}}]}
    server.admin("POST", "/__admin/scenarios", trickle)
    direct = ["--cacert", ca, "--resolve", f"api.zylo.com:{server.https_port}:127.0.0.1"]
    via = ["--cacert", ca, "-x", server.root]
    url = "https://api.zylo.com{port}/v1/subscriptions?pageSize=50"
    for name, options, port in [("TLS port", direct, f":{server.https_port}"), ("proxy", via, "")]:
        server.admin("POST", "/__admin/scenarios/connection-reset-once/activate")
        status, body = server.curl(url.format(port=port), *options, "-H", ZYLO)
        result(status in ("exit 56", "exit 35", "exit 52"), f"reset inside TLS ({name}): the client sees it", status)
        server.admin("POST", "/__admin/scenarios/truncated-body-once/activate")
        status, body = server.curl(url.format(port=port), *options, "-H", ZYLO)
        result(status in ("exit 18", "exit 56"), f"truncate inside TLS ({name}): a short body", status)
        server.admin("POST", "/__admin/scenarios/tls-trickle/activate")
        started = time.time()
        status, body = server.curl(url.format(port=port).replace("50", "1"), *options, "-H", ZYLO)
        elapsed = time.time() - started
        server.admin("POST", "/__admin/scenarios/tls-trickle/deactivate")
        whole = body.rstrip().endswith("}")
        result(status == "200" and whole and elapsed > 0.4, f"trickle inside TLS ({name}): whole but slow",
               (status, elapsed))
        server.admin("DELETE", "/__admin/scenarios/active")


def check_robustness(server):
    def send_and_close(port, payload):
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(payload)
            try:
                sock.recv(1024)
            except (socket.timeout, ConnectionError):
                pass

    hello = bytes.fromhex("160301020001")  # a TLS record header promising a ClientHello that never comes whole
    cases = [
        ("garbage on the TLS port", server.https_port, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" + os.urandom(512)),
        ("a hang-up mid-handshake", server.https_port, hello + os.urandom(40)),
        ("a hang-up mid-CONNECT", server.port, b"CONNECT api.zylo.com:443 HTTP/1.1\r\nHost: api.z"),
        ("a hang-up right after CONNECT", server.port, b"CONNECT api.zylo.com:443 HTTP/1.1\r\n\r\n"),
        ("garbage inside a tunnel", server.port, b"CONNECT api.zylo.com:443 HTTP/1.1\r\n\r\n" + os.urandom(300)),
    ]
    for name, port, payload in cases:
        for _ in range(5):
            send_and_close(port, payload)
        result(server.alive(), f"{name}: the server still answers")
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with socket.create_connection(("127.0.0.1", server.https_port), timeout=5) as sock:
        with context.wrap_socket(sock, server_hostname="api.zylo.com") as tls:
            tls.sendall(b"GET /v1/subscriptions HTTP/1.1\r\nHost: api.zylo.com\r\n")  # hang up mid-request
    result(server.alive(), "a hang-up mid-request inside TLS: the server still answers")


def main():
    folder = tempfile.mkdtemp(prefix="transparent-https-ca-")
    ca = check_authority(os.path.join(folder, "ca"))
    server = Server(os.path.join(folder, "ca"))
    try:
        result(server.lines[0].startswith("listening on http://") and server.https_port > 0,
               "serve prints the plain line first, then the https one", server.lines[:2])
        for check in (check_curl, check_python, check_refusals, check_faults):
            check(server, ca)
        check_robustness(server)
    finally:
        server.stop()
    print(f"transparent-https: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
