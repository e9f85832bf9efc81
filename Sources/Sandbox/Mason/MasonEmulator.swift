import Foundation
import Hummingbird

/// Mason as the rest of the sandbox sees it: its routes and its API keys.
struct MasonEmulator: VendorEmulator {
    let handlers: MasonHandlers

    var vendor: Vendor { .mason }
    var profile: any VendorProfile { MasonProfile() }

    func registerRoutes(on group: RouterGroup<SandboxContext>) {
        MasonRoutes.register(on: group, handlers: handlers)
    }

    /// `apiKey` and `scopes` (`connect:read`, which the usage routes require, by default).
    func makeCredential(_ request: CredentialRequest, ids: IDGenerator, now: String) throws -> Credential {
        let apiKey = try request.value("apiKey")
        return Credential(
            id: ids.id(), vendor: .mason, key: apiKey ?? "mk_" + ids.secret(), secret: nil, tenant: ids.id(),
            scopes: (request.scopes ?? [MasonHandlers.requiredScope]).map { $0.lowercased() }, audience: nil,
            label: request.label, demo: false, createdAt: now)
    }
}
