extension UsageEngineClient {
    /// The account's meters, optionally only those with `meterKey` or of the meter type `meterTypeID`.
    ///
    /// ```swift
    /// for meter in try await engine.meters(meterTypeID: type.id) {
    ///     print(meter.userID ?? "?", meter.meterKey ?? "?")
    /// }
    /// ```
    public func meters(meterKey: String? = nil, meterTypeID: String? = nil) async throws -> [UsageEngineMeter] {
        var query: [(String, String)] = []
        if let meterKey { query.append(("meterKey", meterKey)) }
        if let meterTypeID { query.append(("meterTypeId", meterTypeID)) }
        return try await executor.json(MeterList.self, "GET", "/usage-metering/v1/meters", query: query).meters
    }

    /// Creates a meter for one customer; it inherits unit, aggregation, reset schedule and active period from its
    /// meter type.
    ///
    /// ```swift
    /// let meter = try await engine.createMeter(
    ///     UsageEngineNewMeter(userID: "101", meterKey: "printer-7", meterTypeID: type.id, customFields: ["site": "Lund"]))
    /// ```
    public func createMeter(_ meter: UsageEngineNewMeter) async throws -> UsageEngineMeter {
        try await executor.json(
            UsageEngineMeter.self, "POST", "/usage-metering/v1/meters", headers: Self.jsonHeaders,
            body: try RequestExecutor.jsonBody(meter))
    }

    /// One meter.
    ///
    /// ```swift
    /// let meter = try await engine.meter(id: id)
    /// print(meter.customFields)
    /// ```
    public func meter(id: String) async throws -> UsageEngineMeter {
        try await executor.json(UsageEngineMeter.self, "GET", "/usage-metering/v1/meters/\(Self.segment(id))")
    }

    /// Replaces a meter's user, custom fields and `deleteOnReset` (`PUT`); its key and type never change.
    ///
    /// ```swift
    /// let updated = try await engine.updateMeter(
    ///     id: meter.id, UsageEngineMeterUpdate(userID: "102", customFields: [:], deleteOnReset: true))
    /// ```
    public func updateMeter(id: String, _ update: UsageEngineMeterUpdate) async throws -> UsageEngineMeter {
        try await executor.json(
            UsageEngineMeter.self, "PUT", "/usage-metering/v1/meters/\(Self.segment(id))", headers: Self.jsonHeaders,
            body: try RequestExecutor.jsonBody(update))
    }

    /// Deletes a meter.
    ///
    /// ```swift
    /// try await engine.deleteMeter(id: meter.id)
    /// ```
    public func deleteMeter(id: String) async throws {
        _ = try await executor.send("DELETE", "/usage-metering/v1/meters/\(Self.segment(id))")
    }
}

/// `{"meters":[…]}`.
struct MeterList: Decodable, Sendable {
    let meters: [UsageEngineMeter]
}
