import Foundation

/// Hyalto's token settings (the seed's token lives 3,600 s; its issuer is the vendor's host).
public struct HyaltoSettings: Sendable {
    /// Seconds an access token is valid (`expiresIn`).
    public var tokenLifetime: TimeInterval = 3_600
    /// The `iss` claim.
    public var issuer = "api.hyalto.com"

    /// Creates the defaults described on each property.
    public init() {}
}
