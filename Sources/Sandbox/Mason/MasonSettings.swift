import Foundation

/// The size of Mason's generated fleet, and the sandbox's paging choices where Mason's documents are silent.
public struct MasonSettings: Sendable {
    /// How many SIMs the generated fleet has (`iccid1` and `iccid2` included).
    public var sims = 40
    /// How many days before the clock's today have usage, besides all of 2020.
    public var recentDays = 365
    /// The default `limit` of aggregate calls (undocumented by the vendor).
    public var defaultLimit = 100
    /// The largest `limit` accepted (undocumented by the vendor).
    public var maxLimit = 1_000

    /// Creates the defaults described on each property.
    public init() {}
}
