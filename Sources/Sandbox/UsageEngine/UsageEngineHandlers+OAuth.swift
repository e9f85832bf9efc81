import Foundation
import Hummingbird
import JWTKit

extension UsageEngineHandlers {
    /// POST Create access token: `/authentication/v1/oauth/token`, the client-credentials grant.
    ///
    /// ```
    /// curl -X POST http://127.0.0.1:8080/usage-engine/authentication/v1/oauth/token \
    ///   -d grant_type=client_credentials -d client_id=usage-engine-demo-client \
    ///   -d client_secret=usage-engine-demo-secret-0123456789abcdef -d audience=https://api.digitalroute.io/
    /// ```
    func createAccessToken(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        var request = request
        let body = try await UsageEngineTokenRequest.read(&request, context: context, lenient: fidelity == .lenient)
        let now = environment.clock.now()
        // Only a known client has a bucket: a request naming an unknown client_id costs nothing that outlives it.
        guard let credential = try await credentials.find(vendor: .usageEngine, key: body.clientId) else {
            throw UsageEngineOAuthError.invalidClient(basicAuth: body.basicAuth)
        }
        if let wait = store.rateLimiter.take(
            client: credential.key, now: now, rate: settings.tokenRatePerSecond, burst: settings.tokenBurst)
        {
            throw UsageEngineOAuthError.tooManyRequests(retryAfter: wait)
        }
        guard let secret = credential.secret, constantTimeEquals(secret, body.clientSecret) else {
            throw UsageEngineOAuthError.invalidClient(basicAuth: body.basicAuth)
        }
        let audience = Self.normalizedAudience(body.audience)
        guard audience == Self.normalizedAudience(credential.audience ?? DemoCredentials.usageEngineAudience) else {
            throw UsageEngineOAuthError.invalidAudience(body.audience)
        }
        let issuedAt = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let scope = credential.scopes.joined(separator: " ")
        let claims = UsageEngineClaims(
            iss: .init(value: settings.issuer), sub: .init(value: "\(credential.key)@clients"),
            aud: .init(value: [audience]), iat: .init(value: issuedAt),
            exp: .init(value: issuedAt.addingTimeInterval(settings.tokenLifetime.rounded(.down))), scope: scope,
            gty: "client-credentials", azp: credential.key, accountId: credential.tenant)
        let keys = try await tokenKeys.usageEngine()
        let token = try await keys.collection.sign(claims, kid: JWKIdentifier(string: keys.kid))
        return JSONResponse(
            headers: [.cacheControl: "no-store"],
            UsageEngineWire.AccessToken(accessToken: token, scope: scope, expiresIn: Int(settings.tokenLifetime)))
    }

    /// POST `/oauth/token`: the operation's name in the vendor's reference, served only in lenient mode.
    func createAccessTokenByOperationPath(_ request: Request, context: SandboxContext) async throws -> Response {
        guard fidelity == .lenient else {
            throw SandboxFailure.notEmulated(method: request.method.rawValue, path: request.uri.path)
        }
        return try await createAccessToken(request, context: context).response(from: request, context: context)
    }

    /// GET `/.well-known/jwks.json`: the public key access tokens are signed with.
    ///
    /// Sandbox choice: the vendor's tokens come from Auth0 (`https://auth.digitalroute.io/`), which publishes its
    /// keys at this path of the issuer; the sandbox serves it under the Usage Engine prefix.
    func getJSONWebKeySet(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        FileResponse(
            data: try await tokenKeys.usageEngine().jwks, contentType: "application/json; charset=utf-8",
            fileName: "jwks.json", inline: true)
    }

    /// `audience` with exactly one trailing slash, as the vendor's tokens carry it (`https://api.digitalroute.io/`).
    static func normalizedAudience(_ audience: String) -> String {
        var trimmed = Substring(audience)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed + "/"
    }
}
