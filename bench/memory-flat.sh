#!/usr/bin/env bash
# Memory over a long run: serves the release build, drives the bench's three kinds of request (Mason aggregate,
# Zylo page, Hyalto token) with wrk until about REQUESTS requests (default 1,000,000) have been answered, and prints
# the server's resident memory every 10 s. The journal is capped, so memory should level off.
#
#   bench/memory-flat.sh [REQUESTS]
#
# Bounded: at most 10 minutes of load; loopback only; the server is stopped by its pid at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-1000000}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
source bench/serve-lib.sh
build_release
serve .build/release/usage-sandbox --db "$work/memory.sqlite" --log-level error
rss() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status"; }
echo "start: $(rss) MiB"
cat >"$work/mix.lua" <<'LUA'
local requests = {
  wrk.format("GET", "/mason/beta/default/data/aggregate/usage?date=2020-08-01T00:00:00Z", {["Authorization"] = "basic mason-demo-key"}),
  wrk.format("GET", "/zylo/v1/subscriptions?pageSize=50", {["Authorization"] = "Bearer zylo-demo-token:zylo-demo-secret"}),
  wrk.format("POST", "/hyalto/accountManagement/auth/token", {["Content-Type"] = "application/json"},
    '{"accessKey":"190.1fae4315-f50a-4c76-8213-1b9d79e43599","secretKey":"a6e81199-5318-4c29-ae47-01190958356e"}'),
}
local n = 0
request = function() n = n + 1; return requests[(n % 3) + 1] end
done = function(summary) io.write(string.format("WRK %d %d\n", summary.requests, summary.errors.status)) end
LUA
done_requests=0 errors=0 elapsed=0
while [ "$done_requests" -lt "$target" ] && [ "$elapsed" -lt 600 ]; do
    line=$(wrk -t2 -c32 -d10s -s "$work/mix.lua" "$root" | sed -n 's/^WRK //p')
    done_requests=$(( done_requests + ${line%% *} ))
    errors=$(( errors + ${line##* } ))
    elapsed=$(( elapsed + 10 ))
    printf '%4d s  %8d requests  %4d MiB\n' "$elapsed" "$done_requests" "$(rss)"
done
echo "end: $done_requests requests, $errors non-2xx, $(rss) MiB resident"
