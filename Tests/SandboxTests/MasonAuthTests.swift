import Foundation
import HTTPTypes
import Testing

@testable import Sandbox

@Suite("Mason authentication")
struct MasonAuthTests {
    static let path = "aggregate/usage?date=2020-08-01T00:00:00Z"

    @Test func demoKey_works_withTheSchemeInAnyCase() async throws {
        try await Harness.run { (h: Harness) async throws in
            #expect(try await h.mason(Self.path).status == .ok)
            #expect(try await h.mason(Self.path, authorization: "Basic mason-demo-key").status == .ok)
            #expect(try await h.mason(Self.path, authorization: "BASIC mason-demo-key").status == .ok)
        }
    }

    @Test(arguments: [nil, "mason-demo-key", "basic", "Digest mason-demo-key"])
    func missingToken_is401WithTheDocumentedBody(header: String?) async throws {
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.mason(Self.path, authorization: header)
            #expect(response.status == .unauthorized)
            #expect(
                response.text == #"{"type":"authentication_error","message":"Required authorization token not found"}"#)
        }
    }

    @Test func unknownKey_is401() async throws {
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.mason(Self.path, authorization: "basic not-a-key")
            #expect(response.status == .unauthorized)
            #expect(try response.json()["type"] as? String == "authentication_error")
        }
    }

    @Test func keyWithoutConnectRead_is403_andScopesCompareCaseInsensitively() async throws {
        try await Harness.run { (h: Harness) async throws in
            _ = try await h.post(
                "/__admin/credentials", token: nil,
                json: #"{"vendor":"mason","apiKey":"devices-only","scopes":["devices:read"]}"#)
            let denied = try await h.mason(Self.path, authorization: "basic devices-only")
            #expect(denied.status == .forbidden)
            #expect(try denied.json()["type"] as? String == "permission_error")
            _ = try await h.post(
                "/__admin/credentials", token: nil,
                json: #"{"vendor":"mason","apiKey":"shouty","scopes":["CONNECT:READ"]}"#)
            #expect(try await h.mason(Self.path, authorization: "basic shouty").status == .ok)
        }
    }

    @Test func lenientMode_acceptsBase64AndBearer_strictModeDoesNot() async throws {
        let encoded = "basic " + Data("mason-demo-key".utf8).base64EncodedString()
        try await Harness.run { (h: Harness) async throws in
            #expect(try await h.mason(Self.path, authorization: encoded).status == .ok)
            #expect(try await h.mason(Self.path, authorization: "Bearer mason-demo-key").status == .ok)
        }
        try await Harness.run(configure: { $0.fidelity = .strict }) { (h: Harness) async throws in
            #expect(try await h.mason(Self.path, authorization: encoded).status == .unauthorized)
            #expect(try await h.mason(Self.path, authorization: "Bearer mason-demo-key").status == .unauthorized)
        }
    }
}
