import Foundation
import UsageClients
import UsageJSON

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

    /// The fields of meters exported from a real account (public: thomaswalker-dr/digitalroute-tw-stream-gen,
    /// `meter_reset.json`); only their presence and JSON types, never the sandbox's own choices.
    static func meterShape(_ c: CheckContext) async throws {
        let client = try c.usageEngineClient()
        let type = try await client.createMeterType(
            UsageEngineNewMeterType(name: "contract-check-\(UUID().uuidString.prefix(8))", unit: "credits"))
        let meter = try await client.createMeter(
            UsageEngineNewMeter(
                userID: "contract@example.com", meterKey: UUID().uuidString.lowercased(), meterTypeID: type.id,
                customFields: ["plan": "bronze", "freeUnits": 100], capacity: 100,
                thresholds: [UsageEngineThreshold(name: "half", capacityPercentage: 50)]))
        let response = try await c.get("/usage-metering/v1/meters/\(meter.id)")
        c.observe(response, as: "meter")
        if c.expectStatus(response, 200, "the new meter"), let json = response.json {
            for key in ["id", "meterTypeId", "meterTypeName", "userId", "meterKey", "unit", "timezone"] {
                c.expect(json[key]?.string != nil, "\(key) is a string: \(response.snippet)")
            }
            for key in ["value", "capacity"] { c.expect(json[key]?.number != nil, "\(key) is a number") }
            for key in ["groupBreakdowns", "thresholds"] { c.expect(json[key]?.array != nil, "\(key) is an array") }
            for key in ["carryFirst", "carryLast", "customFields"] {
                c.expect(json[key].map(Self.isObject) == true, "\(key) is an object")
            }
            c.expect(json["deleteOnReset"].map(Self.isBool) == true, "deleteOnReset is a boolean")
            for key in ["periodStart", "periodEnd", "createdAt", "updatedAt"] {
                let text = json[key]?.string ?? ""
                c.expect(text.hasSuffix("Z") && text.contains("."), "\(key) is UTC with milliseconds and Z: '\(text)'")
            }
            c.expect(json["customFields"]?["freeUnits"]?.number == 100, "customFields keep a number as a number")
            let threshold = json["thresholds"]?.array?.first
            c.expect(threshold?["capacityPercentage"]?.number == 50, "a threshold keeps capacityPercentage")
        }
        _ = try await c.http.send(
            "DELETE", "/usage-metering/v1/meters/\(meter.id)", headers: try await c.authorization())
        try await client.deleteMeterType(id: type.id)
    }

    private static func isObject(_ value: JSONValue) -> Bool {
        if case .object = value { return true }
        return false
    }

    private static func isBool(_ value: JSONValue) -> Bool {
        if case .bool = value { return true }
        return false
    }

    /// digitalroute/udp-example-streams `printing-as-a-service-with-metering`: five customers, one key, one type.
    static func metersShareAKey(_ c: CheckContext) async throws {
        let client = try c.usageEngineClient()
        let type = try await client.createMeterType(
            UsageEngineNewMeterType(name: "contract-check-\(UUID().uuidString.prefix(8))", unit: "sheets"))
        let key = UUID().uuidString.lowercased()
        var ids: [String] = []
        for user in ["101", "102", "103"] {
            ids.append(
                try await client.createMeter(UsageEngineNewMeter(userID: user, meterKey: key, meterTypeID: type.id)).id)
        }
        let found = try await client.meters(meterKey: key, meterTypeID: type.id)
        c.expect(Set(found.map(\.id)) == Set(ids), "the three meters are found by key and type, got \(found.count)")
        for id in ids {
            _ = try await c.http.send("DELETE", "/usage-metering/v1/meters/\(id)", headers: try await c.authorization())
        }
        try await client.deleteMeterType(id: type.id)
    }

    static func unknownMeterType(_ c: CheckContext) async throws {
        let response = try await c.get("/usage-metering/v1/meter-types/00000000-0000-4000-8000-000000000000")
        c.observe(response, as: "unknown-type")
        c.expectStatus(response, 404, "an unknown meter type")
        c.expect(response.json?["error"]?.string == "not_found", "error is not_found: \(response.snippet)")
    }
}
