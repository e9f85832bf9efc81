/// A scenario document that cannot be used, with every problem found: the file, the field and what was expected.
///
/// Printed by `usage-sandbox scenario validate` and by `serve`, which refuses to start with a broken scenario:
///
/// ```
/// scenarios/mine.json: rules[0].respond.fault: expected one of reset, close, garbage, truncate, trickle; got "rst"
/// ```
public struct ScenarioFileError: Error, Sendable, CustomStringConvertible {
    /// One problem: where in the document, and what is wrong.
    public struct Problem: Sendable, Equatable {
        /// A JSON path such as `rules[2].match.method`; empty for the document itself.
        public var field: String
        public var message: String
    }

    /// The file, or another name for where the document came from.
    public var file: String
    public var problems: [Problem]

    public var description: String {
        problems.map { "\(file): \($0.field.isEmpty ? "" : "\($0.field): ")\($0.message)" }.joined(separator: "\n")
    }
}
