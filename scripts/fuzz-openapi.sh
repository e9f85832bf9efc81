#!/usr/bin/env bash
# Schemathesis against each emulated API's own OpenAPI document on a served sandbox: no 5xx, and no response that
# violates its own schema. CI runs it with 5 examples per operation; run it with more before a release.
#
#   scripts/fuzz-openapi.sh [EXAMPLES_PER_OPERATION] [SEED]
#
# Bounded: EXAMPLES_PER_OPERATION (default 15) generated requests per operation, loopback only; the server is
# stopped by its pid at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-15}"
seed="${2:-1}"
json_field() { python3 -c "import json, sys; print(json.load(sys.stdin)['$1'])"; }
python3 -c "import schemathesis" 2>/dev/null || pip install -q schemathesis
source bench/serve-lib.sh
swift build --product usage-sandbox >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
serve .build/debug/usage-sandbox --db :memory: --log-level error
status=0
for vendor in zylo mason hyalto usage-engine; do
    case "$vendor" in
        zylo) auth="Authorization: Bearer zylo-demo-token:zylo-demo-secret" ;;
        mason) auth="Authorization: basic mason-demo-key" ;;
        hyalto)
            token=$(curl -s "$root/hyalto/accountManagement/auth/token" -H 'Content-Type: application/json' \
                -d '{"accessKey":"190.1fae4315-f50a-4c76-8213-1b9d79e43599","secretKey":"a6e81199-5318-4c29-ae47-01190958356e"}' |
                json_field accessToken)
            auth="Authorization: Bearer $token" ;;
        usage-engine)
            token=$(curl -s "$root/usage-engine/authentication/v1/oauth/token" \
                -d grant_type=client_credentials -d client_id=usage-engine-demo-client \
                -d client_secret=usage-engine-demo-secret-0123456789abcdef -d audience=https://api.digitalroute.io/ |
                json_field access_token)
            auth="Authorization: Bearer $token" ;;
    esac
    echo "== $vendor"
    schemathesis run "$root/$vendor/openapi.json" --url "$root/$vendor" -H "$auth" \
        --checks not_a_server_error,response_schema_conformance --max-examples "$examples" --seed "$seed" \
        --request-timeout 10 >"$work/$vendor.log" 2>&1 || status=1
    grep -E 'passed|failed|Error' "$work/$vendor.log" | tail -3
done
exit $status
