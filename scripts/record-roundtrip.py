#!/usr/bin/env python3
"""`usage-sandbox record` proved by a round trip through the sandbox itself (issue 19).

1. Sandbox A: `serve --seed 7 --mason-sims 500 --zylo-subscriptions 300` on a free loopback port with a temp --db;
   a few Usage Engine meter types and meters are created in it through the API (Usage Engine has no built-in data).
2. `record --vendor all --base-url A` with A's demo credentials in the contract suite's live-target variables, into
   a temp folder; the recording time and file sizes are printed.
3. Sandbox B: `serve --fixtures <recording>` (default seed 42, so nothing matches unless the files loaded).
4. Every documented read route of every vendor (listed below per vendor, taken from each vendor's route table and
   OpenAPI document), with the ids the listings give, on A and on B: JSON bodies must be equal, except for the
   values the sandbox makes per request or per credential, listed in EXCEPTIONS.
5. B stopped; `fixtures --out <again> --from-db <B's db>` must give the recorded files byte for byte.

Not compared: Zylo export/import job routes (their content is jobs a client created, not data: the recording's own
export job exists only on A), Mason's `warehouse` fleet (a recording reads the fleet MASON_FLEET names), and Mason
and Hyalto usage outside the recorded date range (B has only the range; the months compared lie wholly inside it).

Usage: scripts/record-roundtrip.py [path/to/usage-sandbox]   (default .build/debug/usage-sandbox)
Prints `record round trip: N passed, M failed` last; exits non-zero on any failure. Loopback only.
"""
import datetime
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/usage-sandbox"))
# Values the sandbox makes per request or per credential, never data a recording carries:
EXCEPTIONS = {
    # Zylo's page tokens are opaque handles the serving sandbox issues (random per database).
    "zylo": {"nextPageToken"},
    # Usage Engine's accountId is the credential's account: each sandbox's demo account has its own id.
    "usage-engine": {"accountId"},
    "hyalto": set(),
    "mason": set(),
}
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
    """`usage-sandbox serve --port 0` with a database file in `folder`; stopped by its pid."""

    def __init__(self, folder, name, *arguments):
        self.db = os.path.join(folder, f"{name}.sqlite")
        self.out = open(os.path.join(folder, f"{name}.out"), "w+")
        self.err = open(os.path.join(folder, f"{name}.err"), "w+")
        self.process = subprocess.Popen(
            [BINARY, "serve", "--port", "0", "--db", self.db, "--log-level", "error", *arguments],
            stdout=self.out, stderr=self.err, cwd=folder)
        deadline = time.time() + 120
        self.root = None
        while time.time() < deadline and self.process.poll() is None:
            self.out.seek(0)
            first = self.out.readline()
            if first.startswith("listening on ") and first.endswith("\n"):
                self.root = first.strip().split(" ", 2)[2]
                break
            time.sleep(0.1)
        if not self.root:
            self.stop()
            self.err.seek(0)
            raise RuntimeError(f"sandbox {name} did not start: {self.err.read()[-2000:]}")
        self.credentials = {c["vendor"]: c for c in self.call("GET", "/__admin/credentials")[1]["credentials"]}
        self.tokens = {}

    def call(self, method, path, body=None, headers=None, form=None):
        data = None
        headers = dict(headers or {})
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.root + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        try:
            return status, json.loads(raw)
        except ValueError:
            return status, raw.decode("utf-8", "replace")

    def auth(self, vendor):
        """The Authorization header of the sandbox's demo credential of `vendor`."""
        if vendor in self.tokens:
            return self.tokens[vendor]
        c = self.credentials[vendor]
        if vendor == "zylo":
            header = f"Bearer {c['tokenId']}:{c['tokenSecret']}"
        elif vendor == "mason":
            header = f"basic {c['apiKey']}"
        elif vendor == "hyalto":
            _, body = self.call("POST", "/hyalto/accountManagement/auth/token",
                                {"accessKey": c["accessKey"], "secretKey": c["secretKey"]})
            header = f"Bearer {body['accessToken']}"
        else:
            _, body = self.call("POST", "/usage-engine/authentication/v1/oauth/token", form={
                "grant_type": "client_credentials", "client_id": c["clientId"], "client_secret": c["clientSecret"],
                "audience": c["audience"]})
            header = f"Bearer {body['access_token']}"
        self.tokens[vendor] = header
        return header

    def get(self, vendor, path):
        return self.call("GET", f"/{vendor}{path}", headers={"Authorization": self.auth(vendor)})

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def strip(value, keys):
    """`value` without the members named in `keys`, at any depth (their presence is kept)."""
    if isinstance(value, dict):
        return {k: ("<per-request>" if k in keys else strip(v, keys)) for k, v in value.items()}
    if isinstance(value, list):
        return [strip(v, keys) for v in value]
    return value


def compare(a, b, vendor, path):
    status_a, body_a = a.get(vendor, path)
    status_b, body_b = b.get(vendor, path)
    keys = EXCEPTIONS[vendor]
    ok = status_a == status_b == 200 and strip(body_a, keys) == strip(body_b, keys)
    result(ok, f"{vendor} GET {path}", f"A {status_a} {str(body_a)[:300]}\n     B {status_b} {str(body_b)[:300]}")
    return body_a


def seed_usage_engine(a):
    """Meter types and meters in A's demo account, through the API (Usage Engine has no generated data)."""
    auth = {"Authorization": a.auth("usage-engine")}
    for index, (name, aggregation) in enumerate([("Pay-Per-Print", "sum"), ("API calls", "increment"),
                                                 ("Peak seats", "max")]):
        status, body = a.call("POST", "/usage-engine/usage-metering/v1/meter-types", {
            "name": name, "description": f"{name} meter", "unit": "unit", "category": "demo",
            "aggregation": {"type": aggregation}, "capacity": 100 * (index + 1),
            "thresholds": [{"name": "half", "capacityPercentage": 50, "customFields": {"notify": "ops@example.com"}}],
            "resetSchedule": {"day": "1", "hour": "0", "minute": "0", "month": "*", "weekday": "*"},
            "timezone": "Etc/UTC"}, headers=auth)
        assert status == 201, body
        for customer in range(3):
            status, meter = a.call("POST", "/usage-engine/usage-metering/v1/meters", {
                "userId": f"customer-{customer}@example.com", "meterKey": f"key-{index}-{customer}",
                "meterTypeId": body["id"], "customFields": {"plan": "gold", "seats": customer + 1}}, headers=auth)
            assert status == 201, meter


def record_environment(a):
    c = a.credentials
    return {**os.environ,
           "ZYLO_TOKEN_ID": c["zylo"]["tokenId"], "ZYLO_TOKEN_SECRET": c["zylo"]["tokenSecret"],
           "MASON_API_KEY": c["mason"]["apiKey"], "MASON_FLEET": "default",
           "HYALTO_ACCESS_KEY": c["hyalto"]["accessKey"], "HYALTO_SECRET_KEY": c["hyalto"]["secretKey"],
           "USAGE_ENGINE_CLIENT_ID": c["usage-engine"]["clientId"],
           "USAGE_ENGINE_CLIENT_SECRET": c["usage-engine"]["clientSecret"],
           "USAGE_ENGINE_AUDIENCE": c["usage-engine"]["audience"]}


def record(a, folder):
    """Records A once stopped in the middle of Mason and once resumed; prints the time and the file sizes."""
    c = a.credentials
    env = record_environment(a)
    command = [BINARY, "record", "--vendor", "all", "--base-url", a.root, "--out", folder]
    started = time.time()
    errors = open(os.path.join(os.path.dirname(folder), "record-1.err"), "w+")
    first = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env)
    deadline = time.time() + 300
    while time.time() < deadline and first.poll() is None:
        errors.seek(0)
        if "recorded zylo" in errors.read():
            break
        time.sleep(0.2)
    time.sleep(4)
    first.terminate()
    first.wait(timeout=30)
    errors.seek(0)
    print("interrupted run:\n" + errors.read().strip())
    log = os.path.join(folder, ".record", "mason-sims.jsonl")
    kept = sum(1 for _ in open(log)) if os.path.exists(log) else 0
    result(first.returncode != 0 and kept > 0, "a recording stopped during Mason keeps the SIMs it read",
           f"exit {first.returncode}, {kept} SIMs kept")
    run = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    seconds = time.time() - started
    print("resumed run:\n" + run.stderr.strip())
    result(run.returncode == 0, "record --vendor all", run.stderr[-2000:])
    result("recorded zylo" not in run.stderr and "recorded hyalto" not in run.stderr,
           "the resumed run does not read the finished vendors again", run.stderr[-500:])
    result(not os.path.exists(os.path.join(folder, ".record")), "the work in progress is removed at the end")
    print(f"recording time (both runs): {seconds:.1f} s")
    for directory, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            path = os.path.join(directory, name)
            print(f"  {os.path.relpath(path, folder)}: {os.path.getsize(path):,} bytes")
    secrets = [c["zylo"]["tokenSecret"], c["hyalto"]["secretKey"], c["usage-engine"]["clientSecret"],
               c["mason"]["apiKey"]]
    leaked = [(name, s) for directory, _, files in os.walk(folder) for name in files
              for s in secrets if s in open(os.path.join(directory, name), errors="replace").read()]
    result(not leaked, "no credential in the recorded files", str(leaked))


def months_inside(first, last):
    """The first days of the months that lie wholly inside [first, last]."""
    months = []
    month = datetime.date(first.year, first.month, 1)
    while month <= last:
        following = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        if month >= first and following - datetime.timedelta(days=1) <= last:
            months.append(month)
        month = following
    return months


def compare_all(a, b, first, last):
    # Zylo: GET /v1/subscriptions (every page, two page sizes), /v1/subscriptions/{id}, .../users/aggregates/licenses.
    ids = []
    for size in (100, 7):
        # Each sandbox issues its own page tokens: follow each one's own.
        token_a = token_b = ""
        for _ in range(100):
            suffix = f"/v1/subscriptions?pageSize={size}"
            status_a, page_a = a.get("zylo", suffix + (f"&pageToken={token_a}" if token_a else ""))
            status_b, page_b = b.get("zylo", suffix + (f"&pageToken={token_b}" if token_b else ""))
            keys = EXCEPTIONS["zylo"]
            result(status_a == status_b == 200 and strip(page_a, keys) == strip(page_b, keys),
                   f"zylo GET {suffix} page", f"A {status_a} {str(page_a)[:300]}\n     B {status_b} {str(page_b)[:300]}")
            if size == 100:
                ids += [s["id"] for s in page_a.get("subscriptions", [])]
            token_a, token_b = page_a.get("nextPageToken", ""), page_b.get("nextPageToken", "")
            if not token_a or not token_b:
                break
    for sid in ids:
        compare(a, b, "zylo", f"/v1/subscriptions/{sid}")
        compare(a, b, "zylo", f"/v1/subscriptions/{sid}/users/aggregates/licenses")

    # Mason: the aggregate routes (account, every SIM, one SIM) per month inside the range, plain and per marker and
    # order, and the series routes (account, /sim, /sim/{iccid}, /{iccid}) over the range.
    markers = ["imei", "device-group", "device-uuid", "device-type", "incremental", "carrier", "mnc-mcc", "mnc", "mcc"]
    base = "/beta/default/data"
    iccids = []
    for month in months_inside(first, last):
        date = f"{month.isoformat()}T00:00:00Z"
        compare(a, b, "mason", f"{base}/aggregate/usage?date={date}")
        for marker in markers:
            compare(a, b, "mason", f"{base}/aggregate/usage?date={date}&marker={marker}")
            compare(a, b, "mason", f"{base}/aggregate/usage/sim?date={date}&marker={marker}&limit=1000")
        for order in ("asc", "desc"):
            for column in ("total", "upload", "download"):
                compare(a, b, "mason", f"{base}/aggregate/usage/sim?date={date}&orderBy={order}"
                                       f"&orderByColumn={column}&limit=1000")
        page = compare(a, b, "mason", f"{base}/aggregate/usage/sim?date={date}&limit=1000")
        iccids = sorted({row["sim"]["iccid"] for row in page.get("data", [])})
        after = ""
        for _ in range(20):
            page = compare(a, b, "mason", f"{base}/aggregate/usage/sim?date={date}&limit=60" +
                           (f"&after={after}" if after else ""))
            after = page.get("nextPage", "")
            if not after:
                break
        for iccid in iccids[:25]:
            compare(a, b, "mason", f"{base}/aggregate/usage/sim/{iccid}?date={date}")
            compare(a, b, "mason", f"{base}/aggregate/usage/sim/{iccid}?date={date}&marker=device-uuid")
    start = f"{first.isoformat()}T00:00:00Z"
    end = f"{(last + datetime.timedelta(days=1)).isoformat()}T00:00:00Z"
    compare(a, b, "mason", f"{base}/series/usage?start={start}&end={end}")
    compare(a, b, "mason", f"{base}/series/usage/sim?start={start}&end={end}")
    compare(a, b, "mason", f"{base}/series/usage?start={start}&end={end}&marker=carrier&markerValue=T-Mobile")
    for iccid in iccids[:25]:
        compare(a, b, "mason", f"{base}/series/usage/sim/{iccid}?start={start}&end={end}")
        compare(a, b, "mason", f"{base}/series/usage/{iccid}?start={start}&end={end}")

    # Hyalto: customers, each one's services and raw usage, each service's usage report, inside the range.
    customers = compare(a, b, "hyalto", "/accountManagement/accounts")
    window = (f"{first.isoformat()}%2000:00:00", f"{last.isoformat()}%2012:00:00")
    for customer in customers if isinstance(customers, list) else []:
        services = compare(a, b, "hyalto", f"/serviceOfferings/accounts/{customer['id']}/services/")
        compare(a, b, "hyalto", f"/solutions/usage/account/{customer['id']}/raw"
                                f"?filter[startTime]={window[0]}&filter[endTime]={window[1]}")
        for service in services if isinstance(services, list) else []:
            compare(a, b, "hyalto", f"/reports/usage/service/{service['id']}"
                                    f"?filter[from]={window[0]}&filter[to]={window[1]}")

    # Usage Engine: meter types (all, by name, each) and meters (all, by key, by type, each).
    types = compare(a, b, "usage-engine", "/usage-metering/v1/meter-types").get("meterTypes", [])
    for item in types:
        compare(a, b, "usage-engine", f"/usage-metering/v1/meter-types/{item['id']}")
        compare(a, b, "usage-engine", "/usage-metering/v1/meter-types?name=" + urllib.parse.quote(item["name"]))
        compare(a, b, "usage-engine", f"/usage-metering/v1/meters?meterTypeId={item['id']}")
    for meter in compare(a, b, "usage-engine", "/usage-metering/v1/meters").get("meters", []):
        compare(a, b, "usage-engine", f"/usage-metering/v1/meters/{meter['id']}")
        compare(a, b, "usage-engine", f"/usage-metering/v1/meters?meterKey={meter['meterKey']}")


def check_anonymize(a, folder):
    """--anonymize: no original name, email or user id in the files, and the same fakes on every run."""
    outputs = []
    for run_number in (1, 2):
        out = os.path.join(folder, f"anonymized-{run_number}")
        run = subprocess.run([BINARY, "record", "--vendor", "all", "--base-url", a.root, "--out", out,
                              "--anonymize", "--from", "2026-01-01", "--to", "2026-01-02"],
                             capture_output=True, text=True, env=record_environment(a), timeout=300)
        result(run.returncode == 0, f"record --anonymize (run {run_number})", run.stderr[-1000:])
        outputs.append(out)
    texts = {}
    for name in ("usage-engine/meters.json", "hyalto/customers.json", "hyalto/services.json", "zylo/users.csv"):
        first, second = (open(os.path.join(out, name), newline="").read() for out in outputs)
        result(first == second, f"--anonymize gives the same fakes on every run: {name}")
        texts[name] = first
    with open(os.path.join(folder, "recording", "zylo", "users.csv"), newline="") as file:
        names = {row.split(",")[1] for row in file.read().split("\r\n")[1:] if row}
    anonymized = {row.split(",")[1] for row in texts["zylo/users.csv"].split("\r\n")[1:] if row}
    result(names and not names & anonymized, "--anonymize replaces Zylo users' names", str(names & anonymized)[:200])
    originals = ["customer-0@example.com", "Acme Logistics", "Northwind Traders"]
    leaked = [o for o in originals for text in texts.values() if o in text]
    result(not leaked and "user-" in texts["usage-engine/meters.json"] and "Company-" in texts["hyalto/customers.json"],
           "--anonymize replaces emails, user ids and company names", str(leaked))


def check_malformed(folder, recording):
    """A recording with one bad number stops `serve` with exit status 1, naming the file, the line and the field."""
    bad = os.path.join(folder, "bad")
    shutil.copytree(recording, bad)
    path = os.path.join(bad, "mason", "usage.csv")
    with open(path, newline="") as file:
        lines = file.read().split("\r\n")
    fields = lines[1].split(",")
    fields[4] = "1" + fields[4]
    lines[1] = ",".join(fields)
    with open(path, "w", newline="") as file:
        file.write("\r\n".join(lines))
    try:
        run = subprocess.run([BINARY, "serve", "--port", "0", "--db", ":memory:", "--fixtures", bad],
                             capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return result(False, "serve refuses a malformed recording", "it started and served instead")
    result(run.returncode == 1 and f"{path}: line 2, total:" in run.stderr,
           "serve refuses a malformed recording naming path, line and field", f"{run.returncode} {run.stderr[-500:]}")


def main():
    folder = tempfile.mkdtemp(prefix="record-roundtrip-")
    recording = os.path.join(folder, "recording")
    servers = []
    try:
        a = Server(folder, "a", "--seed", "7", "--mason-sims", "500", "--zylo-subscriptions", "300",
                   "--zylo-export-seconds", "1")
        servers.append(a)
        seed_usage_engine(a)
        record(a, recording)
        b = Server(folder, "b", "--fixtures", recording)
        servers.append(b)
        last = datetime.datetime.now(datetime.timezone.utc).date()
        first = last - datetime.timedelta(days=89)
        started = time.time()
        compare_all(a, b, first, last)
        print(f"compared in {time.time() - started:.1f} s")
        b.stop()
        again = os.path.join(folder, "again")
        run = subprocess.run([BINARY, "fixtures", "--out", again, "--from-db", b.db], capture_output=True,
                             text=True, timeout=300)
        result(run.returncode == 0, "fixtures --from-db of B", run.stderr[-2000:])
        for vendor_dir in ("zylo", "mason", "hyalto", "usage-engine"):
            match, mismatch, errors = filecmp.cmpfiles(
                os.path.join(recording, vendor_dir), os.path.join(again, vendor_dir),
                sorted(os.listdir(os.path.join(recording, vendor_dir))), shallow=False)
            result(not mismatch and not errors, f"{vendor_dir} files from B's database equal the recording",
                   f"differ: {mismatch} {errors}")
        check_anonymize(a, folder)
        check_malformed(folder, recording)
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"record round trip: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
