import Foundation
import GRDB
import Hummingbird

/// One emulated vendor, as the rest of the sandbox sees it: the only way the router, the admin API and the scenario
/// stage reach a vendor. Each vendor folder has one conforming type (`ZyloEmulator`, `MasonEmulator`, ...); nothing
/// outside the folder names the vendor's stores, handlers or constants.
protocol VendorEmulator: Sendable {
    /// The vendor emulated.
    var vendor: Vendor { get }
    /// Its error envelope and headers.
    var profile: any VendorProfile { get }
    /// Registers the vendor's API on `group`, which is rooted at the vendor's path prefix.
    func registerRoutes(on group: RouterGroup<SandboxContext>)
    /// Registers the vendor's sandbox-only admin routes on `group`, rooted at `/__admin/<vendor>`.
    func registerAdminRoutes(on group: RouterGroup<SandboxContext>)
    /// The vendor's asynchronous jobs, for `GET /__admin/jobs`.
    func adminJobs() async throws -> [AdminJob]
    /// Forces job `id` towards `status`; `nil` when the vendor has no job with that id.
    func forceJob(id: String, status: String) async throws -> AdminJob?
    /// A new credential from `POST /__admin/credentials`: the values given, generated ones elsewhere. Throws
    /// ``AdminError`` naming a field the vendor would not accept.
    func makeCredential(_ request: CredentialRequest, ids: IDGenerator, now: String) throws -> Credential
    /// Creates the data a newly minted credential's tenant starts with, inside the mint's transaction; returns
    /// `false` when the tenant (or an id derived from it) is already taken.
    func provision(_ credential: Credential, in db: Database, seed: UInt64, now: Date) throws -> Bool
    /// Applies the stored effects of a scenario rule that fired on one of the vendor's requests.
    func applyScenarioEffects(_ effects: ScenarioEffects, to request: ScenarioRequest) async throws
}

extension VendorEmulator {
    func registerAdminRoutes(on group: RouterGroup<SandboxContext>) {}
    func adminJobs() async throws -> [AdminJob] { [] }
    func forceJob(id: String, status: String) async throws -> AdminJob? { nil }
    func provision(_ credential: Credential, in db: Database, seed: UInt64, now: Date) throws -> Bool { true }
    func applyScenarioEffects(_ effects: ScenarioEffects, to request: ScenarioRequest) async throws {}
}

/// What `POST /__admin/credentials` asked for: the vendor's own field names (`tokenId`, `apiKey`, `accountId`, ...)
/// with their values, the scopes and the label.
struct CredentialRequest: Sendable {
    /// Every string field of the request but `vendor`, `label` and `scopes`; a JSON integer is kept as its text.
    var fields: [String: String]
    var scopes: [String]?
    var label: String?

    /// The value of field `name`, checked: at most 256 bytes, not empty, no spaces nor any of `forbidden`.
    func value(_ name: String, forbidding forbidden: Set<Character> = []) throws -> String? {
        guard let value = fields[name] else { return nil }
        if value.utf8.count > 256 {
            throw AdminError.badRequest("\(name) must be at most 256 bytes long, got \(value.utf8.count)")
        }
        if value.isEmpty || value.contains(" ") || value.contains(where: forbidden.contains) {
            let extra = forbidden.sorted().map { " or '\($0)'" }.joined()
            throw AdminError.badRequest("\(name) must be a non-empty string without spaces\(extra)")
        }
        return value
    }
}
