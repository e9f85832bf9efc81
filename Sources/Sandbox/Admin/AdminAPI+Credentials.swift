import Foundation
import Hummingbird

extension AdminAPI {
    struct CredentialList: Encodable, Sendable {
        let credentials: [Credential.Wire]
    }

    /// `POST /__admin/credentials`: `{"vendor":"zylo"}` or `{"vendor":"mason"}`, optionally with the vendor's own
    /// field names for explicit values (Zylo `tokenId`, `tokenSecret`, `companyId`; Mason `apiKey`, `scopes`,
    /// `connect:read` by default) and a `label`.
    struct NewCredential: Decodable, Sendable {
        let vendor: String
        let label: String?
        let tokenId: String?
        let tokenSecret: String?
        let companyId: String?
        let apiKey: String?
        let scopes: [String]?
        let accessKey: String?
        let secretKey: String?
        let accountId: String?
        let clientId: String?
        let clientSecret: String?
        let audience: String?

        enum CodingKeys: String, CodingKey {
            case vendor, label, tokenId, tokenSecret, companyId, apiKey, scopes, accessKey, secretKey, accountId
            case clientId, clientSecret, audience
        }

        /// Decodes every field as the vendor names it; `accountId` may be a JSON number too, as Hyalto's ids are.
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            vendor = try c.decode(String.self, forKey: .vendor)
            label = try c.decodeIfPresent(String.self, forKey: .label)
            tokenId = try c.decodeIfPresent(String.self, forKey: .tokenId)
            tokenSecret = try c.decodeIfPresent(String.self, forKey: .tokenSecret)
            companyId = try c.decodeIfPresent(String.self, forKey: .companyId)
            apiKey = try c.decodeIfPresent(String.self, forKey: .apiKey)
            scopes = try c.decodeIfPresent([String].self, forKey: .scopes)
            accessKey = try c.decodeIfPresent(String.self, forKey: .accessKey)
            secretKey = try c.decodeIfPresent(String.self, forKey: .secretKey)
            if let number = try? c.decodeIfPresent(Int64.self, forKey: .accountId) {
                accountId = String(number)
            } else {
                accountId = try c.decodeIfPresent(String.self, forKey: .accountId)
            }
            clientId = try c.decodeIfPresent(String.self, forKey: .clientId)
            clientSecret = try c.decodeIfPresent(String.self, forKey: .clientSecret)
            audience = try c.decodeIfPresent(String.self, forKey: .audience)
        }
    }

    func listCredentials(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        var vendor: Vendor?
        if let name = request.queryValue("vendor") {
            guard let known = Vendor(rawValue: name) else { throw AdminError.badRequest("vendor '\(name)' is unknown") }
            vendor = known
        }
        let all = try await sandbox.credentials.all(vendor: vendor)
        return JSONResponse(CredentialList(credentials: all.map(Credential.Wire.init)))
    }

    func createCredential(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        var request = request
        let body = try await request.decodeJSON(NewCredential.self, context: context)
        guard let vendor = Vendor(rawValue: body.vendor) else {
            throw AdminError.badRequest(
                "vendor must be one of \(Vendor.allCases.map(\.rawValue).joined(separator: ", ")), got '\(body.vendor)'"
            )
        }
        guard Sandbox.emulatedVendors.contains(vendor) else {
            throw AdminError.badRequest("vendor '\(vendor.rawValue)' is not emulated yet")
        }
        // A generated Hyalto account id may collide with an existing one: draw again a few times.
        for attempt in 1...5 {
            let credential = try makeCredential(vendor: vendor, body: body)
            do {
                try await sandbox.mint(credential)
                return JSONResponse(status: .created, Credential.Wire(credential: credential))
            } catch Sandbox.MintRefusal.keyTaken {
                let name = vendor.credentialFieldNames.key
                throw AdminError.conflict(
                    "a \(vendor.rawValue) credential with \(name) '\(credential.key)' already exists")
            } catch Sandbox.MintRefusal.accountTaken where body.accountId == nil && attempt < 5 {
                continue
            } catch Sandbox.MintRefusal.accountTaken {
                throw AdminError.conflict(
                    "accountId \(credential.tenant) is taken: it, or an account id derived from it, belongs to "
                        + "another Hyalto account")
            }
        }
        throw AdminError.conflict("no free Hyalto account id was found; give one with accountId")
    }

    /// A new credential of `vendor`: explicit values where given, generated ones elsewhere.
    private func makeCredential(vendor: Vendor, body: NewCredential) throws -> Credential {
        let ids = sandbox.environment.ids
        let given: [(String, String?)] =
            switch vendor {
            case .zylo: [("tokenId", body.tokenId), ("tokenSecret", body.tokenSecret), ("companyId", body.companyId)]
            case .mason: [("apiKey", body.apiKey)]
            case .hyalto: [("accessKey", body.accessKey), ("secretKey", body.secretKey), ("accountId", body.accountId)]
            case .usageEngine:
                [("clientId", body.clientId), ("clientSecret", body.clientSecret), ("audience", body.audience)]
            }
        var accountId: String?
        if vendor == .hyalto, let account = body.accountId {
            let range = HyaltoFixtures.providerIDs
            guard account.utf8.count <= 12, account.utf8.allSatisfy({ (48...57).contains($0) }),
                let number = Int64(account), range.contains(number)
            else {
                throw AdminError.badRequest(
                    "accountId must be an integer from \(range.lowerBound) to \(range.upperBound), as Hyalto's are, "
                        + "got '\(account.prefix(40))'")
            }
            // `00164` is account 164: one account, one tenant.
            accountId = String(number)
        }
        for (name, value) in given + [("label", body.label)] {
            guard let value else { continue }
            if value.utf8.count > 256 {
                throw AdminError.badRequest("\(name) must be at most 256 bytes long, got \(value.utf8.count)")
            }
            if name != "label", value.isEmpty || value.contains(" ") || (name == "tokenId" && value.contains(":")) {
                throw AdminError.badRequest(
                    "\(name) must be a non-empty string without spaces\(name == "tokenId" ? " or ':'" : "")")
            }
        }
        let now = SandboxTime.format(sandbox.environment.clock.now())
        switch vendor {
        case .hyalto:
            let apiKeyID = 200 + (Int(ids.secret(bytes: 2), radix: 16) ?? 0)
            return Credential(
                id: ids.id(), vendor: vendor, key: body.accessKey ?? "\(apiKeyID).\(ids.id())",
                secret: body.secretKey ?? ids.id(),
                tenant: accountId ?? String(1_000 + (Int(ids.secret(bytes: 3), radix: 16) ?? 0)), scopes: [],
                audience: nil,
                label: body.label, demo: false, createdAt: now)
        case .usageEngine:
            return Credential(
                id: ids.id(), vendor: vendor, key: body.clientId ?? ids.secret(bytes: 16),
                secret: body.clientSecret ?? ids.secret(),
                tenant: ids.id(), scopes: body.scopes ?? DemoCredentials.usageEngineScopes,
                audience: body.audience ?? DemoCredentials.usageEngineAudience, label: body.label, demo: false,
                createdAt: now)
        case .mason:
            return Credential(
                id: ids.id(), vendor: vendor, key: body.apiKey ?? "mk_" + ids.secret(), secret: nil, tenant: ids.id(),
                scopes: (body.scopes ?? [MasonHandlers.requiredScope]).map { $0.lowercased() }, audience: nil,
                label: body.label, demo: false, createdAt: now)
        case .zylo:
            return Credential(
                id: ids.id(), vendor: vendor, key: body.tokenId ?? ids.id(), secret: body.tokenSecret ?? ids.secret(),
                tenant: body.companyId ?? ids.id(), scopes: [], audience: nil, label: body.label, demo: false,
                createdAt: now)
        }
    }
}
