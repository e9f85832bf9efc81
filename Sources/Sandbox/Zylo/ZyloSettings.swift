import Foundation

/// The sandbox's choices where Zylo's documents are silent.
public struct ZyloSettings: Sendable {
    /// Virtual seconds an export job stays `IN_PROGRESS`.
    public var exportDuration: TimeInterval = 30
    /// Virtual seconds an uploaded import job stays `IN_PROGRESS`.
    public var importDuration: TimeInterval = 10
    /// The bytes of finished export files a tenant keeps; past it the oldest files are dropped (their links answer
    /// as expired). 256 MiB is about 900 exports of the default data.
    public var maxExportBytesPerTenant = 256 * 1024 * 1024
    /// How long a `downloadUri` works (the seed says 7 days).
    public var downloadLifetime: TimeInterval = 7 * 24 * 3_600
    /// The default `pageSize` (the vendor documents 50).
    public var defaultPageSize = 50
    /// The largest `pageSize` accepted (undocumented by the vendor).
    public var maxPageSize = 100
    /// How many subscriptions the generated fixture company has (`--fixtures` files replace it).
    public var fixtureSubscriptions = 120

    /// Creates the defaults described on each property.
    public init() {}
}
