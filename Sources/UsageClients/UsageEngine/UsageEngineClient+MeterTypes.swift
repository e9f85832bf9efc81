extension UsageEngineClient {
    /// The account's meter types, optionally only the one named `name`.
    ///
    /// ```swift
    /// let printing = try await engine.meterTypes(name: "Pay-Per-Print").first
    /// ```
    public func meterTypes(name: String? = nil) async throws -> [UsageEngineMeterType] {
        let query = name.map { [("name", $0)] } ?? []
        return try await executor.json(MeterTypeList.self, "GET", "/usage-metering/v1/meter-types", query: query)
            .meterTypes
    }

    /// Creates a meter type; its name must be unique within the account.
    ///
    /// ```swift
    /// var new = UsageEngineNewMeterType(name: "Pay-Per-Print", unit: "page")
    /// new.resetSchedule = UsageEngineMeterResetSchedule(day: "1", hour: "0", minute: "0", month: "*", weekday: "*")
    /// let type = try await engine.createMeterType(new)
    /// ```
    public func createMeterType(_ meterType: UsageEngineNewMeterType) async throws -> UsageEngineMeterType {
        try await executor.json(
            UsageEngineMeterType.self, "POST", "/usage-metering/v1/meter-types", headers: Self.jsonHeaders,
            body: try RequestExecutor.jsonBody(meterType))
    }

    /// One meter type.
    ///
    /// ```swift
    /// let type = try await engine.meterType(id: id)
    /// print(type.name, type.numberOfMeters ?? 0)
    /// ```
    public func meterType(id: String) async throws -> UsageEngineMeterType {
        try await executor.json(UsageEngineMeterType.self, "GET", "/usage-metering/v1/meter-types/\(Self.segment(id))")
    }

    /// Replaces a meter type (`PUT`): fields left `nil` in `meterType` go back to their defaults.
    ///
    /// ```swift
    /// var changed = UsageEngineNewMeterType(name: type.name, unit: "sheet")
    /// changed.aggregation = .sum
    /// let updated = try await engine.updateMeterType(id: type.id, changed)
    /// ```
    public func updateMeterType(id: String, _ meterType: UsageEngineNewMeterType) async throws -> UsageEngineMeterType {
        try await executor.json(
            UsageEngineMeterType.self, "PUT", "/usage-metering/v1/meter-types/\(Self.segment(id))",
            headers: Self.jsonHeaders,
            body: try RequestExecutor.jsonBody(meterType))
    }

    /// Deletes a meter type that has no meters left.
    ///
    /// ```swift
    /// try await engine.deleteMeterType(id: type.id)
    /// ```
    public func deleteMeterType(id: String) async throws {
        _ = try await executor.send("DELETE", "/usage-metering/v1/meter-types/\(Self.segment(id))")
    }
}

/// `{"meterTypes":[…]}`.
struct MeterTypeList: Decodable, Sendable {
    let meterTypes: [UsageEngineMeterType]
}
