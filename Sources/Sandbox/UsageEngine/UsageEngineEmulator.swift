import Foundation
import Hummingbird

/// Usage Engine as the rest of the sandbox sees it: its routes, its clients and meters that scenarios fill.
struct UsageEngineEmulator: VendorEmulator {
    let store: UsageEngineStore
    let handlers: UsageEngineHandlers

    var vendor: Vendor { .usageEngine }
    var profile: any VendorProfile { UsageEngineProfile() }

    func registerRoutes(on group: RouterGroup<SandboxContext>) {
        UsageEngineRoutes.register(on: group, handlers: handlers)
    }

    /// `POST /__admin/usage-engine/meters/{id}/usage` (see ``UsageEngineAdmin``).
    func registerAdminRoutes(on group: RouterGroup<SandboxContext>) {
        group.post("meters/:id/usage", use: UsageEngineAdmin(store: store).recordMeterUsage)
    }

    /// `clientId`, `clientSecret`, `audience` and `scopes`; the demo client's audience and scopes by default.
    func makeCredential(_ request: CredentialRequest, ids: IDGenerator, now: String) throws -> Credential {
        let clientId = try request.value("clientId")
        let clientSecret = try request.value("clientSecret")
        let audience = try request.value("audience")
        return Credential(
            id: ids.id(), vendor: .usageEngine, key: clientId ?? ids.secret(bytes: 16),
            secret: clientSecret ?? ids.secret(), tenant: ids.id(),
            scopes: request.scopes ?? DemoCredentials.usageEngineScopes,
            audience: audience ?? DemoCredentials.usageEngineAudience, label: request.label, demo: false,
            createdAt: now)
    }

    /// `meter: fill` fills the meter named by the segment after `meters` in the path.
    func applyScenarioEffects(_ effects: ScenarioEffects, to request: ScenarioRequest) async throws {
        guard effects.meter == .fill else { return }
        let segments = request.path.split(separator: "/").map(String.init)
        if let index = segments.firstIndex(of: "meters"), index + 1 < segments.count {
            try await store.fillMeter(id: segments[index + 1])
        }
    }
}
