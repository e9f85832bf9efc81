#!/usr/bin/env python3
"""Soak: a bounded mixed load on every vendor for several minutes, with scenarios injecting faults for some
credentials, against the release build. Passes when no request fails unexpectedly and resident memory stays flat.

    bench/soak.py [--seconds 180] [--workers 8] [--max-requests 2000000]

Clean credentials must always succeed; "faulty" credentials run a seeded scenario (503s, resets, delays), whose
injected failures are expected. Loopback only; bounded by time and request count; the server is stopped by its pid.
"""
import argparse, http.client, json, os, random, signal, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FAULTS = {
    "name": "soak-faults", "description": "Seeded 503s, resets and short delays for the faulty credentials.",
    "seed": 11,
    "rules": [
        {"name": "unavailable", "calls": {"probability": 0.04}, "respond": {"status": 503}},
        {"name": "reset", "calls": {"probability": 0.03}, "respond": {"fault": "reset"}},
        {"name": "slow", "calls": {"probability": 0.05}, "respond": {"delayMs": 20}},
    ],
}


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Client:
    def __init__(self, port):
        self.port = port
        self.connection = None

    def call(self, method, path, headers=None, body=None):
        """Status and body; status 0 when the connection broke (a fresh one is opened next time)."""
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            self.connection.request(method, path, body=body, headers=headers or {})
            response = self.connection.getresponse()
            data = response.read()
            if response.getheader("connection", "").lower() == "close":
                self.close()
            return response.status, data
        except (OSError, http.client.HTTPException):
            self.close()
            return 0, b""

    def close(self):
        if self.connection is not None:
            self.connection.close()
        self.connection = None


def admin(port, method, path, payload=None):
    client = Client(port)
    status, data = client.call(method, path, {"Content-Type": "application/json"},
                               json.dumps(payload).encode() if payload is not None else None)
    client.close()
    if status not in (200, 201):
        sys.exit(f"admin {method} {path}: {status} {data[:200]!r}")
    return json.loads(data)


def mint(port, vendor, **values):
    return admin(port, "POST", "/__admin/credentials", {"vendor": vendor, **values})


def operations(credentials):
    """One request factory per vendor and credential kind: (kind, vendor, function(client) -> status)."""
    zylo_auth = lambda c: {"Authorization": f"Bearer {c['tokenId']}:{c['tokenSecret']}"}
    result = []
    for kind, creds in credentials.items():
        z, m, h, u = creds["zylo"], creds["mason"], creds["hyalto"], creds["usage-engine"]
        result.append((kind, "zylo", lambda cl, z=z: cl.call("GET", "/zylo/v1/subscriptions?pageSize=20", zylo_auth(z))[0]))
        result.append((kind, "zylo", lambda cl, z=z: cl.call("POST", "/zylo/v1/subscriptions/-/exportJobs", zylo_auth(z))[0]))
        result.append((kind, "mason", lambda cl, m=m: cl.call(
            "GET", "/mason/beta/default/data/aggregate/usage/sim?date=2020-08-01T00:00:00Z&limit=10",
            {"Authorization": f"basic {m['apiKey']}"})[0]))
        result.append((kind, "hyalto", lambda cl, h=h: hyalto(cl, h)))
        result.append((kind, "usage-engine", lambda cl, u=u: usage_engine(cl, u)))
    return result


def hyalto(client, credential):
    status, data = client.call("POST", "/hyalto/accountManagement/auth/token", {"Content-Type": "application/json"},
                               json.dumps({"accessKey": credential["accessKey"], "secretKey": credential["secretKey"]}).encode())
    if status != 200:
        return status
    token = json.loads(data)["accessToken"]
    return client.call("GET", "/hyalto/accountManagement/accounts", {"Authorization": f"Bearer {token}"})[0]


def usage_engine(client, credential):
    form = (f"grant_type=client_credentials&client_id={credential['clientId']}"
            f"&client_secret={credential['clientSecret']}&audience={credential['audience']}")
    status, data = client.call("POST", "/usage-engine/authentication/v1/oauth/token",
                               {"Content-Type": "application/x-www-form-urlencoded"}, form.encode())
    if status == 429:
        return 200  # the documented token rate limit, not a failure of the sandbox
    if status != 200:
        return status
    token = json.loads(data)["access_token"]
    return client.call("GET", "/usage-engine/usage-metering/v1/meter-types", {"Authorization": f"Bearer {token}"})[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=180)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--max-requests", type=int, default=2_000_000)
    args = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "usage-sandbox"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    work = tempfile.mkdtemp()
    server = subprocess.Popen(
        [os.path.join(ROOT, ".build/release/usage-sandbox"), "serve", "--port", "0", "--db", f"{work}/soak.sqlite",
         "--log-level", "error", "--usage-engine-token-rate", "1000", "--usage-engine-token-burst", "1000"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        first = server.stdout.readline()
        port = int(first.strip().rsplit(":", 1)[1])
        admin(port, "POST", "/__admin/scenarios", FAULTS)
        credentials = {}
        for kind in ("clean", "faulty"):
            credentials[kind] = {
                "zylo": mint(port, "zylo"), "mason": mint(port, "mason"), "hyalto": mint(port, "hyalto"),
                "usage-engine": mint(port, "usage-engine"),
            }
        for vendor, credential in credentials["faulty"].items():
            admin(port, "POST", "/__admin/scenarios/soak-faults/activate", {"credential": credential["id"]})
        ops = operations(credentials)

        counts, unexpected, lock = {}, [], threading.Lock()
        deadline = time.monotonic() + args.seconds
        total = [0]

        def worker(number):
            rng = random.Random(number)
            client = Client(port)
            while time.monotonic() < deadline:
                with lock:
                    if total[0] >= args.max_requests:
                        break
                    total[0] += 1
                kind, vendor, operation = rng.choice(ops)
                status = operation(client)
                ok = 200 <= status < 300 or (kind == "faulty" and status in (0, 503))
                with lock:
                    key = (kind, vendor, status)
                    counts[key] = counts.get(key, 0) + 1
                    if not ok and len(unexpected) < 20:
                        unexpected.append(key)
            client.close()

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.workers)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        samples = []
        while any(thread.is_alive() for thread in threads):
            samples.append((round(time.monotonic() - started), rss_mib(server.pid)))
            time.sleep(5)
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
        # Memory after the first minute (caches warm, the journal full) against the end.
        warm = [mib for second, mib in samples if second >= min(60, args.seconds // 3)]
        growth = (warm[-1] - warm[0]) if len(warm) > 1 else 0.0
        print(f"soak: {total[0]} scenario-mixed requests in {elapsed:.0f} s ({total[0] / elapsed:.0f}/s), "
              f"{args.workers} workers")
        for (kind, vendor, status), count in sorted(counts.items()):
            print(f"  {kind:6} {vendor:12} {status:3}  {count}")
        print(f"resident memory: {samples[0][1]:.0f} MiB at start, {max(m for _, m in samples):.0f} MiB peak, "
              f"{samples[-1][1]:.0f} MiB at the end; {growth:+.1f} MiB after warm-up")
        if unexpected:
            print(f"UNEXPECTED: {unexpected}")
        return 1 if unexpected or growth > 10 else 0
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
