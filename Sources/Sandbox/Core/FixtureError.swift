/// A user's fixture file that cannot be loaded: which file, which field, what was expected.
public struct FixtureError: Error, CustomStringConvertible, Sendable {
    /// The file at fault.
    public let path: String
    /// Where in the file: a JSON path such as `[3].primaryContract.billFrequency`, or `line 7, isPaidUser`.
    public let field: String
    /// What was expected there.
    public let expected: String

    public var description: String { "\(path): \(field): \(expected)" }
}
