#!/usr/bin/env bash
# Runs every curl command of the Zylo seed document against the sandbox, with https://api.zylo.com replaced by
# the sandbox's /zylo prefix and the placeholders by demo values, and checks each answer.
#
#   scripts/zylo-seed-curls.sh                        # starts `swift run usage-sandbox serve` on a free port
#   scripts/zylo-seed-curls.sh http://127.0.0.1:8080  # uses a sandbox that is already running
#
# Needs curl and jq (the seed's own download one-liner uses jq).
cd "$(dirname "$0")/.."
source scripts/seed-lib.sh
base="$root/zylo"
token="zylo-demo-token:zylo-demo-secret"

# Authentication and pagination sections.
check "list subscriptions" 200 curl "$base/v1/subscriptions" -H "Authorization: Bearer $token"
next="$(jq -r .nextPageToken "$workdir/body")"
check "next page with pageToken" 200 curl "$base/v1/subscriptions?pageToken=$next" -H "Authorization: Bearer $token"

# Data exports: create, poll with the seed's 2F-prefixed id, download with the seed's jq one-liner.
check "create export job (-)" 201 curl -i -X POST "$base/v1/subscriptions/-/exportJobs" -H "Authorization: Bearer $token"
job="$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' "$workdir/body")"
check "get export job (2F id)" 200 curl -i -X GET "$base/v1/subscriptions/-/exportJobs/2F$job" -H "Authorization: Bearer $token"
curl -sS -X POST "$root/__admin/clock" -H 'Content-Type: application/json' -d '{"advance": 60}' >/dev/null
( cd "$workdir" && curl -sS -o export.csv "$(curl -s -H "Authorization: Bearer $token" "$base/v1/subscriptions/-/exportJobs/2F$job" | jq -r ".downloadUri")" )
if head -1 "$workdir/export.csv" | grep -q '^subscriptionId,'; then
    passed=$((passed + 1)); echo "ok   download export.csv ($(wc -l <"$workdir/export.csv") lines)"
else
    failed=$((failed + 1)); echo "FAIL download export.csv: $(head -c 200 "$workdir/export.csv")"
fi

# Legacy data imports: create, upload with the seed's exact flags, poll.
sub="$(curl -s "$base/v1/subscriptions?pageSize=1" -H "Authorization: Bearer $token" | jq -r '.subscriptions[0].id')"
check "create import job" 201 curl -X POST "$base/v1/subscriptions/$sub/importJob" -H "accept: application/json" -H "Authorization: Bearer $token" -d ""
import="$(jq -r .id "$workdir/body")"
printf 'firstName,lastName,lastActivityDate,daysActiveOfLast30,licenseNames,isPaidUser\nAda,Lovelace,2024-05-01,12,"Pro,Business+",true\n' >"$workdir/import_file.csv"
check "upload import file" 201 curl -X POST "$base/v1/subscriptions/$sub/importJob/$import" -H "accept: application/json" -H "Authorization: Bearer $token" -H "Content-Type: multipart/form-data" -F "file=@$workdir/import_file.csv;type=application/vnd.ms-excel"
check "get import job" 200 curl -X GET "$base/v1/subscriptions/$sub/importJob/$import" -H "accept: application/json" -H "Authorization: Bearer $token"

# The endpoint list at the end of the seed.
check "license aggregates" 200 curl "$base/v1/subscriptions/$sub/users/aggregates/licenses" -H "Authorization: Bearer $token"
check "list with pageSize" 200 curl "$base/v1/subscriptions?pageSize=10&pageToken=" -H "Authorization: Bearer $token"
check "subscription by id" 200 curl "$base/v1/subscriptions/$sub" -H "Authorization: Bearer $token"
check "export job for one subscription" 201 curl -X POST "$base/v1/subscriptions/$sub/exportJobs" -H "Authorization: Bearer $token"
check "export jobs by subscription" 200 curl "$base/v1/subscriptions/$sub/exportJobs?pageSize=10&pageToken=" -H "Authorization: Bearer $token"
check "export job by id with paging params" 200 curl "$base/v1/subscriptions/-/exportJobs/$job?pageSize=10&pageToken=" -H "Authorization: Bearer $token"
check "import jobs by subscription" 200 curl "$base/v1/subscriptions/$sub/importJob?pageSize=10&pageToken=" -H "Authorization: Bearer $token"
check "usage connect import" 201 curl -X POST "$base/v1/usageconnect/3f1c1c2e-9d1a-4c59-a4b5-8a3c2b1d0e9f/import/" -H "Authorization: Bearer $token" -F "file=@$workdir/import_file.csv"
check "401 without a token" 401 curl "$base/v1/subscriptions"

finish zylo-seed-curls
