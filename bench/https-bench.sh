#!/usr/bin/env bash
# HTTPS against plain HTTP in the same run (issue 18): token issuance (Hyalto's POST) and the Zylo 50-subscription
# page, each over a plain keep-alive connection and over TLS (--https-port, TLS 1.3, keep-alive, so the handshake
# is paid once per connection), with wrk -t2 -c32 for 10 s each. Prints requests/s and the HTTPS/HTTP ratio.
#
#   bench/https-bench.sh [--debug | BINARY]      (builds and runs the release binary by default)
#
# Bounded: time-limited wrk runs on loopback only; the server is stopped by its pid at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
source bench/serve-lib.sh
binary=.build/release/usage-sandbox
case "${1:-}" in
    --debug) binary=.build/debug/usage-sandbox ;;
    "") build_release ;;
    *) binary="$1" ;;
esac
serve "$binary" --https-port 0 --db "$work/bench.sqlite" --ca-dir "$work/ca" --log-level error
tls_root="$(sed -n 's/^listening on \(https:.*\)/\1/p' "$work/serve.out" | head -1)"
[ -n "$tls_root" ] || { echo "no https line"; cat "$work/serve.out"; exit 1; }

cat >"$work/token.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"accessKey":"190.1fae4315-f50a-4c76-8213-1b9d79e43599","secretKey":"a6e81199-5318-4c29-ae47-01190958356e"}'
LUA
rate() { sed -n 's/^Requests\/sec: *//p' | head -1; }
measure() {  # measure NAME PATH [wrk options...]
    local name="$1" path="$2"
    shift 2
    local plain tls
    plain=$(wrk -t2 -c32 -d10s "$@" "$root$path" | rate)
    tls=$(wrk -t2 -c32 -d10s "$@" "$tls_root$path" | rate)
    awk -v name="$name" -v plain="$plain" -v tls="$tls" \
        'BEGIN { printf "%-30s http %8.0f req/s   https %8.0f req/s   https/http %.2f\n", name, plain, tls, tls / plain }'
}
measure "Hyalto token issuance (POST)" /hyalto/accountManagement/auth/token -s "$work/token.lua"
measure "Zylo 50-subscription page" "/zylo/v1/subscriptions?pageSize=50" \
    -H 'Authorization: Bearer zylo-demo-token:zylo-demo-secret'
