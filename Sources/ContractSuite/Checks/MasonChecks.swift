import Foundation
import UsageJSON

/// Mason Connectivity Usage API checks: auth (public API docs), aggregates and series (seed `003`).
enum MasonChecks {
    static let all: [ContractCheck] = [
        ContractCheck(
            "mason.auth.accepts-basic-raw-key", .mason, .seed,
            "Authorization: basic <raw key> reads the account aggregate", body: acceptsKey),
        ContractCheck(
            "mason.auth.rejects-missing-key", .mason, .publicMaterial,
            #"no Authorization is 401 {"type":"authentication_error","message":"Required authorization token not found"}"#,
            body: rejectsMissingKey),
        ContractCheck(
            "mason.auth.rejects-unknown-key", .mason, .publicMaterial,
            "an unknown key is 401 with type authentication_error", body: rejectsUnknownKey),
        ContractCheck(
            "mason.auth.requires-connect-read", .mason, .publicMaterial,
            "a key without connect:read is 403 in the {type, message} envelope", body: requiresScope),
        ContractCheck(
            "mason.aggregate.paginates-to-end", .mason, .publicMaterial,
            "limit and after walk every SIM once; pages hold at most limit; a full last page hides no more; the pages "
                + "add up to the account aggregate", body: paginatesToEnd),
        ContractCheck(
            "mason.aggregate.orders-by-total-desc-by-default", .mason, .seed,
            "SIM aggregates come by total descending by default, and by orderBy/orderByColumn when given",
            body: ordering),
        ContractCheck(
            "mason.aggregate.total-is-upload-plus-download", .mason, .seed,
            "every usage has total = upload + download in bytes (all seed examples)", body: totals),
        ContractCheck(
            "mason.aggregate.groups-by-marker", .mason, .seed,
            "marker=device-type gives rows whose marker.key is device-type", body: markers),
        ContractCheck(
            "mason.series.end-is-exclusive", .mason, .seed,
            "series rows are {day, download, total, unit, upload} for days in [start, end)", body: seriesRange),
        ContractCheck(
            "mason.aggregate.rejects-missing-date", .mason, .publicMaterial,
            "an aggregate without its required date is 400 {type, message}", body: rejectsMissingDate),
        ContractCheck(
            "mason.series.rejects-missing-end", .mason, .publicMaterial,
            "a series without its required end is 400 {type, message}", body: rejectsMissingEnd),
        ContractCheck(
            "mason.series.marker-needs-marker-value", .mason, .sandboxChoice,
            "marker without markerValue is a 400 naming the parameter", body: markerNeedsValue),
        ContractCheck(
            "mason.aggregate.rejects-bad-order-by", .mason, .sandboxChoice,
            "orderBy=sideways is a 400 invalid_request_error", body: rejectsBadOrder),
    ]

    static let month = "2020-08-01T00:00:00Z"

    static func path(_ c: CheckContext, _ rest: String) -> String { "/beta/\(c.masonFleet)/data\(rest)" }

    static func acceptsKey(_ c: CheckContext) async throws {
        let response = try await c.get(path(c, "/aggregate/usage?date=2020-08-01T0:00:00-00:00"))
        c.observe(response, as: "authorized")
        c.expectStatus(response, 200, "the seed's account aggregate")
        c.expect(response.json?["data"]?.array != nil, "the answer has a data array")
    }

    static func rejectsMissingKey(_ c: CheckContext) async throws {
        let response = try await c.http.send("GET", path(c, "/aggregate/usage?date=\(month)"))
        c.observe(response, as: "no-key")
        c.expectStatus(response, 401, "no Authorization")
        let expected: JSONValue = .object([
            "type": .string("authentication_error"), "message": .string("Required authorization token not found"),
        ])
        c.expect(response.json == expected, "the documented body, got \(response.snippet)")
    }

    static func rejectsUnknownKey(_ c: CheckContext) async throws {
        let response = try await c.http.send(
            "GET", path(c, "/aggregate/usage?date=\(month)"),
            headers: [(name: "Authorization", value: "basic contract-check-unknown-key")])
        c.observe(response, as: "unknown-key")
        c.expectStatus(response, 401, "an unknown key")
        c.expect(response.json?["type"]?.string == "authentication_error", "type is authentication_error")
        c.expect(response.json?["message"]?.string != nil, "the body has a message")
    }

    static func requiresScope(_ c: CheckContext) async throws {
        let admin = try c.requireAdmin()
        let narrow = try await admin.mint(.mason, scopes: ["devices:read"])
        guard case .mason(let key, _) = narrow.credential else { return }
        let response = try await c.http.send(
            "GET", path(c, "/aggregate/usage?date=\(month)"), headers: [(name: "Authorization", value: "basic \(key)")])
        c.observe(response, as: "no-scope")
        c.expectStatus(response, 403, "a key without connect:read")
        c.expect(response.json?.keys == ["message", "type"], "the body is {type, message}: \(response.snippet)")
    }

    static func rejectsBadOrder(_ c: CheckContext) async throws {
        let response = try await c.get(path(c, "/aggregate/usage/sim?date=\(month)&orderBy=sideways"))
        c.observe(response, as: "bad-order")
        c.expectStatus(response, 400, "orderBy=sideways")
        c.expect(response.json?["type"]?.string == "invalid_request_error", "type is invalid_request_error")
        c.expect(response.json?["message"]?.string?.contains("orderBy") == true, "the message names orderBy")
    }

    static func markerNeedsValue(_ c: CheckContext) async throws {
        let response = try await c.get(
            path(c, "/series/usage?start=2020-08-01T00:00:00Z&end=2020-08-03T00:00:00Z&marker=device-type"))
        c.observe(response, as: "marker-alone")
        c.expectStatus(response, 400, "marker without markerValue")
        c.expect(response.json?["message"]?.string?.contains("markerValue") == true, "the message names markerValue")
    }

    /// `(iccid, usage)` of every row of an aggregate page.
    static func rows(_ response: RawResponse) -> [JSONValue] { response.json?["data"]?.array ?? [] }
}
