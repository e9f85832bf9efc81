#!/usr/bin/env bash
# Runs every request of the Hyalto seed, and those of the only public Hyalto client (a 2018 PowerShell script:
# trailing slashes, the bare token in Authorization, %3A in times), against the sandbox, with
# https://api.hyalto.com replaced by its /hyalto prefix and the keys by the demo key.
#
#   scripts/hyalto-seed-curls.sh                        # starts `swift run usage-sandbox serve` on a free port
#   scripts/hyalto-seed-curls.sh http://127.0.0.1:8080  # uses a sandbox that is already running
#
# Needs curl and jq. curl's -g keeps `filter[from]` from being read as a glob.
cd "$(dirname "$0")/.."
source scripts/seed-lib.sh
base="$root/hyalto"
keys='{"accessKey":"190.1fae4315-f50a-4c76-8213-1b9d79e43599","secretKey":"a6e81199-5318-4c29-ae47-01190958356e"}'

# The seed's steps.
check "2. generate the JWT" 200 curl -X POST "$base/accountManagement/auth/token" -H "Content-Type: application/json" -d "$keys"
expect_json "  tokenType, scope, expiresIn as in the seed" '.tokenType == "Bearer" and .scope == "all" and .expiresIn == 3600'
jwt="$(jq -r .accessToken "$workdir/body")"
check "3. retrieve list of customers" 200 curl "$base/accountManagement/accounts" -H "Authorization: Bearer $jwt"
expect_json "  a top-level array of accounts with id and companyName" 'type == "array" and all(.[]; has("id") and has("companyName"))'
customer="$(jq -r '.[0].id' "$workdir/body")"
check "4. retrieve list of purchased services" 200 curl "$base/serviceOfferings/accounts/$customer/services/" -H "Authorization: Bearer $jwt"
service="$(jq -r '[.[] | select(.metaData.type == "allocationVDC")][0].id' "$workdir/body")"
check "5. retrieve usage data (the seed's example date)" 200 curl -g "$base/reports/usage/service/$service?filter[from]=2018-07-13%2012:00:00&filter[to]=2018-07-14%2012:00:00" -H "Authorization: Bearer $jwt"
expect_json "  usage lines for ram and compute" '[.usage[].property] == ["ram", "compute"]'

# The public PowerShell script's calls, as it makes them.
check "script: token with a trailing slash" 200 curl -X POST "$base/accountManagement/auth/token/" -H "Content-Type: application/json" -d "$keys"
check "script: accounts with the bare token" 200 curl "$base/accountManagement/accounts/" -H "Authorization: $jwt" -H "Content-Type: application/json"
check "script: services with the bare token" 200 curl "$base/serviceOfferings/accounts/$customer/services/" -H "Authorization: $jwt"
check "script: raw usage" 200 curl -g "$base/solutions/usage/account/$customer/raw?filter[Services_id]=$service&filter[startTime]=2018-07-03T14%3A00%3A00&filter[endTime]=2018-07-05T14%3A00%3A00" -H "Authorization: $jwt"
expect_json "  services.properties.ram.changes and .compute.changes" '[.services[].properties.ram.changes[], .services[].properties.compute.changes[]] | length > 0 and all(.[]; has("timestamp") and has("value") and has("unit_size"))'
check "401 without a token" 401 curl "$base/accountManagement/accounts"

finish hyalto-seed-curls
