import HTTPTypes
import Testing

@testable import Sandbox

@Suite("Zylo authentication")
struct ZyloAuthTests {
    @Test(
        "missing, malformed or unknown credentials get exactly Zylo's 401 body",
        arguments: [
            nil, "Bearer", "Bearer zylo-demo-token", "Bearer :zylo-demo-secret", "Bearer zylo-demo-token:",
            "Bearer zylo-demo-token:wrong-secret", "Bearer nobody:zylo-demo-secret",
            "Basic zylo-demo-token:zylo-demo-secret", "zylo-demo-token:zylo-demo-secret",
        ]
    )
    func rejectsBadCredentials(header: String?) async throws {
        try await Harness.run { h in
            let headers: HTTPFields = header.map { [.authorization: $0] } ?? [:]
            let response = try await h.request(.get, "/zylo/v1/subscriptions", token: nil, headers: headers)
            #expect(response.status == .unauthorized)
            #expect(response.text == #"{"statusCode":401,"message":"Unauthorized"}"#)
            #expect(response.headers[.zyloRequestID]?.count == 36)
        }
    }

    @Test func acceptsDemoToken_andSplitsOnFirstColonOnly() async throws {
        try await Harness.run { h in
            #expect(try await h.get("/zylo/v1/subscriptions").status == .ok)
            _ = try await h.post(
                "/__admin/credentials", token: nil, json: #"{"vendor":"zylo","tokenId":"t1","tokenSecret":"a:b:c"}"#)
            #expect(try await h.get("/zylo/v1/subscriptions", token: "t1:a:b:c").status == .ok)
            #expect(try await h.get("/zylo/v1/subscriptions", token: "t1:a").status == .unauthorized)
        }
    }

    @Test func everyResponseCarriesADistinctRequestID() async throws {
        try await Harness.run { h in
            let first = try await h.get("/zylo/v1/subscriptions").headers[.zyloRequestID]
            let second = try await h.get("/zylo/v1/nope").headers[.zyloRequestID]
            #expect(first != nil && second != nil && first != second)
        }
    }
}
