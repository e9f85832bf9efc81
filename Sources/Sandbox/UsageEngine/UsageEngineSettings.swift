import Foundation

/// Usage Engine's token settings and the token endpoint's rate limit (the vendor documents 10 requests a second
/// with a burst of 5 in one snapshot of its reference).
public struct UsageEngineSettings: Sendable {
    /// Seconds an access token is valid (`expires_in`).
    public var tokenLifetime: TimeInterval = 3_600
    /// The `iss` claim.
    public var issuer = "https://auth.digitalroute.io/"
    /// Token requests each client may make per second of virtual time, sustained.
    public var tokenRatePerSecond: Double = 10
    /// Token requests each client may make at once.
    public var tokenBurst = 5

    /// Creates the defaults described on each property.
    public init() {}
}
