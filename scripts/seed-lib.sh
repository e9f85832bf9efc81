# Shared by the seed-curl scripts: start a sandbox (unless a root URL is given) and check curl answers.
# Source it after setting nothing; it defines: root, workdir, check, finish.
set -uo pipefail

root="${1:-}"
server_pid=""
workdir="$(mktemp -d)"
passed=0
failed=0

cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
    rm -rf "$workdir"
}
trap cleanup EXIT

if [ -z "$root" ]; then
    swift run -q usage-sandbox serve --port 0 --db :memory: >"$workdir/serve.out" 2>"$workdir/serve.err" &
    server_pid=$!
    for _ in $(seq 1 600); do
        grep -q '^listening on ' "$workdir/serve.out" 2>/dev/null && break
        kill -0 "$server_pid" 2>/dev/null || { cat "$workdir/serve.err"; exit 1; }
        sleep 0.2
    done
    root="$(sed -n 's/^listening on //p' "$workdir/serve.out" | head -1)"
    [ -n "$root" ] || { echo "the sandbox did not start"; cat "$workdir/serve.err"; exit 1; }
fi

# check NAME EXPECTED-STATUS COMMAND...: runs the seed's command with its output in $workdir/body.
check() {
    local name="$1" expected="$2"
    shift 2
    local status
    status="$("$@" -sS -o "$workdir/body" -w '%{http_code}')"
    if [ "$status" = "$expected" ]; then
        passed=$((passed + 1))
        echo "ok   $name ($status)"
    else
        failed=$((failed + 1))
        echo "FAIL $name: expected $expected, got $status: $(head -c 300 "$workdir/body")"
    fi
}

# expect_json NAME JQ-FILTER: checks the last body satisfies a jq condition.
expect_json() {
    if jq -e "$2" "$workdir/body" >/dev/null 2>&1; then
        passed=$((passed + 1))
        echo "ok   $1"
    else
        failed=$((failed + 1))
        echo "FAIL $1: $(head -c 300 "$workdir/body")"
    fi
}

# finish LABEL: prints the tally and fails when anything failed.
finish() {
    echo "$1: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
