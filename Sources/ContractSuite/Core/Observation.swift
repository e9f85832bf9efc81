/// One comparable fact a check saw, such as `no-token status` = `401` or `page json $.subscriptions[].id` =
/// `string`. Values are shapes, never data that differs between runs (ids, timestamps, tokens).
public struct Observation: Sendable, Codable, Hashable, Comparable {
    /// What was observed: the request's label, the aspect (`status`, `json`, `header`, `paging`, `claim`) and a
    /// detail such as a JSON path.
    public let key: String
    /// The observed shape or value.
    public let value: String

    /// An observation of `value` under `key`.
    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    public static func < (lhs: Observation, rhs: Observation) -> Bool {
        (lhs.key, lhs.value) < (rhs.key, rhs.value)
    }
}
