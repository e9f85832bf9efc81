#!/usr/bin/env python3
"""Scale: per-request latency with the default data and with Mason at 10,000 SIMs x 365 days and Zylo at 10,000
subscriptions, release build, one keep-alive connection. Each query is asked REPEATS times with a different `limit`
or `pageSize` where the sandbox would otherwise answer from its memo of answered pages, so every figure is a real
query. Prints medians, each also as a multiple of `GET /__admin/health` measured in the same run.

    python3 bench/scale.py [--repeats 30] [--binary .build/release/usage-sandbox]

Bounded: REPEATS requests per query and size; each server is stopped by its pid.
"""
import argparse
import statistics

from sandboxproc import Sandbox

parser = argparse.ArgumentParser()
parser.add_argument("--repeats", type=int, default=30)
parser.add_argument("--binary", default=".build/release/usage-sandbox")
options = parser.parse_args()
MASON = {"Authorization": "basic mason-demo-key"}
BASE = "/mason/beta/default/data"


def median_ms(s, paths, headers=None):
    times = []
    for path in paths:
        status, body, ms = s.get(path, headers)
        if status != 200:
            raise SystemExit("%s answered %d: %s" % (path, status, body[:200]))
        times.append(ms)
    return statistics.median(times)


def measure(s):
    n = range(1, options.repeats + 1)
    zylo = {"Authorization": s.zylo_authorization()}
    s.get(BASE + "/aggregate/usage?date=2020-08-01T00:00:00Z", MASON)  # makes August once: not timed
    s.get("/zylo/v1/subscriptions?pageSize=1", zylo)  # waits for Zylo's fixtures once: not timed
    first = s.get("/zylo/v1/subscriptions?pageSize=1", zylo)[1].decode()
    subscription = first.split('"id":"', 1)[1].split('"', 1)[0]
    return {
        "reference GET /__admin/health": median_ms(s, ["/__admin/health"] * options.repeats),
        "Mason account-month aggregate": median_ms(
            s, [BASE + "/aggregate/usage?date=2020-08-01T00:00:00Z&limit=%d" % i for i in n], MASON),
        "Mason page of SIM aggregates": median_ms(
            s, [BASE + "/aggregate/usage/sim?date=2020-08-01T00:00:00Z&limit=%d" % i for i in n], MASON),
        "Mason one-SIM month series": median_ms(
            s, [BASE + "/series/usage/sim/iccid1?start=2020-08-01T00:00:00Z&end=2020-09-01T00:00:00Z"] * len(n), MASON),
        "Mason account-month series": median_ms(
            s, [BASE + "/series/usage?start=2020-08-01T00:00:00Z&end=2020-09-01T00:00:00Z"] * len(n), MASON),
        "Zylo first page of subscriptions": median_ms(
            s, ["/zylo/v1/subscriptions?pageSize=%d" % (20 + i) for i in n], zylo),
        "Zylo subscription by id": median_ms(s, ["/zylo/v1/subscriptions/" + subscription] * len(n), zylo),
        "Zylo license aggregates": median_ms(
            s, ["/zylo/v1/subscriptions/%s/users/aggregates/licenses" % subscription] * len(n), zylo),
    }


with Sandbox(options.binary) as s:
    small = measure(s)
with Sandbox(options.binary, ["--mason-sims", "10000", "--mason-days", "365", "--zylo-subscriptions", "10000"]) as s:
    large = measure(s)
print("median of %d requests each (release build, one keep-alive connection, loopback)" % options.repeats)
print("%-36s %12s %12s %8s   %s" % ("query", "default", "10,000", "factor", "x health (default / 10,000)"))
reference = "reference GET /__admin/health"
for name in small:
    print("%-36s %9.2f ms %9.2f ms %7.1fx   %5.1f / %5.1f" % (
        name, small[name], large[name], large[name] / small[name],
        small[name] / small[reference], large[name] / large[reference]))
