/// Where a check's expectation comes from; only documented expectations run against live vendors.
public enum Provenance: String, Sendable, Codable, CaseIterable {
    /// Stated in one of the seed documents in `shared/seeds/`.
    case seed
    /// Found in the vendor's public material outside the seeds (docs pages, public clients), as `vendors.md` cites.
    case publicMaterial = "public-material"
    /// The sandbox's own answer where the vendor is silent (README "Sandbox choices"); never run against a vendor.
    case sandboxChoice = "sandbox-choice"

    /// Whether the expectation is the vendor's, so it may run against a live target.
    public var isDocumented: Bool { self != .sandboxChoice }
}
