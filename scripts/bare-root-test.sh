#!/usr/bin/env bash
# Proves the release artefact on a bare system: a Debian minbase root made with debootstrap (no Swift toolchain, no
# SQLite, no project files), entered with chroot. Inside it the binary serves with the default SQLite file, answers
# each vendor's first documented request (sent with curl from outside the root, over loopback), reports its commit,
# writes fixtures, lists and validates scenarios, and does so from more than one working directory.
#
#   scripts/bare-root-test.sh [BINARY]     # default dist/usage-sandbox (scripts/release.sh); run as root
#   scripts/bare-root-test.sh --prepare    # only make the root (CI does this while the binary builds)
#
# The root is made once in .build-bareroot/ (about a minute; Debian's packages are kept in ~/.cache for the next
# time) and reused while it exists. Needs debootstrap and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-dist/usage-sandbox}"
root="$PWD/.build-bareroot/root"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/usage-sandbox/debootstrap"

if [ ! -f "$root/.bare-root-made" ]; then
    rm -rf "$root"
    mkdir -p "$root" "$cache"
    start=$SECONDS
    debootstrap --variant=minbase --cache-dir="$cache" bookworm "$root" http://deb.debian.org/debian >"$root.log" 2>&1 ||
        { tail -20 "$root.log"; exit 1; }
    touch "$root/.bare-root-made"
    echo "made a minbase root in $((SECONDS - start)) s"
fi
[ "$binary" = "--prepare" ] && exit 0

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
# in_root DIR COMMAND...: runs the artefact's COMMAND inside the root with DIR as the working directory. chroot and
# the shell exec, so the artefact keeps the pid chroot started with.
in_root() {
    local dir="$1"
    shift
    chroot "$root" /bin/sh -c 'mkdir -p "$1" && cd "$1" && shift && exec /usr/local/bin/usage-sandbox "$@"' sh "$dir" "$@"
}

# The root must be bare: nothing of Swift, SQLite or the project.
if compgen -G "$root/usr/lib/*/libsqlite3*" >/dev/null || compgen -G "$root/usr/lib/*/libswift*" >/dev/null ||
    [ -e "$root/usr/bin/swift" ] || [ -e "$root/usr/bin/sqlite3" ]; then
    fail "the root is not bare: it has SQLite or Swift"
else
    pass "the root has no Swift and no SQLite"
fi
rm -rf "$root/work" "$root/tmp/"* "$root/usr/local/bin/usage-sandbox"
install -m 755 "$binary" "$root/usr/local/bin/usage-sandbox"

serve_pid=""
mounted_proc=""
cleanup() {
    if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null; wait "$serve_pid" 2>/dev/null || true; fi
    if [ -n "$mounted_proc" ]; then umount "$root/proc" || true; fi
}
trap cleanup EXIT
mountpoint -q "$root/proc" || { mount -t proc proc "$root/proc" && mounted_proc=1; }

version="$(in_root /tmp --version)"
expected_commit="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
case "$version" in
"usage-sandbox "*"(commit $expected_commit)") pass "--version: $version" ;;
*) fail "--version printed '$version', expected the commit $expected_commit" ;;
esac

# serve --port 0 with the default database (.usage-sandbox/sandbox.sqlite in the working directory).
out="$(mktemp)"
# Started with chroot itself in the background (not through in_root, which a backgrounded call would run in a
# subshell), so serve_pid is the server's own pid and the kill below reaches it.
chroot "$root" /bin/sh -c 'mkdir -p "$1" && cd "$1" && shift && exec /usr/local/bin/usage-sandbox "$@"' sh /work/a \
    serve --port 0 >"$out" 2>"$out.err" &
serve_pid=$!
for _ in $(seq 1 100); do
    grep -q '^listening on ' "$out" && break
    kill -0 "$serve_pid" 2>/dev/null || break
    sleep 0.1
done
url="$(sed -n 's/^listening on //p' "$out" | head -1)"
if [ -z "$url" ]; then
    fail "serve did not start: $(head -c 600 "$out.err")"
    echo "bare root: $passed passed, $failed failed"
    exit 1
fi
pass "serve --port 0: listening on $url"
[ -s "$root/work/a/.usage-sandbox/sandbox.sqlite" ] && pass "SQLite database written in the working directory" ||
    fail "no database file in /work/a/.usage-sandbox"

# expect NAME STATUS JSON-SUBSTRING CURL-ARGS...
expect() {
    local name="$1" status="$2" substring="$3"
    shift 3
    local got body
    got="$(curl -sS -o "$out.body" -w '%{http_code}' "$@")" || got="curl failed"
    body="$(head -c 400 "$out.body")"
    if [ "$got" = "$status" ] && grep -qF -- "$substring" "$out.body"; then pass "$name ($got)"; else
        fail "$name: expected $status with '$substring', got $got: $body"
    fi
}
expect "health reports version and commit" 200 "\"commit\":\"$expected_commit\"" "$url/__admin/health"
expect "Hyalto: generate the JWT" 200 '"accessToken"' -X POST "$url/hyalto/accountManagement/auth/token" \
    -H 'Content-Type: application/json' \
    -d '{"accessKey":"190.1fae4315-f50a-4c76-8213-1b9d79e43599","secretKey":"a6e81199-5318-4c29-ae47-01190958356e"}'
expect "Usage Engine: the API description (embedded openapi.json)" 200 '"openapi"' "$url/usage-engine/openapi.json"
expect "Usage Engine: access token" 200 '"access_token"' -X POST "$url/usage-engine/authentication/v1/oauth/token" \
    -H 'Content-Type: application/x-www-form-urlencoded' --data-urlencode grant_type=client_credentials \
    --data-urlencode client_id=usage-engine-demo-client \
    --data-urlencode client_secret=usage-engine-demo-secret-0123456789abcdef \
    --data-urlencode audience=https://api.digitalroute.io/
expect "Zylo: list subscriptions" 200 '"subscriptions"' "$url/zylo/v1/subscriptions" \
    -H 'Authorization: Bearer zylo-demo-token:zylo-demo-secret'
expect "Mason: aggregate account usage" 200 '"usage"' -H 'Authorization: basic mason-demo-key' \
    "$url/mason/beta/default/data/aggregate/usage?date=2020-08-01T0:00:00-00:00"
kill "$serve_pid"
wait "$serve_pid" 2>/dev/null || true
serve_pid=""
if pgrep -f "^/usr/local/bin/usage-sandbox serve --port 0" >/dev/null; then
    fail "the served artefact outlived its kill"
else
    pass "the served artefact stopped with its pid"
fi

# The other commands, from other working directories.
if in_root /var/tmp fixtures --out fx >/dev/null && [ -s "$root/var/tmp/fx/zylo/subscriptions.json" ] &&
    [ -s "$root/var/tmp/fx/zylo/users.csv" ]; then
    pass "fixtures --out (from /var/tmp)"
else fail "fixtures --out wrote nothing"; fi
listed="$(in_root / scenario list | wc -l)"
[ "$listed" -ge 40 ] && pass "scenario list: $listed lines from the embedded library" || fail "scenario list: $listed lines"
in_root / scenario show zylo-small-pages >"$root/tmp/shown.json" && in_root /tmp scenario validate shown.json >/dev/null &&
    pass "scenario validate (a shipped scenario, from /tmp)" || fail "scenario validate rejected a shipped scenario"
echo '{"name":"broken","rules":[{"vendor":"nobody"}]}' >"$root/tmp/broken.json"
if in_root /tmp scenario validate broken.json >/dev/null 2>&1; then fail "scenario validate accepted a broken file"; else
    pass "scenario validate rejects a broken file"
fi

echo "bare root: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
