# Shared by the bench and fuzz scripts: a work folder, and a sandbox served from a built binary, stopped by its pid
# when the script exits. Source it from the repository root; it defines: work, pid, root, build_release, serve.
set -euo pipefail
work="$(mktemp -d)"
pid=""
root=""
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# build_release: the release binary, quietly; the log is printed only when the build fails.
build_release() {
    swift build -c release --product usage-sandbox >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
}

# serve BINARY [SERVE-ARGUMENTS...]: starts `BINARY serve --port 0 ...` and sets root once it listens (up to 300 s).
serve() {
    local binary="$1"
    shift
    "$binary" serve --port 0 "$@" >"$work/serve.out" 2>"$work/serve.err" &
    pid=$!
    for _ in $(seq 1 3000); do
        grep -q '^listening on ' "$work/serve.out" 2>/dev/null && break
        kill -0 "$pid" 2>/dev/null || { cat "$work/serve.err"; exit 1; }
        sleep 0.1
    done
    root="$(sed -n 's/^listening on //p' "$work/serve.out" | head -1)"
    [ -n "$root" ] || { echo "the sandbox did not start within 300 s"; exit 1; }
}
