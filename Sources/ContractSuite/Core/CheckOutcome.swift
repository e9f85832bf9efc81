/// How a check ended on one target.
public enum CheckOutcome: Sendable, Codable, Hashable {
    /// Every expectation held.
    case passed
    /// At least one expectation failed, or the check could not finish; the messages say which.
    case failed([String])
    /// The check did not run here, for this reason (never counted as passed).
    case skipped(String)

    /// `passed`, `failed` or `skipped`.
    public var label: String {
        switch self {
        case .passed: "passed"
        case .failed: "failed"
        case .skipped: "skipped"
        }
    }
}
