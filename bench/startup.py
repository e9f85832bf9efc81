#!/usr/bin/env python3
"""Start-up: milliseconds from spawning `usage-sandbox serve` (release build, new database file each time) to its
first answered request, per vendor, at the default data size and scaled up. Prints medians of RUNS starts.

    python3 bench/startup.py [--runs 7] [--binary .build/release/usage-sandbox]

Bounded: RUNS starts per row, each server stopped by its pid once it has answered.
"""
import argparse
import json
import re
import statistics

from sandboxproc import Sandbox, first_answer_ms

parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=7)
parser.add_argument("--binary", default=".build/release/usage-sandbox")
options = parser.parse_args()


def mason(s):
    return first_answer_ms(s, "GET", "/mason/beta/default/data/aggregate/usage?date=2020-08-01T00:00:00Z",
                           {"Authorization": "basic mason-demo-key"})


def zylo(s):
    return first_answer_ms(s, "GET", "/zylo/v1/subscriptions?pageSize=50", {"Authorization": s.zylo_authorization()})


def hyalto(s):
    access, secret = re.search(r"accessKey (\S+)\s+secretKey (\S+)", s.demo["hyalto"]).groups()
    return first_answer_ms(s, "POST", "/hyalto/accountManagement/auth/token", {"Content-Type": "application/json"},
                           json.dumps({"accessKey": access, "secretKey": secret}))


sizes = [("default data (40 SIMs, 120 subscriptions)", []),
         ("Mason 10,000 SIMs x 365 days", ["--mason-sims", "10000", "--mason-days", "365"]),
         ("Zylo 10,000 subscriptions", ["--zylo-subscriptions", "10000"])]
print("median of %d starts, each on a new database; ms from spawn" % options.runs)
print("%-44s %10s %14s %14s %14s" % ("data", "listening", "first Mason", "first Zylo", "first Hyalto"))
for name, args in sizes:
    row = []
    listening = []
    for first in (mason, zylo, hyalto):
        times = []
        for _ in range(options.runs):
            with Sandbox(options.binary, args) as s:
                listening.append(s.listening_ms)
                times.append(first(s))
        row.append(statistics.median(times))
    print("%-44s %10.0f %14.0f %14.0f %14.0f" % (name, statistics.median(listening), *row))
