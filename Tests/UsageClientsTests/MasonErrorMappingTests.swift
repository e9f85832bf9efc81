import Foundation
import SandboxTesting
import Testing
import UsageClients

@Suite("MasonClient error mapping")
struct MasonErrorMappingTests {
    @Test(arguments: ["not-a-date", "2020-13-01T00:00:00Z"])
    func badDate_is400WithTheVendorBody(month: String) async throws {
        try await TestSandbox.run { sandbox in
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await MasonClient.make(sandbox).accountUsage(month: month).masonCollect()
            }
            #expect(error.status == 400)
            #expect(error.errorBody?["message"]?.isEmpty == false)
            #expect(error.errorBody?["type"] != nil)
        }
    }

    @Test func wrongKey_is401AndTheDescriptionHidesTheKey() async throws {
        try await TestSandbox.run { sandbox in
            let key = "wrong-key-51c2"
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await MasonClient.make(sandbox, apiKey: key).simUsages(month: .masonAugust()).masonCollect()
            }
            #expect(error.status == 401)
            #expect(error.errorBody?["type"] == "authentication_error")
            #expect(!error.description.contains(key))
        }
    }

    @Test func keyWithoutConnectRead_is403() async throws {
        try await TestSandbox.run { sandbox in
            try await MasonClient.mintKey("no-scope", scopes: ["devices:read"], on: sandbox)
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await MasonClient.make(sandbox, apiKey: "no-scope").accountSeries(
                    start: .masonAugust(), end: .masonAugust(day: 2))
            }
            #expect(error.status == 403)
            #expect(error.errorBody?["message"]?.isEmpty == false)
        }
    }

    @Test func unknownICCID_is404() async throws {
        try await TestSandbox.run { sandbox in
            let mason = MasonClient.make(sandbox)
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await mason.simUsage(iccid: "no-such-iccid", month: .masonAugust()).masonCollect()
            }
            #expect(error.status == 404)
            #expect(error.errorBody?["message"]?.isEmpty == false)
            await #expect(throws: UsageClientError.self) {
                _ = try await mason.simSeries(iccid: "no-such-iccid", start: .masonAugust(), end: .masonAugust(day: 2))
            }
        }
    }
}
