import Foundation
import HTTPTypes
import Testing

@testable import Sandbox

@Suite("Usage Engine token errors")
struct UsageEngineTokenErrorTests {
    struct Case: Sendable, CustomStringConvertible {
        let body: String
        let status: HTTPResponse.Status
        let error: String
        let mentions: String
        var description: String { "\(error): \(body)" }
    }

    static let cases: [Case] = [
        Case(
            body: "client_id=a&client_secret=b&audience=c", status: .badRequest, error: "invalid_request",
            mentions: "grant_type"),
        Case(
            body: Harness.ueForm().replacingOccurrences(of: "client_id=", with: "x="), status: .badRequest,
            error: "invalid_request", mentions: "client_id"),
        Case(
            body: Harness.ueForm(clientSecret: ""), status: .badRequest, error: "invalid_request",
            mentions: "client_secret"),
        Case(body: Harness.ueForm(audience: ""), status: .badRequest, error: "invalid_request", mentions: "audience"),
        Case(
            body: Harness.ueForm() + "&audience=x", status: .badRequest, error: "invalid_request", mentions: "audience"),
        Case(body: "grant_type=%zz", status: .badRequest, error: "invalid_request", mentions: "percent-encoding"),
        Case(
            body: Harness.ueForm(grantType: "password"), status: .badRequest, error: "unsupported_grant_type",
            mentions: "password"),
        Case(
            body: Harness.ueForm(clientId: "nobody"), status: .unauthorized, error: "invalid_client",
            mentions: "client_id"),
        Case(
            body: Harness.ueForm(clientSecret: "wrong"), status: .unauthorized, error: "invalid_client",
            mentions: "client_secret"),
        Case(
            body: Harness.ueForm(audience: "https://api.us.digitalroute.io/"), status: .badRequest,
            error: "invalid_grant", mentions: "audience"),
    ]

    @Test(arguments: cases)
    func badTokenRequest_getsItsRFC6749Error(_ c: Case) async throws {
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.ueTokenRequest(c.body)
            #expect(response.status == c.status)
            #expect(response.headers[.cacheControl] == "no-store")
            let body = try response.json()
            #expect(body["error"] as? String == c.error)
            #expect((body["error_description"] as? String ?? "").contains(c.mentions))
        }
    }

    @Test(arguments: [
        ("[1]", "application/json", "JSON object"),
        (#"{"grant_type":1}"#, "application/json", "grant_type must be a string"),
        ("", "application/json", "empty"), ("grant_type=client_credentials", "text/plain", "Content-Type"),
    ])
    func malformedBody_isInvalidRequest(body: String, contentType: String, mentions: String) async throws {
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.ueTokenRequest(body, contentType: contentType)
            #expect(response.status == .badRequest)
            #expect(try response.json()["error"] as? String == "invalid_request")
            #expect(response.text.contains(mentions))
        }
    }

    @Test func lenientMode_acceptsBasicAuth_trailingSlash_andTheOperationPath() async throws {
        let basic =
            "Basic "
            + Data("\(DemoCredentials.usageEngineClientID):\(DemoCredentials.usageEngineClientSecret)".utf8)
            .base64EncodedString()
        let body = "grant_type=client_credentials&audience=https%3A%2F%2Fapi.digitalroute.io%2F"
        try await Harness.run { (h: Harness) async throws in
            #expect(try await h.ueTokenRequest(body, headers: [.authorization: basic]).status == .ok)
            #expect(try await h.ueTokenRequest(path: Harness.ueTokenPath + "/").status == .ok)
            #expect(try await h.ueTokenRequest(path: "/usage-engine/oauth/token").status == .ok)
            #expect(try await h.ueTokenRequest(Harness.ueForm(), contentType: nil).status == .ok)
        }
    }

    @Test func strictMode_refusesBasicAuth_andTheOperationPath() async throws {
        let basic =
            "Basic "
            + Data("\(DemoCredentials.usageEngineClientID):\(DemoCredentials.usageEngineClientSecret)".utf8)
            .base64EncodedString()
        let body = "grant_type=client_credentials&audience=https%3A%2F%2Fapi.digitalroute.io%2F"
        try await Harness.run(configure: { $0.fidelity = .strict }) { (h: Harness) async throws in
            #expect(try await h.ueTokenRequest(body, headers: [.authorization: basic]).status == .badRequest)
            let alias = try await h.ueTokenRequest(path: "/usage-engine/oauth/token")
            #expect(alias.status == .notFound && alias.headers[.sandboxNotEmulated] == "true")
            #expect(try await h.ueTokenRequest(path: Harness.ueTokenPath).status == .ok)
        }
    }

    @Test func basicAuthWithWrongSecret_is401WithABasicChallenge() async throws {
        let basic = "Basic " + Data("usage-engine-demo-client:nope".utf8).base64EncodedString()
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.ueTokenRequest(
                "grant_type=client_credentials&audience=x", headers: [.authorization: basic])
            #expect(response.status == .unauthorized)
            #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
        }
    }
}
