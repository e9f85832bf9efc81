/// A check cannot run on this target (for example it needs the sandbox's admin API); it is reported as skipped.
public struct ContractSkip: Error, Sendable, CustomStringConvertible {
    /// Why the check did not run.
    public let description: String

    /// A skip for `reason`.
    public init(_ reason: String) {
        description = reason
    }
}
