import Foundation

/// A contract run's results on one target, as written by `--report` (JSON) and `--junit` (JUnit XML).
public struct ContractReport: Sendable, Codable {
    /// The target's name.
    public let target: String
    /// Every result, in run order.
    public let results: [CheckResult]

    /// A report of `results` on `target`.
    public init(target: String, results: [CheckResult]) {
        self.target = target
        self.results = results
    }

    /// How many results ended `label` (`passed`, `failed` or `skipped`).
    public func count(_ label: String) -> Int { results.filter { $0.outcome.label == label }.count }

    /// Whether nothing failed (skips do not fail a run, and do not count as passes).
    public var succeeded: Bool { count("failed") == 0 }

    /// The report as pretty JSON with sorted keys.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
