/// A vendor the contract suite checks, named as the sandbox's path prefix and the admin API name it.
public enum ContractVendor: String, Sendable, Codable, CaseIterable, Comparable {
    case hyalto
    case usageEngine = "usage-engine"
    case zylo
    case mason

    /// The vendor's path prefix on a sandbox, such as `/usage-engine`.
    public var sandboxPrefix: String { "/\(rawValue)" }

    public static func < (lhs: ContractVendor, rhs: ContractVendor) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
