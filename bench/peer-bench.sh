#!/usr/bin/env bash
# Our sandbox in the shared side-by-side benchmark (../shared/bench/run): builds the release binary, serves it with
# the bench's credentials minted through the admin API, times start-up (process start to the first answered W1),
# runs the bench's three workloads next to the raw-SwiftNIO limit server (and, with --peers, every peer), then times
# the sandbox against its framework ceiling, and prints resident memory after the run.
#
#   bench/peer-bench.sh [--quick] [--peers] [--before BINARY]
#
# The framework ceiling (bench/ceiling) is bare Hummingbird with our server set-up answering each workload's path
# with the bytes our sandbox answered there: sandbox ÷ ceiling is how much of Hummingbird's own ceiling the sandbox
# keeps. The two are timed in turns (bench/ab-lib.sh), round after round, on W1, our own 50-subscription W2 page and
# W3; --before BINARY (say, main's release binary) is served and timed alongside, so a change's ratios before and
# after come from the same run.
#
# Bounded: every wrk run is time-limited; loopback only; every server is stopped by its pid at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
bench="$(cd ../shared/bench && pwd)"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
quick="" targets="limit" before=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick="--quick"; shift ;;
        --peers) targets="limit,specmatic,pact,flask"; shift ;;
        --before) before="$(realpath "$2")"; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
source bench/serve-lib.sh
others=() # the ceiling and the --before sandbox, stopped by pid before serve-lib's cleanup
stop_others() {
    local p
    for p in "${others[@]+"${others[@]}"}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
    cleanup
}
trap stop_others EXIT
build_release
swift build -c release --package-path bench/ceiling >"$work/ceiling-build.log" 2>&1 \
    || { cat "$work/ceiling-build.log"; exit 1; }

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
# The framework ceiling, in turns with the sandbox (and --before's). W2 is our own 50-subscription page (our fixture
# subscriptions carry every documented field: about 98 KB instead of the bench's 47 KB, whose check wants its own
# invented fields and so does not time our page).
w1="/mason/beta/default/data/aggregate/usage?date=2020-08-01T00:00:00Z"
w2="/zylo/v1/subscriptions?pageSize=50"
w3="/hyalto/accountManagement/auth/token"
cat >"$work/w3.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"accessKey":"bench-access","secretKey":"bench-secret"}'
LUA
mkdir -p "$work/answers"
curl -s -H 'Authorization: basic bench-key' "$root$w1" >"$work/answers/w1.json"
curl -s -H 'Authorization: Bearer bench-id:bench-secret' "$root$w2" >"$work/answers/w2.json"
curl -s -H 'Content-Type: application/json' -d '{"accessKey":"bench-access","secretKey":"bench-secret"}' "$root$w3" \
    >"$work/answers/w3.json"
# listen NAME: waits for `listening on URL` in $work/NAME.out and prints the URL.
listen() {
    local url=""
    for _ in $(seq 1 3000); do
        url="$(sed -n 's/^listening on //p' "$work/$1.out" | head -1)"
        [ -n "$url" ] && break
        sleep 0.1
    done
    [ -n "$url" ] || { cat "$work/$1.err" >&2; return 1; }
    echo "$url"
}
bench/ceiling/.build/release/HummingbirdCeiling 0 "$work/answers" >"$work/ceiling.out" 2>"$work/ceiling.err" &
others+=($!)
declare -A url=([ours]="$root" [ceiling]="$(listen ceiling)")
names="ours ceiling"
if [ -n "$before" ]; then
    env -u USAGE_SANDBOX_LIBRARY "$before" serve --port 0 --db "$work/before.sqlite" --log-level error \
        >"$work/before.out" 2>"$work/before.err" &
    others+=($!)
    url[before]="$(listen before)"
    for body in '{"vendor":"mason","apiKey":"bench-key"}' '{"vendor":"zylo","tokenId":"bench-id","tokenSecret":"bench-secret"}' \
        '{"vendor":"hyalto","accessKey":"bench-access","secretKey":"bench-secret"}'; do
        curl -sS -o /dev/null -H 'Content-Type: application/json' -d "$body" "${url[before]}/__admin/credentials"
    done
    for _ in $(seq 1 3000); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: basic bench-key' "${url[before]}$w1")" = 200 ] \
            && break
        sleep 0.1
    done
    names="$names before"
fi
if [ -n "$quick" ]; then rounds=3 seconds=3; else rounds=5 seconds=10; fi
source bench/ab-lib.sh
echo
echo "framework ceiling: bare Hummingbird (bench/ceiling) answering our answers' bytes" \
    "($(wc -c <"$work/answers/w1.json"), $(wc -c <"$work/answers/w2.json") and $(wc -c <"$work/answers/w3.json") bytes);" \
    "$rounds rounds of wrk -t2 -c32 -d${seconds}s per target and workload, in a new order each round:"
for round in $(seq 0 "$rounds"); do # round 0 is the warm-up, left out of the table
    for job in $(for w in w1 w2 w3; do for n in $names; do echo "$w:$n"; done; done | shuf); do
        w="${job%%:*}" n="${job#*:}"
        case "$w" in
            w1) ab_time "$w" "r$round" "$n" "${url[$n]}$w1" -H 'Authorization: basic bench-key' ;;
            w2) ab_time "$w" "r$round" "$n" "${url[$n]}$w2" -H 'Authorization: Bearer bench-id:bench-secret' ;;
            w3) ab_time "$w" "r$round" "$n" "${url[$n]}$w3" -s "$work/w3.lua" ;;
        esac
    done
done
sed -i '/ r0 /d' "$ab_results"
pairs=()
for w in w1 w2 w3; do
    pairs+=("$w:ours:ceiling")
    if [ -n "$before" ]; then pairs+=("$w:before:ceiling" "$w:ours:before"); fi
done
ab_table "${pairs[@]}"
printf 'resident memory after the bench: %d MiB\n' $(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
