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
source bench/serve-lib.sh
build_release
started=$(date +%s.%N)
serve .build/release/usage-sandbox --db "$work/mason.sqlite" --mason-sims "$sims" --mason-days "$days"
ready=$(date +%s.%N)
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
