/// One observation that differs between two targets: its key, and each side's value (`nil` where the side did not
/// observe it at all).
public struct Difference: Sendable, Codable, Hashable {
    /// The observation's key, such as `no-token status` or `page json $.subscriptions[].id`.
    public let key: String
    /// The aspect compared: `status`, `json`, `header`, `paging`, `claim` or another word from the key.
    public let aspect: String
    /// Target A's value.
    public let a: String?
    /// Target B's value.
    public let b: String?

    /// A difference at `key`.
    public init(key: String, a: String?, b: String?) {
        self.key = key
        let words = key.split(separator: " ")
        aspect = words.count > 1 ? String(words[1]) : "other"
        self.a = a
        self.b = b
    }
}
