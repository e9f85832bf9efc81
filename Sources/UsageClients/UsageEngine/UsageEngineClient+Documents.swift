import Foundation

extension UsageEngineClient {
    /// Every meter type of the account with every field as sent, for copying an account (`usage-sandbox record`).
    ///
    /// ```swift
    /// let types = try await engine.meterTypeDocuments()
    /// ```
    public func meterTypeDocuments() async throws -> [JSONValue] {
        try await executor.json(MeterTypeDocuments.self, "GET", "/usage-metering/v1/meter-types").meterTypes
    }

    /// Every meter of the account with every field as sent (value, capacity, thresholds, breakdowns, period).
    ///
    /// ```swift
    /// let meters = try await engine.meterDocuments()
    /// ```
    public func meterDocuments() async throws -> [JSONValue] {
        try await executor.json(MeterDocuments.self, "GET", "/usage-metering/v1/meters").meters
    }
}

private struct MeterTypeDocuments: Decodable, Sendable {
    let meterTypes: [JSONValue]
}

private struct MeterDocuments: Decodable, Sendable {
    let meters: [JSONValue]
}
