import Foundation
import HTTPTypes
import JWTKit
import Testing

@testable import Sandbox

@Suite("Usage Engine token endpoint")
struct UsageEngineTokenTests {
    static let jsonBody =
        #"{"grant_type":"client_credentials","client_id":"usage-engine-demo-client","#
        + #""client_secret":"usage-engine-demo-secret-0123456789abcdef","audience":"https://api.digitalroute.io/"}"#

    @Test func formRequest_answersTheDocumentedBodyInOrder() async throws {
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.ueTokenRequest()
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "no-store")
            let token = try response.json()["access_token"] as? String ?? ""
            let scope = DemoCredentials.usageEngineScopes.joined(separator: " ")
            #expect(
                response.text
                    == #"{"access_token":"\#(token)","scope":"\#(scope)","expires_in":3600,"token_type":"Bearer"}"#)
        }
    }

    @Test func jsonRequest_isAcceptedLikeTheVendorReference() async throws {
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.ueTokenRequest(Self.jsonBody, contentType: "application/json")
            #expect(response.status == .ok)
            #expect(try response.json()["token_type"] as? String == "Bearer")
        }
    }

    @Test func token_carriesTheVendorsClaims() async throws {
        try await Harness.run { (h: Harness) async throws in
            let jwt = DecodedJWT(try await h.ueToken())
            let keys = try await h.sandbox.tokenKeys.usageEngine()
            #expect(jwt.header["alg"] as? String == "RS256" && jwt.header["kid"] as? String == keys.kid)
            #expect(jwt.payload["iss"] as? String == "https://auth.digitalroute.io/")
            #expect(jwt.payload["sub"] as? String == "usage-engine-demo-client@clients")
            #expect(jwt.payload["azp"] as? String == "usage-engine-demo-client")
            #expect(jwt.payload["gty"] as? String == "client-credentials")
            #expect(jwt.payload["scope"] as? String == DemoCredentials.usageEngineScopes.joined(separator: " "))
            #expect(jwt.payloadText.contains(#""iat":1704067200"#) && jwt.payloadText.contains(#""exp":1704070800"#))
            let demo = try await h.sandbox.credentials.find(vendor: .usageEngine, key: "usage-engine-demo-client")
            #expect(jwt.payload["accountId"] as? String == demo?.tenant)
        }
    }

    @Test(arguments: ["https://api.digitalroute.io", "https://api.digitalroute.io/", "https://api.digitalroute.io//"])
    func audience_isNormalisedToOneTrailingSlash(audience: String) async throws {
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.ueTokenRequest(Harness.ueForm(audience: audience))
            let jwt = DecodedJWT(try response.json()["access_token"] as? String ?? "")
            #expect(jwt.payload["aud"] as? String == "https://api.digitalroute.io/")
        }
    }

    @Test func signature_verifiesAgainstTheServedJWKS() async throws {
        try await Harness.run { (h: Harness) async throws in
            let jwks = try await h.get("/usage-engine/.well-known/jwks.json", token: nil)
            #expect(jwks.status == .ok)
            let keys = JWTKeyCollection()
            try await keys.add(jwksJSON: jwks.text)
            let claims = try await keys.verify(try await h.ueToken(), as: UsageEngineClaims.self)
            #expect(claims.azp == DemoCredentials.usageEngineClientID)
        }
    }
}
