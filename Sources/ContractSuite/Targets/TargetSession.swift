/// A started target: where each vendor answers for this run, and (on a sandbox) its admin API.
public struct TargetSession: Sendable {
    /// How reports name the target: `inprocess`, the sandbox URL, or `live`.
    public let name: String
    /// Whether the target is the vendors themselves: only documented checks run, writes only when allowed.
    public let isLive: Bool
    /// The sandbox's admin API; `nil` on live targets.
    public let admin: SandboxAdmin?
    /// Token answers and token-holding clients, shared by every check of the session.
    public let tokens = TokenStore()
    /// The longest a check waits in real time for a live job to finish, in seconds; a sandbox's jobs are moved
    /// along on its virtual clock instead.
    public let jobWait: Double
    let liveEndpoints: [ContractVendor: VendorEndpoint]
    let missing: [ContractVendor: String]

    /// A session on a sandbox: each check gets a freshly minted credential, its own tenant.
    public static func sandbox(name: String, admin: SandboxAdmin) -> TargetSession {
        TargetSession(name: name, isLive: false, admin: admin, jobWait: 600, liveEndpoints: [:], missing: [:])
    }

    /// A session on the live vendors, with the endpoints whose variables are set and why the others are missing.
    ///
    /// - Parameter jobWait: how long a job check waits for a job to finish (ten minutes by default).
    public static func live(
        endpoints: [ContractVendor: VendorEndpoint], missing: [ContractVendor: String], jobWait: Double = 600
    ) -> TargetSession {
        TargetSession(
            name: "live", isLive: true, admin: nil, jobWait: jobWait, liveEndpoints: endpoints, missing: missing)
    }

    /// A check's context on `endpoint`, sharing this session's tokens.
    func context(for endpoint: VendorEndpoint) -> CheckContext {
        CheckContext(endpoint: endpoint, admin: admin, tokens: tokens, jobWait: jobWait)
    }

    /// Where `vendor` answers for one check, or a ``ContractSkip`` when the target does not reach it.
    public func endpoint(for vendor: ContractVendor) async throws -> VendorEndpoint {
        if let admin { return try await admin.mint(vendor) }
        if let endpoint = liveEndpoints[vendor] { return endpoint }
        throw ContractSkip(missing[vendor] ?? "no live endpoint for \(vendor.rawValue)")
    }
}
