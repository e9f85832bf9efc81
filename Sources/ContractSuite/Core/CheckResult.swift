/// One check's outcome on one target, with what it observed.
public struct CheckResult: Sendable, Codable, Hashable {
    /// The check's id.
    public let id: String
    /// The vendor.
    public let vendor: ContractVendor
    /// Where the expectation comes from.
    public let provenance: Provenance
    /// Whether the check writes data.
    public let writes: Bool
    /// How it ended.
    public let outcome: CheckOutcome
    /// What it saw, sorted, for drift comparison.
    public let observations: [Observation]
    /// Wall-clock seconds it took.
    public let seconds: Double

    /// A result of `check`.
    public init(
        check: ContractCheck, outcome: CheckOutcome, observations: [Observation] = [], seconds: Double = 0
    ) {
        id = check.id
        vendor = check.vendor
        provenance = check.provenance
        writes = check.writes
        self.outcome = outcome
        self.observations = observations
        self.seconds = seconds
    }
}
