import Foundation
import JWTKit
import Synchronization

/// The claims of a Hyalto access token, as the seed's token carries them (`userId` and `username` are `null`
/// for an API-key token).
struct HyaltoClaims: JWTPayload, Equatable {
    struct Rights: Codable, Sendable, Equatable {
        let C: Bool
        let R: Bool
        let U: Bool
        let D: Bool
    }

    /// The 21 permission areas of the seed's token.
    static let areas = [
        "Account Management", "Solution Management", "Service Management", "IT Management", "Purchasing",
        "ASA Management", "Audit", "Accounts", "API Keys", "Authentication Types", "Contacts", "Contracts",
        "Customizations", "Database Servers", "Hooks", "Pricing", "Roles", "SKUs", "Solutions", "Unit Prices", "Users",
    ]

    let jti: String
    let iat: Int
    let exp: Int
    let iss: String
    let scope: String
    let serviceProviderId: Int
    let accountId: Int
    let companyName: String
    let userId: Int?
    let username: String?
    let apiKeyId: Int
    let apex: Bool
    let access: [String: Rights]

    enum CodingKeys: String, CodingKey {
        case jti, iat, exp, iss, scope, serviceProviderId, accountId, companyName, userId, username, apiKeyId, apex,
            access
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jti, forKey: .jti)
        try container.encode(iat, forKey: .iat)
        try container.encode(exp, forKey: .exp)
        try container.encode(iss, forKey: .iss)
        try container.encode(scope, forKey: .scope)
        try container.encode(serviceProviderId, forKey: .serviceProviderId)
        try container.encode(accountId, forKey: .accountId)
        try container.encode(companyName, forKey: .companyName)
        try container.encode(userId, forKey: .userId)
        try container.encode(username, forKey: .username)
        try container.encode(apiKeyId, forKey: .apiKeyId)
        try container.encode(apex, forKey: .apex)
        try container.encode(access, forKey: .access)
    }

    /// Expiry is checked against the sandbox's virtual clock by the caller, not the wall clock.
    func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// The payload exactly as ``TokenKeys/payloadEncoder`` writes it (sorted keys, `null` for a missing user),
    /// written directly: every Hyalto token is signed on the request path, and `JSONEncoder` was most of its cost.
    func payloadJSON() -> Data {
        let quote = OrderedJSONEncoder.quote
        var out = "{\"access\":" + Self.accessJSON(access)
        out +=
            ",\"accountId\":\(accountId),\"apex\":\(apex),\"apiKeyId\":\(apiKeyId),\"companyName\":"
            + quote(companyName)
        out += ",\"exp\":\(exp),\"iat\":\(iat),\"iss\":" + quote(iss) + ",\"jti\":" + quote(jti)
        out += ",\"scope\":" + quote(scope) + ",\"serviceProviderId\":\(serviceProviderId)"
        out += ",\"userId\":" + (userId.map { String($0) } ?? "null")
        out += ",\"username\":" + (username.map(quote) ?? "null") + "}"
        return Data(out.utf8)
    }

    /// `access` in sorted-key JSON; the last one is remembered, since every token the sandbox issues has the same.
    private static func accessJSON(_ access: [String: Rights]) -> String {
        if let known = accessMemo.withLock({ $0 }), known.access == access { return known.json }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(access)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        accessMemo.withLock { $0 = (access, json) }
        return json
    }

    private static let accessMemo = Mutex<(access: [String: Rights], json: String)?>(nil)
}
