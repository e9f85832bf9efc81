import Foundation

/// The live vendors' base URLs and credentials, read from the environment variables DESIGN.md names.
///
/// | vendor | variables |
/// |---|---|
/// | Hyalto | `HYALTO_BASE_URL HYALTO_ACCESS_KEY HYALTO_SECRET_KEY` |
/// | Usage Engine | `USAGE_ENGINE_BASE_URL USAGE_ENGINE_CLIENT_ID USAGE_ENGINE_CLIENT_SECRET USAGE_ENGINE_AUDIENCE` |
/// | Zylo | `ZYLO_BASE_URL ZYLO_TOKEN_ID ZYLO_TOKEN_SECRET` |
/// | Mason | `MASON_BASE_URL MASON_API_KEY MASON_FLEET` |
///
/// `CONTRACT_JOB_WAIT` caps how many seconds a job check waits for a Zylo job (default 600).
public enum LiveEnvironment {
    /// The variables each vendor needs, in the order above.
    public static let variables: [ContractVendor: [String]] = [
        .hyalto: ["HYALTO_BASE_URL", "HYALTO_ACCESS_KEY", "HYALTO_SECRET_KEY"],
        .usageEngine: [
            "USAGE_ENGINE_BASE_URL", "USAGE_ENGINE_CLIENT_ID", "USAGE_ENGINE_CLIENT_SECRET", "USAGE_ENGINE_AUDIENCE",
        ],
        .zylo: ["ZYLO_BASE_URL", "ZYLO_TOKEN_ID", "ZYLO_TOKEN_SECRET"],
        .mason: ["MASON_BASE_URL", "MASON_API_KEY", "MASON_FLEET"],
    ]

    /// Whether every variable of `vendor` is set (and not empty) in `environment`.
    public static func isConfigured(_ vendor: ContractVendor, in environment: [String: String]) -> Bool {
        (variables[vendor] ?? []).allSatisfy { !(environment[$0] ?? "").isEmpty }
    }

    /// How long a job check waits for a live job, in seconds: `CONTRACT_JOB_WAIT`, or ten minutes.
    public static func jobWait(_ environment: [String: String]) -> Double {
        environment["CONTRACT_JOB_WAIT"].flatMap(Double.init).map { min(max($0, 1), 3_600) } ?? 600
    }

    /// A live session over every vendor whose variables are all set in `environment`; the others are skipped with
    /// the names of the missing variables.
    public static func session(_ environment: [String: String]) -> TargetSession {
        var endpoints: [ContractVendor: VendorEndpoint] = [:]
        var missing: [ContractVendor: String] = [:]
        for vendor in ContractVendor.allCases {
            let names = variables[vendor] ?? []
            let values = names.map { environment[$0].flatMap { $0.isEmpty ? nil : $0 } }
            let absent = zip(names, values).filter { $0.1 == nil }.map(\.0)
            guard absent.isEmpty, let base = values[0].flatMap(URL.init(string:)) else {
                missing[vendor] = "live variables not set: \(absent.isEmpty ? names[0] : absent.joined(separator: " "))"
                continue
            }
            let v = values.map { $0 ?? "" }
            let credential: VendorCredential =
                switch vendor {
                case .hyalto: .hyalto(accessKey: v[1], secretKey: v[2])
                case .usageEngine: .usageEngine(clientID: v[1], clientSecret: v[2], audience: v[3])
                case .zylo: .zylo(tokenID: v[1], tokenSecret: v[2])
                case .mason: .mason(apiKey: v[1], fleet: v[2])
                }
            endpoints[vendor] = VendorEndpoint(vendor: vendor, baseURL: base, credential: credential)
        }
        return .live(endpoints: endpoints, missing: missing, jobWait: jobWait(environment))
    }
}
