import Foundation
import HTTPTypes
import Testing

@testable import Sandbox

@Suite("Usage Engine tenancy and routing")
struct UsageEngineTenancyTests {
    @Test func anotherAccountsIds_are404_andItsListsStayEmpty() async throws {
        try await Harness.run { (h: Harness) async throws in
            let alice = try await h.ueMintToken(clientId: "alice")
            let bob = try await h.ueMintToken(clientId: "bob")
            let typeId = try await h.ueMeterType("Shared name", token: alice)
            let meterId = try await h.ueMeter(typeId: typeId, token: alice)
            #expect(try await h.ue(.get, "/meter-types", token: bob).text == #"{"meterTypes":[]}"#)
            #expect(try await h.ue(.get, "/meters", token: bob).text == #"{"meters":[]}"#)
            #expect(try await h.ue(.get, "/meter-types/\(typeId)", token: bob).status == .notFound)
            #expect(try await h.ue(.delete, "/meters/\(meterId)", token: bob).status == .notFound)
            let body = #"{"userId":"1","meterKey":"k","meterTypeId":"\#(typeId)"}"#
            #expect(try await h.ue(.post, "/meters", token: bob, json: body).status == .notFound)
            #expect(
                try await h.ue(.post, "/meter-types", token: bob, json: #"{"name":"Shared name"}"#).status == .created)
        }
    }

    @Test func mintedAccounts_getTheirOwnAccountId() async throws {
        try await Harness.run { (h: Harness) async throws in
            let alice = DecodedJWT(try await h.ueMintToken(clientId: "alice")).payload["accountId"] as? String
            let bob = DecodedJWT(try await h.ueMintToken(clientId: "bob")).payload["accountId"] as? String
            #expect(alice != nil && alice != bob)
        }
    }

    @Test func unknownRoute_is404NotEmulated_inTheMeteringEnvelope() async throws {
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.ue(.get, "/meter-readings", token: try await h.ueToken())
            #expect(response.status == .notFound && response.headers[.sandboxNotEmulated] == "true")
            #expect(try response.json()["error"] as? String == "not_found")
        }
    }

    @Test func openAPIDocument_isServed() async throws {
        try await Harness.run { (h: Harness) async throws in
            let response = try await h.get("/usage-engine/openapi.json", token: nil)
            #expect(response.status == .ok)
            #expect(try response.json()["openapi"] as? String == "3.0.3")
        }
    }

    @Test func oversizedBody_is413InTheMeteringEnvelope() async throws {
        try await Harness.run(configure: { $0.maxBodyBytes = 256 }) { (h: Harness) async throws in
            let name = String(repeating: "x", count: 400)
            let response = try await h.ue(
                .post, "/meter-types", token: try await h.ueToken(), json: #"{"name":"\#(name)"}"#)
            #expect(response.status == .contentTooLarge)
            #expect(try response.json()["error"] as? String == "payload_too_large")
        }
    }
}
