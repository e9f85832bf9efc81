import Foundation
import UsageJSON

/// Which credential a request speaks for, read without verifying anything: scenarios only need to tell
/// parallel test runs apart, and the vendor's own auth still checks every request that reaches it.
struct ScenarioIdentity: Sendable, Equatable {
    /// The credential's key: Zylo `tokenId`, Mason `apiKey`, Hyalto `accessKey`, Usage Engine `clientId`.
    var key: String?
    /// The credential's id, once resolved against the credential store.
    var credentialID: String?
    /// The tenant, from a token's claims or the resolved credential.
    var tenant: String?
    /// Hyalto's `apiKeyId` claim, to find the access key a token was issued for.
    var apiKeyID: Int?
    /// The signature of the bearer token (JWT) the request carries, which names that one token.
    var token: String?

    init(vendor: Vendor, authorization: String?, body: JSONValue?) {
        let header = authorization?.trimmingCharacters(in: .whitespaces) ?? ""
        let parts = header.split(separator: " ", maxSplits: 1).map(String.init)
        let scheme = parts.count == 2 ? parts[0].lowercased() : ""
        let value = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : header
        staticKey = vendor == .zylo || vendor == .mason
        switch vendor {
        case .zylo:
            if scheme == "bearer", let colon = value.firstIndex(of: ":") { key = String(value[..<colon]) }
        case .mason:
            if !scheme.isEmpty { key = value }
        case .hyalto:
            if let claims = Self.claims(ofJWT: value) {
                token = value.split(separator: ".").last.map(String.init)
                tenant = claims.value(at: "accountId").flatMap(Self.text)
                if case .number(let id) = claims.value(at: "apiKeyId") { apiKeyID = Int(id) }
            } else if case .string(let accessKey) = body?.value(at: "accessKey") {
                key = accessKey
            }
        case .usageEngine:
            if scheme == "bearer", let claims = Self.claims(ofJWT: value) {
                token = value.split(separator: ".").last.map(String.init)
                key = claims.value(at: "azp").flatMap(Self.text)
                tenant = claims.value(at: "accountId").flatMap(Self.text)
            } else if scheme == "basic", let data = Data(base64Encoded: value),
                let pair = String(data: data, encoding: .utf8), let colon = pair.firstIndex(of: ":")
            {
                key = String(pair[..<colon]).removingPercentEncoding
            } else if case .string(let clientID) = body?.value(at: "client_id") {
                key = clientID
            }
        }
    }

    /// What a `tokens` effect rejects: the bearer token a request carries, or a static key (Zylo, Mason). A token
    /// request (Hyalto, Usage Engine) carries neither: its credential still gets fresh tokens.
    enum Rejectable: Equatable {
        case token(String)
        case key(String)
    }

    var rejectable: Rejectable? {
        if let token { return .token(token) }
        if let key, staticKey { return .key(key) }
        return nil
    }

    /// Whether the key is sent on every request (Zylo, Mason) rather than exchanged for tokens.
    private(set) var staticKey = false

    /// Whether `credential` (a key or a credential id) names this identity.
    func names(_ credential: String) -> Bool {
        credential == key || credential == credentialID
    }

    /// Whether this identity belongs to `credential`.
    func belongs(to credential: Credential) -> Bool {
        if let key { return key == credential.key }
        return tenant != nil && tenant == credential.tenant
    }

    /// Fills in the key, id and tenant from the credential store.
    mutating func resolve(vendor: Vendor, in credentials: CredentialStore) async {
        var credential: Credential?
        if let key {
            credential = try? await credentials.find(vendor: vendor, key: key)
        } else if let tenant {
            let candidates = (try? await credentials.all(vendor: vendor, tenant: tenant)) ?? []
            credential =
                candidates.first { candidate in
                    apiKeyID.map { candidate.key.hasPrefix("\($0).") } ?? false
                } ?? (candidates.count == 1 ? candidates.first : nil)
        }
        guard let credential else { return }
        key = credential.key
        credentialID = credential.id
        tenant = credential.tenant
    }

    private static func claims(ofJWT token: String) -> JSONValue? {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3 else { return nil }
        var base64 = segments[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).flatMap(JSONValue.parse)
    }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .number(let number): String(Int64(number))
        default: nil
        }
    }
}
