import Foundation
import Hummingbird

extension UsageEngineHandlers {
    /// The claims of the token in `Authorization: Bearer <jwt>`, which must carry `scope`.
    ///
    /// A missing, malformed, tampered, unsigned (`alg: none`) or foreign-key token, an unknown `kid`, another
    /// issuer or audience, an expired token (on the virtual clock) and a token whose Application Access no longer
    /// exists are all 401 with `WWW-Authenticate: Bearer`; a valid token without `scope` is 403.
    func authenticate(_ request: Request, scope: String) async throws -> UsageEngineClaims {
        guard let header = request.headers[.authorization] else { throw UsageEngineAPIError.missingToken }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw UsageEngineAPIError.missingToken }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        let keys = try await tokenKeys.usageEngine()
        guard let joseHeader = Self.joseHeader(token), joseHeader.alg == "RS256" else {
            throw UsageEngineAPIError.invalidToken("the access token is malformed or not signed with RS256")
        }
        guard joseHeader.kid == keys.kid else {
            throw UsageEngineAPIError.invalidToken("the access token is signed with an unknown key (kid)")
        }
        let claims: UsageEngineClaims
        do {
            claims = try await keys.collection.verify(token, as: UsageEngineClaims.self)
        } catch {
            throw UsageEngineAPIError.invalidToken("the access token's signature does not verify")
        }
        guard claims.iss.value == settings.issuer else {
            throw UsageEngineAPIError.invalidToken("the access token was issued by another issuer")
        }
        guard claims.exp.value > environment.clock.now() else {
            throw UsageEngineAPIError.invalidToken("the access token has expired: request a new one")
        }
        guard let credential = try await credentials.find(vendor: .usageEngine, key: claims.azp),
            credential.tenant == claims.accountId
        else { throw UsageEngineAPIError.invalidToken("the Application Access of this token no longer exists") }
        let audience = Self.normalizedAudience(credential.audience ?? DemoCredentials.usageEngineAudience)
        guard claims.aud.value.contains(audience) else {
            throw UsageEngineAPIError.invalidToken("the access token is not intended for \(audience)")
        }
        guard claims.scopes.contains(scope) else { throw UsageEngineAPIError.insufficientScope(scope) }
        return claims
    }

    /// The `alg` and `kid` of a compact JWS's header, or `nil` when it is not one.
    private static func joseHeader(_ token: String) -> (alg: String, kid: String?)? {
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3, let data = base64URLDecode(segments[0]),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let alg = object["alg"] as? String
        else { return nil }
        return (alg, object["kid"] as? String)
    }

    private static func base64URLDecode(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
