import Foundation
import UsageClients

extension UsageEngineChecks {
    static func rejectsMissingToken(_ c: CheckContext) async throws {
        let response = try await c.http.send("GET", "/usage-metering/v1/meter-types")
        c.observe(response, as: "no-token", headers: ["WWW-Authenticate"])
        c.expectStatus(response, 401, "meter types without a token")
    }

    static func listsMeterTypes(_ c: CheckContext) async throws {
        let response = try await c.get("/usage-metering/v1/meter-types")
        c.observe(response, as: "meter-types")
        guard c.expectStatus(response, 200, "meter types") else { return }
        c.expect(response.json?["meterTypes"]?.array != nil, "the answer wraps a meterTypes array: \(response.snippet)")
    }

    static func meterTypeLifecycle(_ c: CheckContext) async throws {
        let client = try c.usageEngineClient()
        // Two new types, so that ?name= has one to leave out.
        let name = "contract-check-\(UUID().uuidString.prefix(8))"
        let created = try await client.createMeterType(UsageEngineNewMeterType(name: name, unit: "page"))
        let other = try await client.createMeterType(UsageEngineNewMeterType(name: name + "-other", unit: "page"))
        let found = try await c.get("/usage-metering/v1/meter-types?name=\(name)")
        c.observe(found, as: "by-name")
        let ids = found.json?["meterTypes"]?.array?.compactMap { $0["id"]?.string } ?? []
        c.expect(ids == [created.id], "?name= finds exactly the new type, got \(ids)")
        try await client.deleteMeterType(id: created.id)
        try await client.deleteMeterType(id: other.id)
        let after = try await client.meterTypes(name: name)
        c.expect(after.isEmpty, "the deleted type is gone")
    }

    static func meterLifecycle(_ c: CheckContext) async throws {
        let client = try c.usageEngineClient()
        let type = try await client.createMeterType(
            UsageEngineNewMeterType(name: "contract-check-\(UUID().uuidString.prefix(8))", unit: "API request"))
        let key = UUID().uuidString.lowercased()
        let meter = try await client.createMeter(
            UsageEngineNewMeter(userID: "101", meterKey: key, meterTypeID: type.id))
        let found = try await c.get("/usage-metering/v1/meters?meterKey=\(key)")
        c.observe(found, as: "by-key")
        let ids = found.json?["meters"]?.array?.compactMap { $0["id"]?.string } ?? []
        c.expect(ids == [meter.id], "?meterKey= finds exactly the new meter, got \(ids)")
        let deleted = try await c.http.send(
            "DELETE", "/usage-metering/v1/meters/\(meter.id)", headers: try await c.authorization())
        c.observe("delete status-class", "\(deleted.status / 100)xx")
        c.expect(deleted.status / 100 == 2, "DELETE /meters/{id} succeeds, got \(deleted.status)")
        c.expect(try await client.meters(meterKey: key).isEmpty, "the deleted meter is gone")
        try await client.deleteMeterType(id: type.id)
    }

    static func unknownMeterType(_ c: CheckContext) async throws {
        let response = try await c.get("/usage-metering/v1/meter-types/00000000-0000-4000-8000-000000000000")
        c.observe(response, as: "unknown-type")
        c.expectStatus(response, 404, "an unknown meter type")
        c.expect(response.json?["error"]?.string == "not_found", "error is not_found: \(response.snippet)")
    }
}
