#!/usr/bin/env bash
# Mason at scale: generates a fleet of SIMS SIMs (default 10,000) × the last DAYS days (default 365) plus all of
# 2020 in a release build, then times the account-month aggregate and a one-SIM year series against a reference
# request (`GET /__admin/health`) measured in the same run, so the figures survive a noisy shared machine.
#
#   bench/mason-scale.sh [SIMS] [DAYS] [REPEATS]
#
# Bounded: REPEATS requests per query (default 30), loopback only; the server is stopped by its pid at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
sims="${1:-10000}"
days="${2:-365}"
repeats="${3:-30}"
work="$(mktemp -d)"
pid=""
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

swift build -c release --product usage-sandbox >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
started=$(date +%s.%N)
.build/release/usage-sandbox serve --port 0 --db "$work/mason.sqlite" --mason-sims "$sims" --mason-days "$days" \
    >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 1 3000); do
    grep -q '^listening on ' "$work/out" && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/err"; exit 1; }
    sleep 0.1
done
ready=$(date +%s.%N)
root="$(sed -n 's/^listening on //p' "$work/out" | head -1)"
[ -n "$root" ] || { echo "the sandbox did not start within 300 s"; exit 1; }
rows=$(( sims * (days + 366) ))
printf 'fleet: %d SIMs x (%d recent days + 366 days of 2020) = %d daily rows, generated and served in %.1f s\n' \
    "$sims" "$days" "$rows" "$(echo "$ready - $started" | bc)"

# median_ms URL [HEADER]: the median of REPEATS request times, in milliseconds.
median_ms() {
    local url="$1" header="${2:-X-Bench: 1}"
    for _ in $(seq 1 "$repeats"); do
        curl -sS -o /dev/null -w '%{time_total}\n' -H "$header" "$url"
    done | sort -n | awk '{ t[NR] = $1 } END { printf "%.2f", t[int((NR + 1) / 2)] * 1000 }'
}

key="Authorization: basic mason-demo-key"
base="$root/mason/beta/default/data"
reference=$(median_ms "$root/__admin/health")
month=$(median_ms "$base/aggregate/usage?date=2020-08-01T00:00:00Z" "$key")
marker=$(median_ms "$base/aggregate/usage?date=2020-08-01T00:00:00Z&marker=device-type" "$key")
simPage=$(median_ms "$base/aggregate/usage/sim?date=2020-08-01T00:00:00Z&limit=100" "$key")
year=$(median_ms "$base/series/usage/sim/iccid1?start=2020-01-01T00:00:00Z&end=2021-01-01T00:00:00Z" "$key")
echo "median of $repeats requests each (release build, loopback, curl):"
for row in "reference GET /__admin/health:$reference" "account-month aggregate:$month" \
    "account-month aggregate by device-type:$marker" "first page of 100 SIM aggregates:$simPage" \
    "one-SIM year series (366 days):$year"; do
    name="${row%%:*}"
    ms="${row##*:}"
    printf '  %-42s %8.2f ms  %6.1fx reference\n' "$name" "$ms" "$(echo "$ms / $reference" | bc -l)"
done
