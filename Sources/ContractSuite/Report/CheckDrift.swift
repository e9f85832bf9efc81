/// How one check's observations differ between two targets.
public struct CheckDrift: Sendable, Codable, Hashable {
    /// The check's id.
    public let id: String
    /// The vendor.
    public let vendor: ContractVendor
    /// The check's outcome on target A and on target B.
    public let outcomeA: String
    public let outcomeB: String
    /// Whether both sides ran, so their observations could be compared.
    public let compared: Bool
    /// Every observation that differs, by key.
    public let differences: [Difference]

    /// Compares `a` and `b`, two results of the same check.
    public init(a: CheckResult, b: CheckResult) {
        id = a.id
        vendor = a.vendor
        outcomeA = a.outcome.label
        outcomeB = b.outcome.label
        compared = !(a.outcome.label == "skipped" || b.outcome.label == "skipped")
        differences = compared ? Self.diff(a.observations, b.observations) : []
    }

    /// The keys whose values differ between two observation lists (repeated keys compare as their sorted values).
    public static func diff(_ a: [Observation], _ b: [Observation]) -> [Difference] {
        let left = table(a)
        let right = table(b)
        return Set(left.keys).union(right.keys).sorted().compactMap { key in
            left[key] == right[key] ? nil : Difference(key: key, a: left[key], b: right[key])
        }
    }

    private static func table(_ observations: [Observation]) -> [String: String] {
        Dictionary(grouping: observations, by: \.key).mapValues { $0.map(\.value).sorted().joined(separator: ", ") }
    }
}
