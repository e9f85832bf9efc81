import Foundation
import JWTKit

/// The claims of a Usage Engine access token, as the vendor's example token carries them (an Auth0
/// client-credentials token with the account's `accountId`).
///
/// `verify(using:)` checks nothing: expiry is checked against the virtual clock, and issuer and audience against
/// the sandbox's settings, by ``UsageEngineHandlers/authenticate(_:scope:)``.
struct UsageEngineClaims: JWTPayload, Equatable {
    var iss: IssuerClaim
    var sub: SubjectClaim
    var aud: AudienceClaim
    var iat: IssuedAtClaim
    var exp: ExpirationClaim
    var scope: String
    var gty: String
    var azp: String
    var accountId: String

    func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// The token's scopes, split on spaces.
    var scopes: Set<String> { Set(scope.split(separator: " ").map(String.init)) }
}
