import Foundation

/// Where two targets answer the read-only checks differently: status codes, JSON key sets and types, headers,
/// paging behaviour and token claims.
///
/// ```swift
/// let report = DriftReport(targetA: "inprocess", resultsA: a, targetB: "http://127.0.0.1:8080", resultsB: b)
/// try report.markdown.write(toFile: "drift.md", atomically: true, encoding: .utf8)
/// ```
public struct DriftReport: Sendable, Codable {
    /// Target A's name.
    public let targetA: String
    /// Target B's name.
    public let targetB: String
    /// One entry per check run on both sides, in catalog order.
    public let checks: [CheckDrift]

    /// The drift between results of the same checks on two targets (checks missing on one side are left out).
    public init(targetA: String, resultsA: [CheckResult], targetB: String, resultsB: [CheckResult]) {
        self.targetA = targetA
        self.targetB = targetB
        let byID = Dictionary(resultsB.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        checks = resultsA.compactMap { a in byID[a.id].map { CheckDrift(a: a, b: $0) } }
    }

    /// The checks whose observations differ.
    public var drifted: [CheckDrift] { checks.filter { !$0.differences.isEmpty } }

    /// Whether no compared check differs.
    public var hasDrift: Bool { !drifted.isEmpty }

    /// The report as pretty JSON with sorted keys.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
