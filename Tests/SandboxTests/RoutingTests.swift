import Foundation
import HTTPTypes
import NIOCore
import Testing

@testable import Sandbox

@Suite("Routing, limits and the not-emulated 404")
struct RoutingTests {
    @Test(arguments: ["/zylo/v2/subscriptions", "/zylo/v1/companies", "/hyalto/accounts", "/nowhere"])
    func unknownPaths_areNotEmulated404s(path: String) async throws {
        try await Harness.run { h in
            let response = try await h.get(path)
            #expect(response.status == .notFound)
            #expect(response.headers[.sandboxNotEmulated] == "true")
        }
    }

    @Test func zyloNotEmulated404_usesZylosEnvelopeAndRequestID() async throws {
        try await Harness.run { h in
            let response = try await h.request(.delete, "/zylo/v1/subscriptions")
            #expect(response.text == #"{"statusCode":404,"message":"Not Found"}"#)
            #expect(response.headers[.zyloRequestID] != nil)
        }
    }

    @Test func oversizedBody_is413InTheVendorsEnvelope() async throws {
        try await Harness.run(configure: { $0.maxBodyBytes = 1_024 }) { h in
            let sub = try await h.firstSubscriptionID()
            let id = try await h.post("/zylo/v1/subscriptions/\(sub)/importJob").json()["id"] as? String ?? ""
            let response = try await h.upload(
                "/zylo/v1/subscriptions/\(sub)/importJob/\(id)", csv: String(repeating: "x", count: 4_096))
            #expect(response.status == .contentTooLarge)
            #expect(try response.json()["statusCode"] as? Int == 413)
        }
    }

    @Test func openAPIDocument_isServedAndDescribesEveryRoute() async throws {
        try await Harness.run { h in
            let document = try await h.get("/zylo/openapi.json", token: nil).json()
            #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
            let paths = (document["paths"] as? [String: Any])?.keys.sorted() ?? []
            #expect(paths.contains("/v1/subscriptions/{subscription}/exportJobs/{exportJob}"))
            #expect(paths.contains("/v1/usageconnect/{usageconnectId}/import/"))
            #expect(paths.count >= 9)
        }
    }

    @Test func masonOpenAPIDocument_isServedAndDescribesEveryRoute() async throws {
        try await Harness.run { h in
            let document = try await h.get("/mason/openapi.json", token: nil).json()
            let paths = (document["paths"] as? [String: Any])?.keys.sorted() ?? []
            #expect(paths.contains("/beta/{fleet}/data/aggregate/usage/sim/{iccid}"))
            #expect(paths.contains("/beta/{fleet}/data/series/usage/sim/{iccid}"))
            #expect(paths.count == 7)
        }
    }

    @Test func hyaltoOpenAPIDocument_isServedAndDescribesEveryRoute() async throws {
        try await Harness.run { h in
            let document = try await h.get("/hyalto/openapi.json", token: nil).json()
            let paths = (document["paths"] as? [String: Any])?.keys.sorted() ?? []
            #expect(paths.contains("/accountManagement/auth/token"))
            #expect(paths.contains("/solutions/usage/account/{accountId}/raw"))
            #expect(paths.count == 5)
        }
    }
}
