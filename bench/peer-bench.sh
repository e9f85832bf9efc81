#!/usr/bin/env bash
# Our sandbox in the shared side-by-side benchmark (../shared/bench/run): builds the release binary, serves it with
# the bench's credentials minted through the admin API, times start-up (process start to the first answered W1),
# runs the bench's three workloads next to the raw-SwiftNIO limit server (and, with --peers, every peer), and prints
# resident memory after the run.
#
#   bench/peer-bench.sh [--quick] [--peers]
#
# Bounded: the bench's wrk runs are time-limited; loopback only; the server is stopped by its pid at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
bench="$(cd ../shared/bench && pwd)"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
quick="" targets="limit"
for arg in "$@"; do
    case "$arg" in
        --quick) quick="--quick" ;;
        --peers) targets="limit,specmatic,pact,flask" ;;
        *) echo "unknown argument: $arg" >&2; exit 2 ;;
    esac
done
source bench/serve-lib.sh
build_release

# Start-up: from spawning the process to the first 200 on the bench's W1 (the demo key, default data).
started=$(date +%s%N)
.build/release/usage-sandbox serve --port 0 --db "$work/bench.sqlite" --log-level error >"$work/out" 2>"$work/err" &
pid=$!
root=""
for _ in $(seq 1 20000); do
    root="$(sed -n 's/^listening on //p' "$work/out" | head -1)"
    if [ -n "$root" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: basic mason-demo-key' \
        "$root/mason/beta/default/data/aggregate/usage?date=2020-08-01T00:00:00Z")" = 200 ]; then break; fi
    kill -0 "$pid" 2>/dev/null || { cat "$work/err"; exit 1; }
    sleep 0.002
done
ready=$(date +%s%N)
printf 'start-up (spawn to first answered W1, default data, new database): %d ms\n' $(( (ready - started) / 1000000 ))

mint() { curl -sS -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$1" "$root/__admin/credentials"; }
[ "$(mint '{"vendor":"mason","apiKey":"bench-key"}')" = 201 ]
[ "$(mint '{"vendor":"zylo","tokenId":"bench-id","tokenSecret":"bench-secret"}')" = 201 ]
[ "$(mint '{"vendor":"hyalto","accessKey":"bench-access","secretKey":"bench-secret"}')" = 201 ]

BENCH_OUT="$work/run" "$bench/run" $quick --targets "$targets" --ours "$root"
# The bench's W2 check wants its own invented subscription fields (`appName`), so it does not time our page; time our
# 50-item page (our fixture subscriptions carry every documented field: about 98 KB instead of 47 KB) directly.
echo "ours W2 (our own 50-subscription page, $(curl -s -H 'Authorization: Bearer bench-id:bench-secret' \
    "$root/zylo/v1/subscriptions?pageSize=50" | wc -c) bytes), wrk -t2 -c32 -d10s:"
wrk -t2 -c32 -d10s --latency -H 'Authorization: Bearer bench-id:bench-secret' \
    "$root/zylo/v1/subscriptions?pageSize=50" | grep -E 'Requests/sec|  50%|  99%'
printf 'resident memory after the bench: %d MiB\n' $(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
