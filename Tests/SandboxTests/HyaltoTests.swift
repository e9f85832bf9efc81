import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import Sandbox

extension Harness {
    static let hyaltoKeys =
        #"{"accessKey":"\#(DemoCredentials.hyaltoAccessKey)","secretKey":"\#(DemoCredentials.hyaltoSecretKey)"}"#

    /// A Hyalto token for the demo key.
    func hyaltoToken() async throws -> String {
        try await post("/hyalto/accountManagement/auth/token/", token: nil, json: Harness.hyaltoKeys).json()[
            "accessToken"]
            as? String ?? ""
    }

    /// A Hyalto GET with `Authorization: <authorization>` exactly as given (bare token or `Bearer …`).
    func hyalto(_ path: String, authorization: String) async throws -> TestResponse {
        try await request(.get, "/hyalto/" + path, token: nil, headers: [.authorization: authorization])
    }
}

/// The parts of a JWT, decoded.
func jwtParts(_ token: String) -> (header: [String: Any], claims: [String: Any]) {
    let parts = token.split(separator: ".").map(String.init)
    func decode(_ part: String) -> [String: Any] {
        var base64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let data = Data(base64Encoded: base64) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }
    return parts.count == 3 ? (decode(parts[0]), decode(parts[1])) : ([:], [:])
}

@Suite("Hyalto tokens")
struct HyaltoTokenTests {
    @Test func token_hasTheSeedsShapeAndClaims() async throws {
        try await Harness.run { h in
            let response = try await h.post(
                "/hyalto/accountManagement/auth/token", token: nil, json: Harness.hyaltoKeys)
            #expect(response.text.hasPrefix(#"{"tokenType":"Bearer","accessToken":"#))
            let body = try response.json()
            #expect(body["scope"] as? String == "all" && body["expiresIn"] as? Int == 3600)
            let (header, claims) = jwtParts(body["accessToken"] as? String ?? "")
            #expect(header["alg"] as? String == "HS256" && header["typ"] as? String == "JWT")
            #expect(claims["iat"] as? Int == 1_704_067_200 && claims["exp"] as? Int == 1_704_070_800)
            #expect(claims["accountId"] as? Int == 164 && claims["serviceProviderId"] as? Int == 164)
            #expect(claims["apiKeyId"] as? Int == 190 && claims["companyName"] as? String == "Demo Co.")
            #expect(claims["userId"] is NSNull && claims["username"] is NSNull && claims["apex"] as? Bool == false)
            #expect(
                (claims["access"] as? [String: Any])?.count == 21
                    && UUID(uuidString: claims["jti"] as? String ?? "") != nil)
        }
    }

    @Test(arguments: [
        (#"{"accessKey":"190.1fae4315-f50a-4c76-8213-1b9d79e43599","secretKey":"wrong"}"#, 401),
        (#"{"accessKey":"nobody","secretKey":"a6e81199-5318-4c29-ae47-01190958356e"}"#, 401),
        (#"{"accessKey":"190.1fae4315-f50a-4c76-8213-1b9d79e43599"}"#, 400), ("not json", 400),
    ])
    func token_rejectsWrongOrMissingKeys(body: String, status: Int) async throws {
        try await Harness.run { h in
            let response = try await h.post("/hyalto/accountManagement/auth/token", token: nil, json: body)
            #expect(response.status.code == status)
            #expect(try response.json()["status"] as? Int == status)
        }
    }

    @Test func laterCalls_acceptBearerAndBareTokens_untilTheTokenExpiresOnTheVirtualClock() async throws {
        try await Harness.run { h in
            let token = try await h.hyaltoToken()
            #expect(try await h.hyalto("accountManagement/accounts", authorization: token).status == .ok)
            #expect(try await h.hyalto("accountManagement/accounts/", authorization: "Bearer \(token)").status == .ok)
            h.advanceClock(by: 3_599)
            #expect(try await h.hyalto("accountManagement/accounts", authorization: token).status == .ok)
            h.advanceClock(by: 2)
            let expired = try await h.hyalto("accountManagement/accounts", authorization: token)
            #expect(expired.status == .unauthorized && expired.text.contains("expired"))
        }
    }

    @Test func tamperedUnsignedAndForeignTokens_are401() async throws {
        try await Harness.run { h in
            let token = try await h.hyaltoToken()
            let parts = token.split(separator: ".").map(String.init)
            let claims = Data(#"{"accountId":164,"apiKeyId":190,"exp":9999999999,"iss":"api.hyalto.com"}"#.utf8)
            let forged = TokenKeys.base64URL(claims)
            let none = TokenKeys.base64URL(Data(#"{"alg":"none","typ":"JWT"}"#.utf8))
            let key = SymmetricKey(size: .bits256)
            let input = "\(parts[0]).\(forged)"
            let foreign =
                input + "."
                + TokenKeys.base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: key)))
            for bad in ["\(parts[0]).\(forged).\(parts[2])", "\(none).\(parts[1]).", foreign, "garbage", ""] {
                #expect(try await h.hyalto("accountManagement/accounts", authorization: bad).status == .unauthorized)
            }
        }
    }
}
