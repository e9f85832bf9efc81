/// One of the four vendor APIs the sandbox emulates, with the URL prefix and host names it answers on.
///
/// A request reaches a vendor either by path prefix (`http://127.0.0.1:8080/zylo/v1/subscriptions`) or by its
/// `Host` header (`Host: api.zylo.com`, for a proxy or a hosts-file override).
public enum Vendor: String, CaseIterable, Codable, Sendable {
    case hyalto
    case usageEngine = "usage-engine"
    case zylo
    case mason

    /// The path prefix the vendor is served under, such as `/zylo`.
    public var pathPrefix: String { "/" + rawValue }

    /// The vendor's real API host names; a request carrying one of them in `Host` is routed to this vendor.
    public var hostNames: [String] {
        switch self {
        case .hyalto: ["api.hyalto.com"]
        case .usageEngine: ["api.digitalroute.io", "api.us.digitalroute.io"]
        case .zylo: ["api.zylo.com"]
        case .mason: ["api.bymason.com"]
        }
    }

    /// The vendor whose real host name is `host` (port and letter case ignored).
    init?(host: String) {
        // An address (`127.0.0.1:8080`, `[::1]:8080`), the usual case, names no vendor.
        guard let first = host.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
            first != UInt8(ascii: "[")
        else { return nil }
        let name = host.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        guard let vendor = Vendor.allCases.first(where: { $0.hostNames.contains(name) }) else { return nil }
        self = vendor
    }

    /// The vendor whose prefix starts `path`, such as `.zylo` for `/zylo/v1/subscriptions`.
    init?(path: String) {
        let first = path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true).first ?? ""
        guard let vendor = Vendor(rawValue: String(first)) else { return nil }
        self = vendor
    }
}
