import Crypto
import CryptoExtras
import Foundation
import HTTPTypes
import JWTKit
import Testing

@testable import Sandbox

@Suite("Usage Engine bearer tokens")
struct UsageEngineBearerTests {
    /// Demo-account claims as the sandbox issues them at the test clock's start, with `change` applied.
    static func claims(
        _ h: Harness, _ change: (inout UsageEngineClaims) -> Void = { _ in }
    ) async throws -> UsageEngineClaims {
        let demo = try await h.sandbox.credentials.find(vendor: .usageEngine, key: DemoCredentials.usageEngineClientID)
        let now = h.sandbox.environment.clock.now()
        var claims = UsageEngineClaims(
            iss: "https://auth.digitalroute.io/", sub: "usage-engine-demo-client@clients",
            aud: "https://api.digitalroute.io/", iat: .init(value: now), exp: .init(value: now + 3_600),
            scope: "read:meter_types", gty: "client-credentials", azp: "usage-engine-demo-client",
            accountId: demo?.tenant ?? "")
        change(&claims)
        return claims
    }

    /// `claims` signed with the sandbox's own key.
    static func sign(_ h: Harness, _ claims: UsageEngineClaims) async throws -> String {
        let keys = try await h.sandbox.tokenKeys.usageEngine()
        return try await keys.collection.sign(claims, kid: JWKIdentifier(string: keys.kid))
    }

    static func expect401(_ h: Harness, token: String?, mentions: String = "") async throws {
        let response = try await h.request(.get, Harness.ueMetering + "/meter-types", token: token)
        #expect(response.status == .unauthorized)
        #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
        #expect(try response.json()["error"] as? String == "unauthorized")
        #expect(mentions.isEmpty || response.text.contains(mentions))
    }

    @Test func validToken_reachesTheMeteringAPI() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            #expect(try await h.ue(.get, "/meter-types", token: token).text == #"{"meterTypes":[]}"#)
            #expect(try await h.ue(.get, "/meter-types", token: try await Self.sign(h, Self.claims(h))).status == .ok)
        }
    }

    @Test func missingOrNonBearerHeader_is401() async throws {
        try await Harness.run { (h: Harness) async throws in
            try await Self.expect401(h, token: nil)
            let basic = try await h.request(
                .get, Harness.ueMetering + "/meters", token: nil, headers: [.authorization: "Basic eDp5"])
            #expect(basic.status == .unauthorized && basic.headers[.wwwAuthenticate] == "Bearer")
        }
    }

    @Test func expiredToken_is401OnTheVirtualClock() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            h.advanceClock(by: 3_599)
            #expect(try await h.ue(.get, "/meters", token: token).status == .ok)
            h.advanceClock(by: 2)
            try await Self.expect401(h, token: token, mentions: "expired")
        }
    }

    @Test func tamperedToken_is401() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let parts = token.split(separator: ".").map(String.init)
            let jwt = DecodedJWT(token)
            let payload = jwt.payloadText.replacingOccurrences(of: "usage-engine-demo-client@", with: "someone-else@")
            let header = #"{"alg":"RS256","typ":"JWT","kid":"\#(jwt.header["kid"] as? String ?? "")"}"#
            try await Self.expect401(
                h, token: DecodedJWT.forge(header: header, payload: payload, signature: parts[2]), mentions: "signature"
            )
            try await Self.expect401(h, token: String(token.dropLast(2)) + "AA", mentions: "signature")
            try await Self.expect401(h, token: "not-a-jwt", mentions: "malformed")
        }
    }

    @Test func algNoneToken_is401() async throws {
        try await Harness.run { (h: Harness) async throws in
            let jwt = DecodedJWT(try await h.ueToken())
            let header = #"{"alg":"none","typ":"JWT","kid":"\#(jwt.header["kid"] as? String ?? "")"}"#
            try await Self.expect401(
                h, token: DecodedJWT.forge(header: header, payload: jwt.payloadText, signature: ""))
        }
    }

    @Test func tokenSignedWithAForeignKey_is401() async throws {
        try await Harness.run { (h: Harness) async throws in
            let ours = try await h.sandbox.tokenKeys.usageEngine().kid
            let foreign = JWTKeyCollection()
            let key = try Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
            await foreign.add(rsa: key, digestAlgorithm: .sha256, kid: JWKIdentifier(string: ours))
            let forged = try await foreign.sign(Self.claims(h), kid: JWKIdentifier(string: ours))
            try await Self.expect401(h, token: forged, mentions: "signature")
            await foreign.add(rsa: key, digestAlgorithm: .sha256, kid: "other-kid")
            let unknownKid = try await foreign.sign(Self.claims(h), kid: "other-kid")
            try await Self.expect401(h, token: unknownKid, mentions: "kid")
        }
    }

    @Test func otherIssuerAudienceOrAccount_is401() async throws {
        try await Harness.run { (h: Harness) async throws in
            let issuer = try await Self.sign(h, Self.claims(h) { $0.iss = "https://evil.example/" })
            try await Self.expect401(h, token: issuer, mentions: "issuer")
            let audience = try await Self.sign(h, Self.claims(h) { $0.aud = "https://api.us.digitalroute.io/" })
            try await Self.expect401(h, token: audience, mentions: "intended")
            let account = try await Self.sign(h, Self.claims(h) { $0.accountId = "someone-else" })
            try await Self.expect401(h, token: account, mentions: "no longer exists")
        }
    }

    @Test func tokenOfAnApplicationAccessGoneAfterReset_is401() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueMintToken(clientId: "short-lived")
            #expect(try await h.ue(.get, "/meters", token: token).status == .ok)
            _ = try await h.post("/__admin/reset", token: nil)
            try await Self.expect401(h, token: token, mentions: "no longer exists")
        }
    }

    @Test(arguments: [
        ("GET", "/meter-types", "read:meter_types"), ("POST", "/meter-types", "create:meter_types"),
        ("PUT", "/meter-types/x", "update:meter_types"), ("PATCH", "/meter-types/x", "update:meter_types"),
        ("DELETE", "/meter-types/x", "delete:meter_types"), ("GET", "/meters", "read:meters"),
        ("GET", "/meters/x", "read:meters"), ("POST", "/meters", "create:meters"),
        ("PUT", "/meters/x", "update:meters"),
        ("DELETE", "/meters/x", "delete:meters"),
    ])
    func missingScope_is403NamingIt_evenWithEveryOtherScope(method: String, path: String, scope: String) async throws {
        try await Harness.run { (h: Harness) async throws in
            let others = DemoCredentials.usageEngineScopes.filter { $0 != scope }
            let token = try await h.ueMintToken(clientId: "narrow", scopes: others)
            let response = try await h.ue(HTTPRequest.Method(method) ?? .get, path, token: token, json: "{}")
            #expect(response.status == .forbidden)
            #expect(try response.json()["error"] as? String == "forbidden" && response.text.contains(scope))
            #expect(response.headers[.wwwAuthenticate]?.contains("insufficient_scope") == true)
        }
    }

    @Test func restrictedToken_carriesOnlyItsScopes_andMayStillRead() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueMintToken(clientId: "reader", scopes: ["read:meters"])
            #expect(DecodedJWT(token).payload["scope"] as? String == "read:meters")
            #expect(try await h.ue(.get, "/meters", token: token).status == .ok)
        }
    }
}
