# Interleaved A/B timing for the bench scripts (source it after serve-lib.sh): the machine is shared and noisy, so
# targets are timed in turns, round after round, each round in a new random order, and compared by the median of
# their per-round ratios. Defines: rounds, seconds, ab_results, ab_time, ab_table.
set -euo pipefail
rounds="${rounds:-5}"
seconds="${seconds:-3}"
ab_results="$work/ab-results"
: >"$ab_results"

# ab_time WORKLOAD ROUND TARGET URL [WRK-ARGUMENTS...]: one bounded wrk run (-t2 -c32, $seconds s), its req/s recorded.
ab_time() {
    local workload="$1" round="$2" target="$3" url="$4"
    shift 4
    local rps
    rps="$(wrk -t2 -c32 -d"${seconds}s" "$@" "$url" 2>&1 | awk '/^Requests\/sec:/ {print $2}')"
    echo "$workload $round $target ${rps:-0}" >>"$ab_results"
}

# ab_table PAIR...: one row per WORKLOAD:TARGET:BASELINE, with both medians and the median of TARGET/BASELINE per round.
ab_table() {
    python3 - "$ab_results" "$@" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
rps = {}
for workload, rnd, target, value in rows:
    rps.setdefault((workload, target), {})[rnd] = float(value)
print(f"| workload | target | req/s (median) | baseline | req/s (median) | target ÷ baseline (median of {len({r[1] for r in rows})} rounds, min-max) |")
print("|---|---|---:|---|---:|---:|")
for pair in sys.argv[2:]:
    workload, target, baseline = pair.split(":")
    a, b = rps.get((workload, target), {}), rps.get((workload, baseline), {})
    ratios = [a[r] / b[r] for r in a if r in b and b[r] > 0]
    if not ratios:
        print(f"| {workload} | {target} | - | {baseline} | - | no data |")
        continue
    print(f"| {workload} | {target} | {statistics.median(a.values()):.0f} | {baseline} | "
          f"{statistics.median(b.values()):.0f} | {statistics.median(ratios):.3f} ({min(ratios):.3f}-{max(ratios):.3f}) |")
PY
}
