/// What `GET /__admin/scenarios/active` shows of an activation.
public struct ScenarioActivationSummary: Codable, Sendable, Equatable {
    /// One rule's counts.
    public struct Rule: Codable, Sendable, Equatable {
        public let name: String
        /// Requests that matched the rule's `match` and `whenState`.
        public let matched: Int
        /// Requests the rule answered.
        public let hits: Int
    }

    public let id: String
    public let scenario: String
    /// The credential's id when the activation is for one credential only.
    public let credential: String?
    public let state: String
    public let hits: Int
    public let rules: [Rule]
}
