import Foundation

extension UsageEngineChecks {
    /// The Redoc error table's 400 "Bad request": a create whose JSON does not parse is refused, so it writes
    /// nothing. The error body is not documented; only the status is checked.
    static func rejectsMalformedJSON(_ c: CheckContext) async throws {
        let response = try await c.http.send(
            "POST", "/usage-metering/v1/meter-types",
            headers: try await c.authorization() + [(name: "Content-Type", value: "application/json")],
            body: Data(#"{"name": "contract-check-malformed", "unit": "#.utf8))
        c.observe(response, as: "malformed-json")
        c.expectStatus(response, 400, "a meter type whose JSON does not parse")
        let found = try await c.get("/usage-metering/v1/meter-types?name=contract-check-malformed")
        c.expect(
            found.json?["meterTypes"]?.array?.isEmpty == true,
            "the refused meter type was not created: \(found.snippet)")
    }

    /// The Redoc error table's 404 "Not found", on the public streams' `DELETE /usage-metering/v1/meters/{id}`
    /// with an id that was never issued: nothing exists to delete.
    static func deleteUnknownMeter(_ c: CheckContext) async throws {
        let id = UUID().uuidString.lowercased()
        let response = try await c.http.send(
            "DELETE", "/usage-metering/v1/meters/\(id)", headers: try await c.authorization())
        c.observe(response, as: "delete-unknown")
        c.expectStatus(response, 404, "DELETE of a meter that does not exist")
    }
}
