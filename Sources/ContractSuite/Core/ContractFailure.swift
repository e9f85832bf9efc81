/// A check's expectation was not met, or the check could not go on.
public struct ContractFailure: Error, Sendable, CustomStringConvertible {
    /// What was expected and what came instead.
    public let description: String

    /// A failure described by `description`.
    public init(_ description: String) {
        self.description = description
    }
}
