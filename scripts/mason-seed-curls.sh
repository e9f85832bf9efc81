#!/usr/bin/env bash
# Runs every curl command of the Mason usage seed against the sandbox, with api.bymason.com replaced by the
# sandbox's /mason prefix and $API_KEY by the demo key, and checks each answer. The seed leaves its URLs unquoted
# (a shell would cut them at `&`); here they are quoted, as a shell user would.
#
#   scripts/mason-seed-curls.sh                        # starts `swift run usage-sandbox serve` on a free port
#   scripts/mason-seed-curls.sh http://127.0.0.1:8080  # uses a sandbox that is already running
#
# Needs curl and jq.
cd "$(dirname "$0")/.."
source scripts/seed-lib.sh
host="${root#http://}/mason"
API_KEY="mason-demo-key"
sums='all(.data[]; (.usage // .) as $u | $u.total == $u.upload + $u.download)'

check "aggregate account usage" 200 curl -H "Authorization: basic $API_KEY" "$host/beta/default/data/aggregate/usage?date=2020-08-01T0:00:00-00:00"
expect_json "  one account record for August 2020" '(.data | length) == 1 and .data[0].usage.date == "2020-08-01T00:00:00Z" and has("nextPage") and has("prevPage")'
check "aggregate account usage by device-type" 200 curl -H "Authorization: basic $API_KEY" "$host/beta/default/data/aggregate/usage?date=2020-08-01T0:00:00-00:00&marker=device-type"
expect_json "  D450 and G450 groups" '[.data[].marker.value] | index("D450") != null and index("G450") != null'
check "aggregate multi-SIM usage" 200 curl -H "Authorization: basic $API_KEY" "$host/beta/default/data/aggregate/usage/sim?date=2020-08-01T0:00:00-00:00"
expect_json "  SIM rows add up" "$sums"
check "aggregate multi-SIM usage by device-type" 200 curl -H "Authorization: basic $API_KEY" "$host/beta/default/data/aggregate/usage/sim?date=2020-08-01T0:00:00-00:00&marker=device-type"
check "aggregate SIM usage" 200 curl -H "Authorization: basic $API_KEY" "$host/beta/default/data/aggregate/usage/sim/iccid1?date=2020-08-01T0:00:00-00:00"
expect_json "  only iccid1" '[.data[].sim.iccid] == ["iccid1"]'
check "aggregate SIM usage by device-type" 200 curl -H "Authorization: basic $API_KEY" "$host/beta/default/data/aggregate/usage/sim/iccid1?date=2020-08-01T0:00:00-00:00&marker=device-type"
expect_json "  iccid1 in a D450 and a G450" '[.data[].marker.value] | sort == ["D450", "G450"]'
check "time series account usage (example path, Z0)" 200 curl -H "Authorization: basic $API_KEY" "$host/beta/default/data/series/usage/sim?start=2020-08-01T00:00:00Z&end=2020-08-05T00:00:00Z0"
expect_json "  4 days, [start, end)" '[.data[].day] == ["2020-08-01T00:00:00Z","2020-08-02T00:00:00Z","2020-08-03T00:00:00Z","2020-08-04T00:00:00Z"]'
check "time series account usage in D450s" 200 curl -H "Authorization: basic $API_KEY" "$host/beta/default/data/series/usage/sim?start=2020-08-01T00:00:00Z&end=2020-08-05T00:00:00Z&marker=device-type&markerValue=D450"
expect_json "  rows add up" "(.data | length) == 4 and $sums"
check "time series account usage (heading path)" 200 curl -H "Authorization: basic $API_KEY" "$host/beta/default/data/series/usage?marker=device-type&markerValue=D450&start=2020-08-01T00:00:00Z&end=2020-08-05T00:00:00Z"
check "time series SIM usage" 200 curl -H "Authorization: basic $API_KEY" "$host/beta/default/data/series/usage/sim/iccid1?start=2020-08-01T00:00:00Z&end=2020-08-05T00:00:00Z"
expect_json "  4 days for iccid1" '(.data | length) == 4'
check "time series SIM usage in a D450" 200 curl -H "Authorization: basic $API_KEY" "$host/beta/default/data/series/usage/sim/iccid1?start=2020-08-01T00:00:00Z&end=2020-08-05T00:00:00Z&marker=device-type&markerValue=D450"
expect_json "  iccid1 was in a D450 on 1-4 August" '(.data | length) == 4'
check "time series SIM usage (heading path)" 200 curl -H "Authorization: basic $API_KEY" "$host/beta/default/data/series/usage/iccid1?start=2020-08-01T00:00:00Z&end=2020-08-05T00:00:00Z"
check "401 without a key" 401 curl "$host/beta/default/data/aggregate/usage?date=2020-08-01T0:00:00-00:00"
expect_json "  the documented error body" '.type == "authentication_error" and .message == "Required authorization token not found"'

finish mason-seed-curls
