#!/usr/bin/env bash
# Hand-written vs library (issue 16): each hand-written hot-path piece against the library it stands in for, on the
# real request it serves, with wrk against one release binary served twice: as it is, and with the environment
# variable USAGE_SANDBOX_LIBRARY naming the pieces that use the library instead (Sources/Sandbox/Core/LibraryChoice.swift).
# A piece stays hand-written only where the library costs more than 5% (a ratio under 0.95).
#
#   bench/handwritten-vs-library.sh [--rounds N] [--seconds S] [--binary PATH]
#
# Targets are timed in turns (ab-lib.sh), so every ratio comes from one run on this noisy machine. Bounded: wrk runs
# are time-limited; loopback only; every server is stopped by its pid at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
rounds=7 seconds=3 binary=""
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        --seconds) seconds="$2"; shift 2 ;;
        --binary) binary="$2"; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
source bench/serve-lib.sh
source bench/ab-lib.sh
pids=()
stop_all() {
    local p
    for p in "${pids[@]+"${pids[@]}"}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
    rm -rf "$work"
}
trap stop_all EXIT
if [ -z "$binary" ]; then
    build_release
    binary=.build/release/usage-sandbox
fi

declare -A url
# start NAME LIBRARY: serves the binary on a new database with USAGE_SANDBOX_LIBRARY=LIBRARY and the bench credentials.
start() {
    local name="$1" base=""
    USAGE_SANDBOX_LIBRARY="$2" "$binary" serve --port 0 --db "$work/$name.sqlite" --log-level error \
        >"$work/$name.out" 2>"$work/$name.err" &
    pids+=($!)
    for _ in $(seq 1 3000); do
        base="$(sed -n 's/^listening on //p' "$work/$name.out" | head -1)"
        [ -n "$base" ] && break
        sleep 0.1
    done
    [ -n "$base" ] || { cat "$work/$name.err"; exit 1; }
    for body in '{"vendor":"mason","apiKey":"bench-key"}' '{"vendor":"hyalto","accessKey":"bench-access","secretKey":"bench-secret"}'; do
        curl -sS -o /dev/null -H 'Content-Type: application/json' -d "$body" "$base/__admin/credentials"
    done
    for _ in $(seq 1 3000); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: basic bench-key' "$base$aggregate")" = 200 ] && break
        sleep 0.1
    done
    url[$name]="$base"
}

aggregate="/mason/beta/default/data/aggregate/usage?date=2020-08-01T00:00:00Z"
series="/mason/beta/default/data/series/usage?start=2020-08-01T00:00:00Z&end=2020-08-05T00:00:00Z"
token="/hyalto/accountManagement/auth/token"
cat >"$work/token.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"accessKey":"bench-access","secretKey":"bench-secret"}'
LUA
start hand ""
start json json
start jwt jwt
start rfc3339 rfc3339

# The library variants must answer exactly what the hand-written code answers (the tokens differ only by jti/iat/exp).
shape() {
    curl -s -H 'Content-Type: application/json' -d '{"accessKey":"bench-access","secretKey":"bench-secret"}' \
        "${url[$1]}$token" | sed 's/"accessToken":"[^"]*"/"accessToken":"…"/'
}
for name in json jwt; do
    [ "$(shape hand)" = "$(shape "$name")" ] || { echo "$name: the token answer differs"; exit 1; }
done
for path in "$aggregate" "$series"; do
    a="$(curl -s -H 'Authorization: basic bench-key' "${url[hand]}$path")"
    b="$(curl -s -H 'Authorization: basic bench-key' "${url[rfc3339]}$path")"
    [ "$a" = "$b" ] || { echo "rfc3339: $path answers differently"; exit 1; }
done

time_one() { # WORKLOAD ROUND TARGET
    case "$1" in
        token) ab_time "$@" "${url[$3]}$token" -s "$work/token.lua" ;;
        aggregate) ab_time "$@" "${url[$3]}$aggregate" -H 'Authorization: basic bench-key' ;;
        series) ab_time "$@" "${url[$3]}$series" -H 'Authorization: basic bench-key' ;;
    esac
}
echo "hand-written vs library: $rounds rounds of wrk -t2 -c32 -d${seconds}s per target, in a new order each round"
for round in $(seq 0 "$rounds"); do # round 0 is the warm-up, left out of the table
    for job in $(printf '%s\n' token:hand token:json token:jwt aggregate:hand aggregate:rfc3339 series:hand \
        series:rfc3339 | shuf); do
        time_one "${job%%:*}" "r$round" "${job#*:}"
    done
done
sed -i '/ r0 /d' "$ab_results"
ab_table token:json:hand token:jwt:json token:jwt:hand aggregate:rfc3339:hand series:rfc3339:hand
echo
echo "token:json = hand-written signer with JSONEncoder claims and the sandbox's encoder for the answer;"
echo "token:jwt = jwt-kit signs (its JSONEncoder writes the claims); rfc3339 = Foundation's ISO8601FormatStyle parses."
echo "A ratio under 0.95 means the library costs more than 5% on that workload."
