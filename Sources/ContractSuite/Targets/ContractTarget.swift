import Foundation

/// Where a contract run sends its requests.
///
/// ```swift
/// let target = try ContractTarget.parse("http://127.0.0.1:8080")
/// let results = try await target.withSession { session in
///     await ContractRunner(session: session).run(ContractCatalog.all)
/// }
/// ```
public enum ContractTarget: Sendable, Equatable, CustomStringConvertible {
    /// A sandbox started in this process (the default).
    case inProcess
    /// A running sandbox at this root, its vendors under `/zylo`, `/mason`, `/hyalto`, `/usage-engine`.
    case sandbox(URL, adminToken: String?)
    /// The live vendors, from the per-vendor environment variables.
    case live([String: String])

    /// `inprocess`, `live`, `sandbox` (with `SANDBOX_URL`) or a sandbox URL.
    public static func parse(_ text: String, environment: [String: String] = [:], adminToken: String? = nil) throws
        -> ContractTarget
    {
        let token = adminToken ?? environment["SANDBOX_ADMIN_TOKEN"]
        switch text.lowercased() {
        case "inprocess", "in-process", "": return .inProcess
        case "live": return .live(environment)
        case "sandbox":
            guard let url = environment["SANDBOX_URL"] else {
                throw ContractFailure("target 'sandbox' needs SANDBOX_URL, such as http://127.0.0.1:8080")
            }
            return try parse(url, environment: environment, adminToken: token)
        default:
            guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme),
                url.host != nil
            else {
                throw ContractFailure("target must be inprocess, live, sandbox or an http(s) URL, got '\(text)'")
            }
            return .sandbox(url, adminToken: token)
        }
    }

    /// The target `CONTRACT_TARGET` names (default `inprocess`).
    public static func fromEnvironment(_ environment: [String: String]) throws -> ContractTarget {
        try parse(environment["CONTRACT_TARGET"] ?? "inprocess", environment: environment)
    }

    /// `inprocess`, `live` or the sandbox URL.
    public var description: String {
        switch self {
        case .inProcess: "inprocess"
        case .sandbox(let url, _): url.absoluteString
        case .live: "live"
        }
    }

    /// Starts the target (for `inProcess`, a sandbox), runs `body` with a session on it, and stops it.
    public func withSession<T: Sendable>(_ body: @Sendable (TargetSession) async throws -> T) async throws -> T {
        switch self {
        case .inProcess:
            return try await InProcessTarget.run(body)
        case .sandbox(let url, let token):
            let admin = SandboxAdmin(root: url, token: token)
            let health = try await admin.health()
            guard health.status == 200 else {
                throw ContractFailure(
                    "\(url.absoluteString)/__admin/health answered \(health.status): \(health.snippet)")
            }
            return try await body(.sandbox(name: url.absoluteString, admin: admin))
        case .live(let environment):
            return try await body(LiveEnvironment.session(environment))
        }
    }
}
