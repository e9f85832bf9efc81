import Foundation
import GRDB

/// One vendor credential, which is also one tenant: what it creates, only it can see.
///
/// It renders with the vendor's own field names: a Zylo credential is
/// `{"vendor":"zylo","id":"...","tokenId":"...","tokenSecret":"...","companyId":"...","demo":true}`.
public struct Credential: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "credential"

    public var id: String
    public var vendor: Vendor
    /// The public half: Zylo `tokenId`, Hyalto `accessKey`, Usage Engine `clientId`, Mason `apiKey`.
    public var key: String
    /// The secret half, where the vendor has one.
    public var secret: String?
    /// The tenant the credential's data belongs to (Zylo's `companyId`).
    public var tenant: String
    public var scopes: [String]
    public var audience: String?
    public var label: String?
    /// Whether this is one of the documented demo credentials.
    public var demo: Bool
    public var createdAt: String
}

extension Credential {
    /// The credential as `GET /__admin/credentials` shows it.
    struct Wire: Encodable {
        let credential: Credential

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ string: String) { stringValue = string }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(credential.vendor.rawValue, forKey: Key("vendor"))
            try container.encode(credential.id, forKey: Key("id"))
            let names = credential.vendor.credentialFieldNames
            try container.encode(credential.key, forKey: Key(names.key))
            if let secretName = names.secret {
                try container.encodeIfPresent(credential.secret, forKey: Key(secretName))
            }
            try container.encode(credential.tenant, forKey: Key(names.tenant))
            if credential.vendor == .mason || credential.vendor == .usageEngine {
                try container.encode(credential.scopes, forKey: Key("scopes"))
            }
            try container.encodeIfPresent(credential.audience, forKey: Key("audience"))
            try container.encodeIfPresent(credential.label, forKey: Key("label"))
            try container.encode(credential.demo, forKey: Key("demo"))
            try container.encode(credential.createdAt, forKey: Key("createdAt"))
        }
    }
}

extension Vendor {
    /// The vendor's own names for a credential's parts.
    var credentialFieldNames: (key: String, secret: String?, tenant: String) {
        switch self {
        case .hyalto: ("accessKey", "secretKey", "accountId")
        case .usageEngine: ("clientId", "clientSecret", "accountId")
        case .zylo: ("tokenId", "tokenSecret", "companyId")
        case .mason: ("apiKey", nil, "tenant")
        }
    }
}
