#!/usr/bin/env bash
# Runs the Usage Engine seed's flow against the sandbox: an access token with the client credentials in the body
# and the `audience` key (form-encoded, as the vendor's curl guide sends it, and JSON, as its reference shows),
# then "List meter types" and the metering calls of the vendor's public example streams, with
# https://api.digitalroute.io replaced by the sandbox's /usage-engine prefix.
#
#   scripts/usage-engine-seed-curls.sh                        # starts `swift run usage-sandbox serve`
#   scripts/usage-engine-seed-curls.sh http://127.0.0.1:8080  # uses a sandbox that is already running
cd "$(dirname "$0")/.."
source scripts/seed-lib.sh
base="$root/usage-engine"
id="usage-engine-demo-client"
secret="usage-engine-demo-secret-0123456789abcdef"

check "the API description (openapi.json)" 200 curl "$base/openapi.json"
check "access token, form-encoded" 200 curl -X POST "$base/authentication/v1/oauth/token" -H "Content-Type: application/x-www-form-urlencoded" \
    --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$id" --data-urlencode "client_secret=$secret" --data-urlencode "audience=https://api.digitalroute.io/"
expect_json "  access_token, scope, expires_in 3600, token_type Bearer" '.token_type == "Bearer" and .expires_in == 3600 and (.scope | contains("read:meter_types"))'
check "access token, JSON" 200 curl -X POST "$base/authentication/v1/oauth/token" -H "Content-Type: application/json" \
    -d "{\"grant_type\":\"client_credentials\",\"client_id\":\"$id\",\"client_secret\":\"$secret\",\"audience\":\"https://api.digitalroute.io/\"}"
token="$(jq -r .access_token "$workdir/body")"
check "list meter types" 200 curl "$base/usage-metering/v1/meter-types" -H "Authorization: Bearer $token"
expect_json "  {\"meterTypes\": [...]}" '.meterTypes | type == "array"'
check "create meter type (example stream)" 201 curl -X POST "$base/usage-metering/v1/meter-types" -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
    -d '{"name":"Pay-Per-Print","description":"Pages printed","unit":"page","category":"printing","aggregation":{"type":"sum"},"resetSchedule":{"day":"1","hour":"0","minute":"0","month":"*","weekday":"*"},"timezone":"Etc/UTC"}'
check "list meter types by name" 200 curl "$base/usage-metering/v1/meter-types?name=Pay-Per-Print" -H "Authorization: Bearer $token"
type_id="$(jq -r '.meterTypes[0].id' "$workdir/body")"
check "create meter" 201 curl -X POST "$base/usage-metering/v1/meters" -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
    -d "{\"userId\":\"101\",\"meterKey\":\"3f1c1c2e-9d1a-4c59-a4b5-8a3c2b1d0e9f\",\"meterTypeId\":\"$type_id\",\"customFields\":{\"printer\":\"floor-2\"}}"
check "list meters by meterKey" 200 curl "$base/usage-metering/v1/meters?meterKey=3f1c1c2e-9d1a-4c59-a4b5-8a3c2b1d0e9f" -H "Authorization: Bearer $token"
meter_id="$(jq -r '.meters[0].id' "$workdir/body")"
check "delete meter (purge stream)" 204 curl -X DELETE "$base/usage-metering/v1/meters/$meter_id" -H "Authorization: Bearer $token"
check "401 without a token" 401 curl "$base/usage-metering/v1/meters"

finish usage-engine-seed-curls
