/// Every contract check, per vendor, in a stable order.
///
/// ```swift
/// for check in ContractCatalog.checks(for: .zylo) { print(check.id, check.provenance) }
/// ```
public enum ContractCatalog {
    /// All checks of all vendors.
    public static let all: [ContractCheck] =
        HyaltoChecks.all + UsageEngineChecks.all + ZyloChecks.all + MasonChecks.all

    /// The checks of `vendor`, or of every vendor when `nil`.
    public static func checks(for vendor: ContractVendor?) -> [ContractCheck] {
        guard let vendor else { return all }
        return all.filter { $0.vendor == vendor }
    }

    /// The check named `id`.
    public static func check(_ id: String) -> ContractCheck? {
        all.first { $0.id == id }
    }
}
