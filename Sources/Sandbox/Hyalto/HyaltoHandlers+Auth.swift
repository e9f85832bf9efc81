import Foundation
import Hummingbird
import JWTKit

extension HyaltoHandlers {
    /// The claims of the token in `Authorization: Bearer <jwt>` or a bare `Authorization: <jwt>` (the public
    /// script's form). Expired (on the virtual clock), tampered, unsigned or foreign tokens, and tokens of a
    /// credential that no longer exists, are all 401.
    func authenticate(_ request: Request) async throws -> HyaltoClaims {
        guard var token = request.headers[.authorization]?.trimmingBlanks(), !token.isEmpty else {
            throw HyaltoAPIError.unauthorized("Authorization header with an access token is required")
        }
        if token.lowercased().hasPrefix("bearer ") {
            token = token.dropFirst(7).trimmingBlanks()
        }
        let claims: HyaltoClaims
        do {
            claims = try await tokenKeys.hyalto().verify(token, as: HyaltoClaims.self)
        } catch {
            throw HyaltoAPIError.unauthorized("access token is invalid: its signature does not verify")
        }
        guard claims.iss == settings.issuer else {
            throw HyaltoAPIError.unauthorized("access token has another issuer")
        }
        guard Double(claims.exp) > environment.clock.now().timeIntervalSince1970 else {
            throw HyaltoAPIError.unauthorized("access token has expired: request a new one")
        }
        let keys = try await credentials.all(vendor: .hyalto, tenant: String(claims.accountId))
        guard keys.contains(where: { Self.apiKeyID($0) == claims.apiKeyId })
        else { throw HyaltoAPIError.unauthorized("the API key of this token no longer exists") }
        return claims
    }

    /// `POST /accountManagement/auth/token`: exchanges an access key and secret key for a signed token.
    func token(for body: HyaltoWire.TokenRequest) async throws -> HyaltoWire.Token {
        guard let credential = try await credentials.find(vendor: .hyalto, key: body.accessKey),
            let secret = credential.secret, constantTimeEquals(secret, body.secretKey),
            let accountID = Int(credential.tenant)
        else { throw HyaltoAPIError.unauthorized("accessKey or secretKey is invalid") }
        let now = Int(environment.clock.now().timeIntervalSince1970)
        let lifetime = Int(settings.tokenLifetime)
        let companyName = try await store.companyName(accountID: Int64(accountID), tenant: credential.tenant)
        let claims = HyaltoClaims(
            jti: environment.ids.id(), iat: now, exp: now + lifetime, iss: settings.issuer, scope: "all",
            serviceProviderId: accountID, accountId: accountID, companyName: companyName ?? "",
            userId: nil, username: nil, apiKeyId: Self.apiKeyID(credential), apex: false,
            access: Dictionary(
                uniqueKeysWithValues: HyaltoClaims.areas.map { ($0, .init(C: true, R: true, U: true, D: true)) }))
        let token: String
        if LibraryChoice.jwt {
            token = try await tokenKeys.hyalto().sign(claims, header: ["typ": "JWT"])
        } else if LibraryChoice.json {
            token = try await tokenKeys.hyaltoSigner().sign(payload: TokenKeys.payloadEncoder.encode(claims))
        } else {
            token = try await tokenKeys.hyaltoSigner().sign(payload: claims.payloadJSON())
        }
        return HyaltoWire.Token(accessToken: token, expiresIn: lifetime)
    }

    /// The API key id: the integer before the dot of an access key (`190.1fae4315-…`).
    static func apiKeyID(_ credential: Credential) -> Int {
        credential.key.split(separator: ".").first.flatMap { Int($0) } ?? 0
    }
}
