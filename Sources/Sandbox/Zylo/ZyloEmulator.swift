import Foundation
import Hummingbird

/// Zylo as the rest of the sandbox sees it: its routes, its jobs and what scenarios do to them.
struct ZyloEmulator: VendorEmulator {
    let store: ZyloStore
    let handlers: ZyloHandlers

    var vendor: Vendor { .zylo }
    var profile: any VendorProfile { ZyloProfile() }

    func registerRoutes(on group: RouterGroup<SandboxContext>) {
        ZyloRoutes.register(on: group, handlers: handlers)
    }

    func adminJobs() async throws -> [AdminJob] { try await store.adminJobs() }

    func forceJob(id: String, status: String) async throws -> AdminJob? {
        try await store.forceJob(id: id, status: status)
    }

    /// `tokenId` (no `:`, which ends it in the Authorization header), `tokenSecret` and `companyId`.
    func makeCredential(_ request: CredentialRequest, ids: IDGenerator, now: String) throws -> Credential {
        let tokenId = try request.value("tokenId", forbidding: [":"])
        let tokenSecret = try request.value("tokenSecret")
        let companyId = try request.value("companyId")
        return Credential(
            id: ids.id(), vendor: .zylo, key: tokenId ?? ids.id(), secret: tokenSecret ?? ids.secret(),
            tenant: companyId ?? ids.id(), scopes: [], audience: nil, label: request.label, demo: false,
            createdAt: now)
    }

    func applyScenarioEffects(_ effects: ScenarioEffects, to request: ScenarioRequest) async throws {
        if let job = effects.job {
            try await store.applyScenario(job, references: request.path.split(separator: "/").map(String.init))
        }
        if effects.invalidatePageTokens { try await store.forgetPageTokens(tenant: request.identity.tenant) }
    }
}
