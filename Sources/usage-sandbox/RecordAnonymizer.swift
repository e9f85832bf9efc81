import Crypto
import Foundation
import UsageClients

/// Stable fakes for personal data (`record --anonymize`): the same input gives the same fake in every run and every
/// vendor, from an HMAC-SHA256 of the value with a fixed key, so recorded data can be committed and still joins up.
struct RecordAnonymizer: Sendable {
    /// `false` passes every value through unchanged.
    let enabled: Bool

    private static let key = SymmetricKey(data: Data("usage-sandbox record --anonymize v1".utf8))

    /// A short stable tag of `value` (10 hex digits).
    func tag(_ value: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: Self.key)
        return code.prefix(5).map { String(format: "%02x", $0) }.joined()
    }

    /// A person's or company's name: `Name-3f9a1c20b7` (with `prefix` instead of `Name` when given).
    func name(_ value: String, prefix: String = "Name") -> String {
        guard enabled, !value.isEmpty else { return value }
        return "\(prefix)-\(tag(value.lowercased()))"
    }

    /// An email address: `user-3f9a1c20b7@example.com`.
    func email(_ value: String) -> String {
        guard enabled, !value.isEmpty else { return value }
        return "user-\(tag(value.lowercased()))@example.com"
    }

    /// A user id: `user-3f9a1c20b7`; an email-shaped id becomes a fake email.
    func userID(_ value: String) -> String {
        guard enabled, !value.isEmpty else { return value }
        return Self.looksLikeEmail(value) ? email(value) : "user-\(tag(value))"
    }

    /// Every email-shaped string inside `value`, at any depth, replaced; so are the strings under keys that name
    /// a person (`…email…`, `…owner…`, `userId`, `firstName`, `lastName`, `fullName`).
    func scrub(_ value: JSONValue, key: String = "") -> JSONValue {
        guard enabled else { return value }
        switch value {
        case .string(let text):
            if Self.looksLikeEmail(text) { return .string(email(text)) }
            let lowered = key.lowercased()
            if lowered.contains("email") { return .string(email(text)) }
            if lowered == "userid" || lowered.hasSuffix("userid") { return .string(userID(text)) }
            if ["firstname", "lastname", "fullname"].contains(lowered) || lowered.contains("owner") {
                return .string(name(text))
            }
            return value
        case .array(let items): return .array(items.map { scrub($0, key: key) })
        case .object(let members):
            return .object(Dictionary(uniqueKeysWithValues: members.map { ($0.key, scrub($0.value, key: $0.key)) }))
        default: return value
        }
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        guard let at = text.firstIndex(of: "@"), at != text.startIndex else { return false }
        let domain = text[text.index(after: at)...]
        return domain.contains(".") && !text.contains(" ")
    }
}
