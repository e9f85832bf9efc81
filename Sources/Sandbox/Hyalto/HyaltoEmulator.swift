import Foundation
import GRDB
import Hummingbird

/// Hyalto as the rest of the sandbox sees it: its routes, and the accounts a new API key starts with.
struct HyaltoEmulator: VendorEmulator {
    let handlers: HyaltoHandlers

    var vendor: Vendor { .hyalto }
    var profile: any VendorProfile { HyaltoProfile() }

    func registerRoutes(on group: RouterGroup<SandboxContext>) {
        HyaltoRoutes.register(on: group, handlers: handlers)
    }

    /// `accessKey`, `secretKey` and `accountId` (an integer in ``HyaltoFixtures/providerIDs``, text or number;
    /// `00164` is account 164). Without one, an account id is drawn.
    func makeCredential(_ request: CredentialRequest, ids: IDGenerator, now: String) throws -> Credential {
        let accessKey = try request.value("accessKey")
        let secretKey = try request.value("secretKey")
        var accountId: String?
        if let account = request.fields["accountId"] {
            let range = HyaltoFixtures.providerIDs
            guard account.utf8.count <= 12, account.utf8.allSatisfy({ (48...57).contains($0) }),
                let number = Int64(account), range.contains(number)
            else {
                throw AdminError.badRequest(
                    "accountId must be an integer from \(range.lowerBound) to \(range.upperBound), as Hyalto's are, "
                        + "got '\(account.prefix(40))'")
            }
            accountId = String(number)
        }
        let apiKeyID = 200 + (Int(ids.secret(bytes: 2), radix: 16) ?? 0)
        return Credential(
            id: ids.id(), vendor: .hyalto, key: accessKey ?? "\(apiKeyID).\(ids.id())", secret: secretKey ?? ids.id(),
            tenant: accountId ?? String(1_000 + (Int(ids.secret(bytes: 3), radix: 16) ?? 0)), scopes: [],
            audience: nil, label: request.label, demo: false, createdAt: now)
    }

    /// The provider account with its customers and services; refused when an id it would take is taken.
    func provision(_ credential: Credential, in db: Database, seed: UInt64, now: Date) throws -> Bool {
        guard let provider = Int64(credential.tenant), try HyaltoFixtures.isFree(db, provider: provider) else {
            return false
        }
        let company = credential.label ?? "Company \(credential.tenant)"
        try HyaltoFixtures.provision(db, tenant: credential.tenant, companyName: company, seed: seed, now: now)
        return true
    }
}
