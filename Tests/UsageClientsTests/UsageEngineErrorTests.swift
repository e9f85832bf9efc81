import Foundation
import Sandbox
import SandboxTesting
import Testing
import UsageClients

/// Usage Engine's failures as ``UsageClientError``s: status, decoded body, and never a secret in the description.
struct UsageEngineErrorTests {
    static let invalidMeterTypes: [UsageEngineNewMeterType] = {
        var badZone = UsageEngineNewMeterType(name: "Zone")
        badZone.timezone = "Mars/Olympus_Mons"
        var backwards = UsageEngineNewMeterType(name: "Backwards")
        backwards.activeFrom = TestSandbox.defaultStart
        backwards.activeTo = TestSandbox.defaultStart - 86_400
        return [UsageEngineNewMeterType(name: ""), badZone, backwards]
    }()

    @Test(arguments: invalidMeterTypes)
    func invalidMeterType_is400(meterType: UsageEngineNewMeterType) async throws {
        try await TestSandbox.run { sandbox in
            let error = try await #require(throws: UsageClientError.self) {
                try await UsageEngineClient.make(sandbox).createMeterType(meterType)
            }
            #expect(error.status == 400 && error.vendor == "usage-engine")
            #expect(error.errorBody?["error"] == "bad_request" && error.message == error.errorBody?["message"])
        }
    }

    @Test func wrongClientSecret_failsTheTokenFetchWith401() async throws {
        try await TestSandbox.run { sandbox in
            let secret = "not-the-secret-0123456789"
            let error = try await #require(throws: UsageClientError.self) {
                try await UsageEngineClient.make(sandbox, clientSecret: secret).meterTypes()
            }
            #expect(error.status == 401 && error.operation == "POST \(UsageEngineClient.tokenPath)")
            #expect(
                error.errorBody?["error"] == "invalid_client" && error.message == error.errorBody?["error_description"])
            #expect(!error.description.contains(secret))
        }
    }

    @Test func clientWithoutCreateScope_is403() async throws {
        try await TestSandbox.run { sandbox in
            let reader = try await UsageEngineClient.minted(sandbox, clientID: "reader", scopes: ["read:meters"])
            #expect(try await reader.meters().isEmpty)
            let error = try await #require(throws: UsageClientError.self) { try await reader.makeMeterType() }
            #expect(error.status == 403 && error.errorBody?["error"] == "forbidden")
            #expect(!error.description.contains("reader-secret"))
        }
    }

    @Test func unknownMeterOrMeterType_is404() async throws {
        try await TestSandbox.run { sandbox in
            let engine = UsageEngineClient.make(sandbox)
            let missing = try await #require(throws: UsageClientError.self) {
                try await engine.meter(id: "no-such-meter")
            }
            #expect(missing.status == 404 && missing.operation == "GET /usage-metering/v1/meters/no-such-meter")
            let orphan = try await #require(throws: UsageClientError.self) {
                try await engine.createMeter(
                    UsageEngineNewMeter(userID: "1", meterKey: "k", meterTypeID: "no-such-type"))
            }
            #expect(orphan.status == 404 && orphan.errorBody?["error"] == "not_found")
        }
    }

    @Test func duplicateMeterTypeName_is409_andTheDescriptionHoldsNoTokenOrSecret() async throws {
        try await TestSandbox.run { sandbox in
            let transport = PathCountingTransport()
            let engine = UsageEngineClient.make(sandbox, options: .onVirtualClock(sandbox, transport: transport))
            _ = try await engine.makeMeterType()
            let error = try await #require(throws: UsageClientError.self) { try await engine.makeMeterType() }
            #expect(error.status == 409 && error.errorBody?["error"] == "conflict")
            let token = try #require(transport.requests.last?.authorization?.split(separator: " ").last)
            for text in [error.description, String(reflecting: error)] {
                #expect(!text.contains(token) && !text.contains(DemoCredentials.usageEngineClientSecret))
            }
        }
    }
}
