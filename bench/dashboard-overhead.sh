#!/usr/bin/env bash
# What one open dashboard costs vendor requests: wrk against a seed route (the bench's W1, Mason's aggregate usage)
# with and without a background poller that does exactly what the page does every second (journal page with
# `after`, the rate series, the clock), in alternating rounds against one served sandbox, so both figures come from
# the same run on the same machine. Prints the median of each and their ratio.
#
#   bench/dashboard-overhead.sh [BINARY] [--rounds N] [--seconds S]
#
# BINARY defaults to .build/release/usage-sandbox (built when missing). Bounded: N rounds of two S-second wrk runs
# (defaults 3 and 5), loopback only; the server and the poller are stopped by their pids.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
binary="" rounds=3 seconds=5
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds="$2"; shift ;;
        --seconds) seconds="$2"; shift ;;
        *) binary="$1" ;;
    esac
    shift
done
source bench/serve-lib.sh
if [ -z "$binary" ]; then
    binary=.build/release/usage-sandbox
    [ -x "$binary" ] || build_release
fi
poller=""
stop_poller() { if [ -n "$poller" ]; then kill "$poller" 2>/dev/null || true; wait "$poller" 2>/dev/null || true; fi; poller=""; }
trap 'stop_poller; cleanup' EXIT

serve "$binary" --db "$work/bench.sqlite" --log-level error
url="$root/mason/beta/default/data/aggregate/usage?date=2020-08-01T00:00:00Z"
key='Authorization: basic mason-demo-key'
for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$key" "$url")" = 200 ] && break
    sleep 0.1
done
wrk -t2 -c32 -d2s -H "$key" "$url" >/dev/null  # warm-up

# The page's once-a-second work (app.js tick() on the Requests tab), for as long as it runs.
poll() {
    exec python3 - "$root" <<'PY'
import json, sys, time, urllib.request
root, newest = sys.argv[1], 0
while True:
    started = time.time()
    query = f"?after={newest}&limit=200" if newest else "?limit=300"
    for path in ["/__admin/requests" + query, "/__admin/rates?seconds=120", "/__admin/clock"]:
        with urllib.request.urlopen(root + path, timeout=10) as response:
            body = json.loads(response.read())
        if path.startswith("/__admin/requests") and body["requests"]:
            newest = body["requests"][0]["sequence"]
    took = time.time() - started
    print(f"{took * 1000:.2f}", flush=True)
    time.sleep(max(0.0, 1.0 - took))
PY
}

rate() { wrk -t2 -c32 -d"${seconds}s" -H "$key" "$url" | awk '/Requests\/sec/ {print $2}'; }
without=() with=()
for round in $(seq 1 "$rounds"); do
    without+=("$(rate)")
    poll >>"$work/poll.ms" 2>"$work/poll.err" &
    poller=$!
    sleep 1
    with+=("$(rate)")
    stop_poller
    echo "round $round: without dashboard ${without[-1]} req/s, with one dashboard polling ${with[-1]} req/s"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
a="$(median "${without[@]}")" b="$(median "${with[@]}")"
echo "median without dashboard: $a req/s"
echo "median with one dashboard polling every second: $b req/s"
awk -v a="$a" -v b="$b" 'BEGIN {printf "ratio with/without: %.3f (%+.1f%%)\n", b / a, (b / a - 1) * 100}'
# The poll's own cost, which noise from other processes does not hide: wall time of one second's three calls while
# wrk loads the server (each pulls up to 200 new journal entries).
sort -g "$work/poll.ms" | awk '{a[NR]=$1; s+=$1} END {if (NR) printf "one poll (journal page, rates, clock) under load: median %.1f ms, mean %.1f ms, max %.1f ms over %d polls\n", a[int((NR+1)/2)], s/NR, a[NR], NR}'
# And its CPU cost, which other processes on the machine cannot blur: the server's CPU time (utime + stime from
# /proc) over 20 full polls (a 200-entry journal page, the rates, the clock) against a full journal, as a share of
# one second of both cores.
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
ticks=$(getconf CLK_TCK)
before=$(cpu)
for _ in $(seq 1 20); do
    for path in "/__admin/requests?limit=200" "/__admin/rates?seconds=120" "/__admin/clock"; do
        curl -s -o /dev/null "$root$path"
    done
done
after=$(cpu)
awk -v t="$((after - before))" -v hz="$ticks" -v cores="$(nproc)" 'BEGIN {ms = t * 1000 / hz / 20;
    printf "server CPU per poll: %.1f ms, %.2f%% of %d cores each second\n", ms, ms / 10 / cores, cores}'
