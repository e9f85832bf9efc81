"""The mutations: one documented behaviour changed at a time, each with where the behaviour is documented.

``source`` names the seed (``seed 000`` Hyalto, ``001`` Usage Engine, ``002`` Zylo, ``003`` Mason) or the [FOUND]
fact in ``vendors.md``. ``expect="caught"`` means the contract suite's live target must fail on it; ``"passes"``
marks a change the suite must *not* flag, because the vendor does not document the behaviour (README "Mutation
testing" lists them with the reason).
"""

import re


class Mutation:
    def __init__(self, name, vendor, source, summary, request=None, response=None, expect="caught", why=None):
        self.name = name
        self.vendor = vendor
        self.source = source
        self.summary = summary
        self.request = request
        self.response = response
        self.expect = expect
        self.why = why


# Matching helpers.
def is_token(ex):
    return re.search(r"/(auth/token|oauth/token)/?$", ex.path) is not None


def ok_json(ex):
    return ex.json() if 200 <= ex.status < 300 else None


def when(predicate, change):
    """A response change applied only where ``predicate(ex)`` holds."""

    def apply(ex, state):
        if predicate(ex):
            change(ex, state)

    return apply


def edit_json(edit):
    """A response change that edits the JSON answer in place; when ``edit`` returns a dict, that replaces it."""

    def apply(ex, state):
        value = ex.json()
        if value is None:
            return
        changed = edit(value)
        ex.set_json(changed if isinstance(changed, dict) else value)

    return apply


def rename(obj, old, new):
    if isinstance(obj, dict) and old in obj:
        obj[new] = obj.pop(old)


def each(items, change):
    for item in items if isinstance(items, list) else []:
        change(item)


def token_answer(field):
    """Edits a successful token answer's JSON with ``field(json)``."""
    return when(lambda ex: is_token(ex) and ex.status == 200, edit_json(field))


def rewrite_jwt(field, header=None, claims=None):
    """Rewrites the JWT in a token answer (the proxy maps it back on later requests)."""

    def apply(ex, state):
        value = ok_json(ex)
        if is_token(ex) and value and isinstance(value.get(field), str):
            value[field] = state["tokens"].rewrite(value[field], header=header, claims=claims)
            ex.set_json(value)

    return apply


def set_status(predicate, status, body):
    def apply(ex, state):
        if predicate(ex):
            ex.status = status
            ex.set_json(body) if body is not None else setattr(ex, "response_body", b"")

    return apply


def path_is(pattern, method=None):
    regex = re.compile(pattern + r"$")
    return lambda ex: (method is None or ex.method == method) and regex.match(ex.path) is not None


def first_n(n, predicate):
    """True for the first ``n`` requests of a run that match ``predicate``."""

    def check(ex, state):
        if not predicate(ex):
            return False
        with state["lock"]:
            state["count"] = state.get("count", 0) + 1
            return state["count"] <= n

    return check


# Vendor-specific pieces.
ZYLO_LIST = path_is(r"/v1/subscriptions", "GET")
ZYLO_EXPORT_GET = path_is(r"/v1/subscriptions/[^/]+/exportJobs/[^/]+", "GET")
ZYLO_IMPORT_CREATE = path_is(r"/v1/subscriptions/[^/]+/importJob", "POST")
ZYLO_IMPORT_UPLOAD = path_is(r"/v1/subscriptions/[^/]+/importJob/[^/]+", "POST")
ZYLO_IMPORT_GET = path_is(r"/v1/subscriptions/[^/]+/importJob/[^/]+", "GET")
MASON_AGGREGATE = path_is(r"/beta/[^/]+/data/aggregate/usage(/sim(/[^/]+)?)?", "GET")
MASON_SIMS = path_is(r"/beta/[^/]+/data/aggregate/usage/sim", "GET")
MASON_SERIES = path_is(r"/beta/[^/]+/data/series/usage(/sim)?(/[^/]+)?", "GET")
UE_METER_TYPES = path_is(r"/usage-metering/v1/meter-types", "GET")


def data_rows(value):
    return value.get("data") if isinstance(value, dict) and isinstance(value.get("data"), list) else []


def zylo_page_token_dropped(ex, state):
    # A page reached with a token (page 2 on) answers as if it were the last.
    value = ok_json(ex)
    if ZYLO_LIST(ex) and value and ex.param("pageToken"):
        value["nextPageToken"] = ""
        ex.set_json(value)


def mason_next_page_dropped(ex, state):
    value = ok_json(ex)
    if MASON_SIMS(ex) and value and ex.param("after"):
        value.pop("nextPage", None)
        ex.set_json(value)


def mason_row_dropped(ex, state):
    value = ok_json(ex)
    if MASON_SIMS(ex) and value and ex.param("after") and value.get("nextPage") and data_rows(value):
        value["data"] = data_rows(value)[:-1]
        ex.set_json(value)


def mason_default_ascending(ex, state):
    value = ok_json(ex)
    if MASON_AGGREGATE(ex) and value and ex.param("orderBy") is None:
        value["data"] = list(reversed(data_rows(value)))
        ex.set_json(value)


def mason_series_end_inclusive(ex, state):
    end = ex.param("end")
    if MASON_SERIES(ex) and end:
        match = re.match(r"(\d{4}-\d{2}-)(\d{2})(T.*)", end)
        if match:
            ex.set_param("end", f"{match.group(1)}{int(match.group(2)) + 1:02d}{match.group(3)}")


def zylo_strip_request_id(predicate):
    def apply(ex, state):
        if predicate(ex):
            ex.set_response_header("zylo-request-id", None)

    return apply


def usage(fn):
    """Applies ``fn`` to every Mason aggregate row's usage object."""
    return when(
        lambda ex: MASON_AGGREGATE(ex) and ex.status == 200,
        edit_json(lambda v: each(data_rows(v), lambda row: fn(row.get("usage") or {}))),
    )


HYALTO = [
    Mutation(
        "hyalto-token-type-lowercase", "hyalto", "seed 000: tokenType \"Bearer\"", "tokenType is \"bearer\"",
        response=token_answer(lambda v: v.update(tokenType="bearer"))),
    Mutation(
        "hyalto-expires-in-string", "hyalto", "seed 000: expiresIn 3600 (a number)", "expiresIn is the string \"3600\"",
        response=token_answer(lambda v: v.update(expiresIn=str(v.get("expiresIn"))))),
    Mutation(
        "hyalto-scope-changed", "hyalto", "seed 000: scope \"all\"", "scope is \"read\"",
        response=token_answer(lambda v: v.update(scope="read"))),
    Mutation(
        "hyalto-access-token-renamed", "hyalto", "seed 000 + FOUND script: accessToken", "accessToken is access_token",
        response=token_answer(lambda v: rename(v, "accessToken", "access_token"))),
    Mutation(
        "hyalto-jwt-alg-hs512", "hyalto", "seed 000 token (decoded): alg HS256", "the JWT header says HS512",
        response=rewrite_jwt("accessToken", header=lambda h: h.update(alg="HS512"))),
    Mutation(
        "hyalto-jwt-lifetime-longer", "hyalto", "seed 000 token (decoded): exp - iat = expiresIn",
        "the JWT's exp is iat + 7200 while expiresIn says 3600",
        response=rewrite_jwt("accessToken", claims=lambda c: c.update(exp=c.get("iat", 0) + 7200))),
    Mutation(
        "hyalto-bare-token-refused", "hyalto", "FOUND script: Authorization: <jwt> without Bearer",
        "a bare JWT is refused with 401",
        request=lambda ex, st: (
            ex.header("Authorization") and not ex.header("Authorization").startswith("Bearer ") and not is_token(ex)
            and ex.respond(401, {"status": 401, "error": "Unauthorized", "message": "Bearer token required"}))),
    Mutation(
        "hyalto-trailing-slash-404", "hyalto", "FOUND script: URLs with a trailing slash",
        "/accountManagement/accounts/ is a 404",
        request=lambda ex, st: ex.path == "/accountManagement/accounts/" and ex.respond(
            404, {"status": 404, "error": "Not Found", "message": "No route"})),
    Mutation(
        "hyalto-accounts-wrapped", "hyalto", "FOUND script: accounts is a collection of {id, companyName}",
        "accounts answer {\"accounts\": [...]}",
        response=when(path_is(r"/accountManagement/accounts/?", "GET"),
                      edit_json(lambda v: {"accounts": v} if isinstance(v, list) else None))),
    Mutation(
        "hyalto-company-name-renamed", "hyalto", "FOUND script: account companyName", "companyName is name",
        response=when(path_is(r"/accountManagement/accounts/?", "GET"),
                      edit_json(lambda v: each(v, lambda a: rename(a, "companyName", "name"))))),
    Mutation(
        "hyalto-service-metadata-dropped", "hyalto", "FOUND script: service metaData.type",
        "services lack metaData",
        response=when(path_is(r"/serviceOfferings/accounts/[^/]+/services/?", "GET"),
                      edit_json(lambda v: each(v, lambda s: s.pop("metaData", None))))),
    Mutation(
        "hyalto-raw-unit-size-renamed", "hyalto", "FOUND script: changes[] of {timestamp, value, unit_size}",
        "unit_size is unitSize",
        response=when(path_is(r"/solutions/usage/account/[^/]+/raw", "GET"),
                      edit_json(lambda v: each(v.get("services"), lambda s: [
                          each(((s.get("properties") or {}).get(p) or {}).get("changes"),
                               lambda ch: rename(ch, "unit_size", "unitSize")) for p in ("ram", "compute")])))),
    Mutation(
        "hyalto-usage-report-500", "hyalto", "seed 000: GET /reports/usage/service/{id}?filter[from]&filter[to]",
        "the usage report answers 500",
        request=lambda ex, st: ex.path.startswith("/reports/usage/service/") and ex.respond(
            500, {"status": 500, "error": "Internal Server Error", "message": "boom"})),
]

USAGE_ENGINE = [
    Mutation(
        "usage-engine-expires-in-1800", "usage-engine", "FOUND guide: tokens live one hour, expires_in 3600",
        "expires_in is 1800", response=token_answer(lambda v: v.update(expires_in=1800))),
    Mutation(
        "usage-engine-token-type-lowercase", "usage-engine", "FOUND guide: token_type is \"just the string 'Bearer'\"",
        "token_type is \"bearer\"", response=token_answer(lambda v: v.update(token_type="bearer"))),
    Mutation(
        "usage-engine-json-token-refused", "usage-engine", "FOUND Redoc: the token body is application/json",
        "a JSON token request is 415",
        request=lambda ex, st: is_token(ex) and "json" in (ex.header("Content-Type") or "") and ex.respond(
            415, {"error": "unsupported_media_type"})),
    Mutation(
        "usage-engine-form-token-refused", "usage-engine", "FOUND guides: a form-encoded token request",
        "a form token request is 415",
        request=lambda ex, st: is_token(ex) and "form" in (ex.header("Content-Type") or "") and ex.respond(
            415, {"error": "unsupported_media_type"})),
    Mutation(
        "usage-engine-jwt-sub-changed", "usage-engine", "FOUND guide's example JWT: sub <client_id>@clients",
        "sub is the bare client id",
        response=rewrite_jwt("access_token", claims=lambda c: c.update(sub=c.get("azp", "x")))),
    Mutation(
        "usage-engine-jwt-alg-hs256", "usage-engine", "FOUND guide's example JWT: RS256 with kid",
        "the JWT header says HS256 without kid",
        response=rewrite_jwt("access_token", header=lambda h: (h.update(alg="HS256"), h.pop("kid", None)))),
    Mutation(
        "usage-engine-meter-types-wrapper-renamed", "usage-engine", "FOUND streams: {\"meterTypes\": [...]}",
        "the list is {\"items\": [...]}",
        response=when(UE_METER_TYPES, edit_json(lambda v: rename(v, "meterTypes", "items")))),
    Mutation(
        "usage-engine-meters-wrapper-renamed", "usage-engine", "FOUND streams: {\"meters\": [...]}",
        "the list is {\"data\": [...]}",
        response=when(path_is(r"/usage-metering/v1/meters", "GET"), edit_json(lambda v: rename(v, "meters", "data")))),
    Mutation(
        "usage-engine-missing-token-403", "usage-engine", "FOUND Redoc error table: 401 Unauthorized",
        "a request without a token is 403",
        request=lambda ex, st: not is_token(ex) and not ex.header("Authorization") and ex.respond(
            403, {"error": "forbidden"})),
    Mutation(
        "usage-engine-malformed-json-500", "usage-engine", "FOUND Redoc error table: 400 Bad request",
        "a create whose JSON does not parse is 500",
        response=set_status(lambda ex: ex.method == "POST" and ex.status == 400 and not is_token(ex), 500,
                            {"error": "internal"})),
    Mutation(
        "usage-engine-delete-unknown-204", "usage-engine", "FOUND Redoc error table: 404 Not found",
        "DELETE of an unknown meter is 204",
        response=set_status(lambda ex: ex.method == "DELETE" and ex.status == 404, 204, None)),
    Mutation(
        "usage-engine-name-filter-ignored", "usage-engine", "FOUND streams: GET meter-types?name=",
        "?name= is ignored (every meter type comes back)",
        request=lambda ex, st: UE_METER_TYPES(ex) and ex.set_param("name", None)),
    Mutation(
        "usage-engine-token-rate-limited", "usage-engine", "FOUND Redoc: the token endpoint is rate limited (429)",
        "the first three token requests are 429 with Retry-After: 1", expect="passes",
        why="a documented rate limit: the suite must wait it out and pass",
        request=lambda ex, st: first_n(3, lambda e: is_token(e))(ex, st) and ex.respond(
            429, {"error": "too_many_requests"}, headers=[("Retry-After", "1")])),
]

ZYLO = [
    Mutation(
        "zylo-401-message-changed", "zylo", "seed 002: {\"statusCode\":401,\"message\":\"Unauthorized\"}",
        "the 401 message is \"Invalid token\"",
        response=when(lambda ex: ex.status == 401, edit_json(lambda v: v.update(message="Invalid token")))),
    Mutation(
        "zylo-request-id-missing", "zylo", "seed 002: zylo-request-id on each API request",
        "no zylo-request-id header", response=zylo_strip_request_id(lambda ex: True)),
    Mutation(
        "zylo-request-id-missing-on-errors", "zylo", "seed 002: zylo-request-id on each API request",
        "no zylo-request-id on 4xx answers", response=zylo_strip_request_id(lambda ex: ex.status >= 400)),
    Mutation(
        "zylo-last-page-token-null", "zylo", "seed 002: the last page's nextPageToken is \"\"",
        "the last page's nextPageToken is null",
        response=when(ZYLO_LIST, edit_json(lambda v: v.update(nextPageToken=None) if v.get("nextPageToken") == ""
                                           else None))),
    Mutation(
        "zylo-next-token-dropped-on-full-page", "zylo", "seed 002: nextPageToken until no further results",
        "page 2 on answers nextPageToken \"\" though more follow", response=zylo_page_token_dropped),
    Mutation(
        "zylo-default-page-size-25", "zylo", "FOUND qodex: pageSize defaults to 50",
        "without pageSize a page holds 25",
        request=lambda ex, st: ZYLO_LIST(ex) and ex.param("pageSize") is None and ex.set_param("pageSize", "25")),
    Mutation(
        "zylo-empty-page-token-400", "zylo", "FOUND qodex: an empty page token is the first page",
        "pageToken= is a 400",
        request=lambda ex, st: ZYLO_LIST(ex) and ex.param("pageToken") == "" and ex.respond(
            400, {"statusCode": 400, "message": "pageToken is invalid"}, headers=[("zylo-request-id", "r")])),
    Mutation(
        "zylo-subscription-by-id-wrapped", "zylo", "FOUND qodex: a subscription by id is the bare object",
        "it is {\"subscription\": {...}}",
        response=when(path_is(r"/v1/subscriptions/[0-9a-f-]{36}", "GET"),
                      edit_json(lambda v: {"subscription": v} if "id" in v else None))),
    Mutation(
        "zylo-subscriptions-key-renamed", "zylo", "FOUND qodex: {\"nextPageToken\", \"subscriptions\": [...]}",
        "the list is {\"items\": [...]}", response=when(ZYLO_LIST, edit_json(lambda v: rename(v, "subscriptions",
                                                                                              "items")))),
    Mutation(
        "zylo-export-status-completed", "zylo", "seed 002: an export ends COMPLETE",
        "a finished export says COMPLETED",
        response=when(ZYLO_EXPORT_GET, edit_json(lambda v: v.update(status="COMPLETED") if v.get("status") ==
                                                 "COMPLETE" else None))),
    Mutation(
        "zylo-export-never-completes", "zylo", "seed 002: IN_PROGRESS until COMPLETE with a downloadUri",
        "an export stays IN_PROGRESS",
        response=when(ZYLO_EXPORT_GET, edit_json(lambda v: (v.update(status="IN_PROGRESS"),
                                                            v.pop("downloadUri", None))))),
    Mutation(
        "zylo-export-download-uri-missing", "zylo", "seed 002: a COMPLETE export has a downloadUri",
        "a COMPLETE export has no downloadUri",
        response=when(ZYLO_EXPORT_GET, edit_json(lambda v: v.pop("downloadUri", None) and None))),
    Mutation(
        "zylo-export-name-dash", "zylo", "seed 002: name \"subscriptions/*/exportJobs\" for -",
        "name is \"subscriptions/-/exportJobs\"",
        response=when(path_is(r"/v1/subscriptions/-/exportJobs", "POST"),
                      edit_json(lambda v: v.update(name="subscriptions/-/exportJobs")))),
    Mutation(
        "zylo-import-created-not-open", "zylo", "seed 002: a new import job is OPEN", "a new import job is CREATED",
        response=when(ZYLO_IMPORT_CREATE, edit_json(lambda v: v.update(status="CREATED")))),
    Mutation(
        "zylo-malformed-upload-500", "zylo", "seed 002: a syntax error is \"400 - Bad Request\" with a message",
        "a malformed upload is 500",
        response=set_status(lambda ex: ZYLO_IMPORT_UPLOAD(ex) and ex.status == 400, 500,
                            {"statusCode": 500, "message": "Internal server error"})),
    Mutation(
        "zylo-import-ends-failed", "zylo", "seed 002: an import ends COMPLETE or COMPLETE_WITH_ERRORS",
        "a finished import says FAILED",
        response=when(ZYLO_IMPORT_GET, edit_json(lambda v: v.update(status="FAILED") if v.get("status") ==
                                                 "COMPLETE" else None))),
    Mutation(
        "zylo-request-id-format", "zylo", "seed 002: zylo-request-id (its format is not documented)",
        "zylo-request-id is \"req-1\" instead of a UUID", expect="passes",
        why="the seed names the header but not its format",
        response=lambda ex, st: ex.response_header("zylo-request-id") and ex.set_response_header(
            "zylo-request-id", "req-1")),
    Mutation(
        "zylo-extra-subscription-field", "zylo", "seed 002: v1 stays backwards compatible",
        "every subscription gains an undocumented field", expect="passes",
        why="an added field is a compatible change (\"APIs are guaranteed to be backwards compatible\")",
        response=when(lambda ex: ex.method == "GET" and ex.path.startswith("/v1/subscriptions"),
                      edit_json(lambda v: [s.update(contractExtra=True) for s in v.get("subscriptions", [])]
                                if "subscriptions" in v else (v.update(contractExtra=True) if "appId" in v
                                                               else None)))),
]

MASON_401 = {"type": "authentication_error", "message": "Required authorization token not found"}

MASON = [
    Mutation(
        "mason-401-type-renamed", "mason", "FOUND API docs: {\"type\":\"authentication_error\", ...}",
        "the 401 type is \"unauthorized\"",
        response=when(lambda ex: ex.status == 401, edit_json(lambda v: v.update(type="unauthorized")))),
    Mutation(
        "mason-401-message-changed", "mason", "FOUND API docs: \"Required authorization token not found\"",
        "the missing-key message is \"Missing API key\"",
        response=when(lambda ex: ex.status == 401 and not ex.header("Authorization"),
                      edit_json(lambda v: v.update(message="Missing API key")))),
    Mutation(
        "mason-unknown-key-403", "mason", "FOUND API docs: 401 \"No valid API key provided\"",
        "an unknown key is 403", response=set_status(
            lambda ex: ex.status == 401 and ex.header("Authorization"), 403,
            {"type": "permission_error", "message": "forbidden"})),
    Mutation(
        "mason-lowercase-basic-refused", "mason", "seed 003: Authorization: basic $API_KEY",
        "the lowercase basic scheme is refused",
        request=lambda ex, st: (ex.header("Authorization") or "").startswith("basic ") and ex.respond(
            401, MASON_401)),
    Mutation(
        "mason-seed-date-refused", "mason", "seed 003: date=2020-08-01T0:00:00-00:00 (the examples)",
        "the seed's date form is a 400",
        request=lambda ex, st: (ex.param("date") or "").startswith("2020-08-01T0:") and ex.respond(
            400, {"type": "invalid_request_error", "message": "date must be RFC 3339"})),
    Mutation(
        "mason-next-page-dropped-on-full-page", "mason", "FOUND API docs: nextPage is the after key",
        "page 2 on has no nextPage though more follow", response=mason_next_page_dropped),
    Mutation(
        "mason-limit-ignored", "mason", "FOUND API docs: ?limit=", "limit is ignored",
        request=lambda ex, st: MASON_AGGREGATE(ex) and ex.set_param("limit", None)),
    Mutation(
        "mason-row-dropped-mid-walk", "mason", "seed 003: every SIM's usage, paginated",
        "page 2 on loses its last SIM (nextPage kept)", response=mason_row_dropped),
    Mutation(
        "mason-default-order-ascending", "mason", "seed 003: sorted by total descending by default",
        "without orderBy rows come ascending", response=mason_default_ascending),
    Mutation(
        "mason-total-not-sum", "mason", "seed 003 examples: total = upload + download",
        "total is upload + download + 1", response=usage(lambda u: u.update(total=u.get("total", 0) + 1))),
    Mutation(
        "mason-unit-renamed", "mason", "seed 003: unit \"bytes\"", "unit is \"B\"",
        response=usage(lambda u: u.update(unit="B"))),
    Mutation(
        "mason-marker-key-renamed", "mason", "seed 003: marker {key: \"device-type\", value}",
        "marker.key is \"deviceType\"",
        response=when(lambda ex: MASON_AGGREGATE(ex) and ex.status == 200, edit_json(lambda v: each(
            data_rows(v), lambda row: (row.get("marker") or {}).update(key="deviceType") if row.get("marker")
            else None)))),
    Mutation(
        "mason-series-end-inclusive", "mason", "seed 003: end is exclusive", "the series includes the end day",
        request=mason_series_end_inclusive),
    Mutation(
        "mason-series-day-renamed", "mason", "seed 003: series rows {day, download, total, unit, upload}",
        "day is date",
        response=when(lambda ex: MASON_SERIES(ex) and ex.status == 200,
                      edit_json(lambda v: each(data_rows(v), lambda row: rename(row, "day", "date"))))),
    Mutation(
        "mason-missing-date-500", "mason", "FOUND API docs: 400 for a missing required parameter",
        "an aggregate without date is 500",
        response=set_status(lambda ex: MASON_AGGREGATE(ex) and ex.status == 400 and ex.param("date") is None, 500,
                            {"type": "api_error", "message": "internal"})),
    Mutation(
        "mason-error-body-renamed", "mason", "FOUND API docs: every non-200 body is {type, message}",
        "a 400 body is {error, message}",
        response=when(lambda ex: ex.status == 400, edit_json(lambda v: rename(v, "type", "error")))),
    Mutation(
        "mason-prev-page-dropped", "mason", "seed 003 examples: \"prevPage\": \"..\"",
        "aggregate pages have no prevPage", expect="passes",
        why="the seed shows prevPage only as a placeholder; whether it is present on the first page (and its "
            "value) is not documented, and the suite never walks backwards",
        response=when(lambda ex: MASON_AGGREGATE(ex) and ex.status == 200,
                      edit_json(lambda v: v.pop("prevPage", None) and None))),
]

ALL = HYALTO + USAGE_ENGINE + ZYLO + MASON
