#!/usr/bin/env python3
"""Mutation testing of the contract suite: does its live target notice a vendor that deviates?

Serves a sandbox (``usage-sandbox serve --port 0 --db :memory:``), puts the mutating proxy (``proxy.py``) in front
of it, and runs ``usage-sandbox contract --target live --vendor V`` through the proxy once per mutation
(``mutations.py``), with a freshly minted credential each time and writing checks allowed (the sandbox is
throwaway). First every vendor runs unmutated and must pass. A mutation is caught when the run fails.

    python3 scripts/mutation/run.py                       # all mutations, .build/debug/usage-sandbox
    python3 scripts/mutation/run.py --only zylo-export-status-completed --verbose

Exit status 0 when every mutation marked ``caught`` was caught and every one marked ``passes`` passed; the last
line reads ``mutations: N caught, M missed``.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mutations as catalogue  # noqa: E402
from proxy import MutatingProxy  # noqa: E402

VENDORS = ["hyalto", "usage-engine", "zylo", "mason"]
RUN_TIMEOUT = 120  # seconds one suite run may take before it counts as an error


class Unmutated:
    name = "none"


def serve(binary, workdir):
    """Starts the sandbox; answers (process, root URL)."""
    out = open(os.path.join(workdir, "serve.out"), "w+")
    err = open(os.path.join(workdir, "serve.err"), "w+")
    process = subprocess.Popen(
        [binary, "serve", "--port", "0", "--db", ":memory:", "--zylo-export-seconds", "1",
         "--zylo-import-seconds", "0.5", "--log-level", "error"],
        stdout=out, stderr=err)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        out.seek(0)
        first = out.readline()
        if first.startswith("listening on "):
            return process, first.split("listening on ", 1)[1].strip()
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    process.wait()
    err.seek(0)
    raise SystemExit(f"the sandbox did not start: {err.read()[-2000:]}")


def mint(root, vendor):
    request = urllib.request.Request(
        root + "/__admin/credentials", data=json.dumps({"vendor": vendor, "label": "mutation"}).encode(),
        headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def live_environment(base, vendor, credential):
    variables = {
        "hyalto": {"HYALTO_ACCESS_KEY": credential.get("accessKey"), "HYALTO_SECRET_KEY": credential.get("secretKey")},
        "usage-engine": {
            "USAGE_ENGINE_CLIENT_ID": credential.get("clientId"),
            "USAGE_ENGINE_CLIENT_SECRET": credential.get("clientSecret"),
            "USAGE_ENGINE_AUDIENCE": credential.get("audience"),
        },
        "zylo": {"ZYLO_TOKEN_ID": credential.get("tokenId"), "ZYLO_TOKEN_SECRET": credential.get("tokenSecret")},
        "mason": {"MASON_API_KEY": credential.get("apiKey"), "MASON_FLEET": "default"},
    }[vendor]
    variables[vendor.upper().replace("-", "_") + "_BASE_URL"] = base
    return variables


def run_suite(binary, root, proxy_port, name, vendor, workdir):
    """One live-target suite run of `vendor` through mutation `name`; answers a result dict."""
    credential = mint(root, vendor)
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("HYALTO_", "USAGE_ENGINE_", "ZYLO_", "MASON_", "CONTRACT_", "SANDBOX_"))}
    environment.update(live_environment(f"http://127.0.0.1:{proxy_port}/m/{name}/{vendor}", vendor, credential))
    environment.update({"CONTRACT_ALLOW_WRITES": "1", "CONTRACT_JOB_WAIT": "8", "CI": "true"})
    report = os.path.join(workdir, f"{name}-{vendor}.json")
    started = time.monotonic()
    try:
        finished = subprocess.run(
            [binary, "contract", "--target", "live", "--vendor", vendor, "--report", report],
            env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=RUN_TIMEOUT)
        status, stderr = finished.returncode, finished.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        status, stderr = None, f"timed out after {RUN_TIMEOUT} s"
    failed, skipped = [], []
    try:
        with open(report) as handle:
            for result in json.load(handle).get("results", []):
                outcome = result.get("outcome", {})
                if "failed" in outcome:
                    messages = outcome["failed"].get("_0", [])
                    failed.append((result.get("id"), messages[0] if messages else ""))
                elif "skipped" in outcome:
                    skipped.append((result.get("id"), outcome["skipped"].get("_0", "")))
    except (OSError, ValueError):
        pass
    return {"name": name, "vendor": vendor, "status": status, "failed": failed, "skipped": skipped,
            "seconds": time.monotonic() - started, "stderr": stderr}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build/debug/usage-sandbox")
    parser.add_argument("--only", nargs="*", help="run only these mutations")
    parser.add_argument("--jobs", type=int, default=3, help="suite runs at once")
    parser.add_argument("--verbose", action="store_true", help="print every failed check of every run")
    args = parser.parse_args()
    chosen = [m for m in catalogue.ALL if not args.only or m.name in args.only]
    if args.only and len(chosen) != len(args.only):
        raise SystemExit(f"unknown mutation in {args.only}")
    started = time.monotonic()
    workdir = tempfile.mkdtemp(prefix="mutation-")
    sandbox, root = serve(os.path.abspath(args.binary), workdir)
    proxy = MutatingProxy(int(root.rsplit(":", 1)[1]), {m.name: m for m in catalogue.ALL} | {"none": Unmutated()})
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    binary = os.path.abspath(args.binary)
    problems = []
    try:
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            baselines = list(pool.map(
                lambda vendor: run_suite(binary, root, proxy.port, "none", vendor, workdir), VENDORS))
            for result in baselines:
                # Live runs skip sandbox choices and checks that need the admin API; anything else is a setup fault.
                unexpected = [(i, r) for i, r in result["skipped"]
                              if not r.startswith(("sandbox choice", "needs the sandbox's admin API"))]
                if result["status"] != 0 or result["failed"] or unexpected:
                    problems.append(f"baseline {result['vendor']} did not pass cleanly: exit {result['status']}, "
                                    f"failed {result['failed']}, skipped {unexpected}\n{result['stderr'][-1500:]}")
                print(f"baseline {result['vendor']:<13} exit {result['status']}  {result['seconds']:.1f} s", flush=True)
            if problems:
                raise SystemExit("\n".join(problems))
            results = list(pool.map(
                lambda m: (m, run_suite(binary, root, proxy.port, m.name, m.vendor, workdir)), chosen))
    finally:
        proxy.shutdown()
        sandbox.terminate()
        try:
            sandbox.wait(timeout=10)
        except subprocess.TimeoutExpired:
            sandbox.kill()
            sandbox.wait()
        shutil.rmtree(workdir, ignore_errors=True)
    caught = missed = controls_ok = 0
    for mutation, result in results:
        if result["status"] not in (0, 1):
            problems.append(f"{mutation.name}: the suite run ended with status {result['status']}: "
                            f"{result['stderr'][-800:]}")
        flagged = result["status"] == 1 and bool(result["failed"])
        if proxy.applied(mutation.name) == 0:
            problems.append(f"{mutation.name}: the proxy never applied it, so the run says nothing")
        if mutation.expect == "caught":
            caught, missed = caught + flagged, missed + (not flagged)
            verdict = "caught" if flagged else "MISSED"
        else:
            controls_ok += not flagged
            verdict = "passes (as it should)" if not flagged else "FLAGGED (should pass)"
            if flagged:
                problems.append(f"{mutation.name}: the suite flags a change it should not: {result['failed']}")
        by = ", ".join(sorted({check for check, _ in result["failed"]}))
        print(f"{verdict:<22} {mutation.name:<42} {result['seconds']:5.1f} s  {by}", flush=True)
        if args.verbose:
            for check, message in result["failed"]:
                print(f"    {check}: {message[:300]}")
    controls = sum(m.expect == "passes" for m, _ in results)
    print(f"controls: {controls_ok} of {controls} undocumented changes passed, as they should")
    print(f"wall time: {time.monotonic() - started:.0f} s")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"mutations: {caught} caught, {missed} missed")
    return 1 if missed or problems else 0


if __name__ == "__main__":
    sys.exit(main())
