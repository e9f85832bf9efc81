import Foundation
import Sandbox
import SandboxTesting
import Synchronization
import Testing
import UsageClients

/// Usage Engine's client-credentials token: form-encoded, fetched once, replaced after a 401, shared by concurrent
/// callers, and fetched again after a 429's `Retry-After`.
struct UsageEngineAuthTests {
    @Test func token_isFetchedOnceWithFormEncodedCredentials_andReused() async throws {
        try await TestSandbox.run { sandbox in
            let transport = PathCountingTransport()
            let engine = UsageEngineClient.make(sandbox, options: .onVirtualClock(sandbox, transport: transport))
            _ = try await engine.meterTypes()
            _ = try await engine.meters()
            #expect(transport.count(UsageEngineClient.tokenPath) == 1 && transport.requests.count == 3)
            let token = try #require(transport.requests.first)
            #expect(token.contentType == "application/x-www-form-urlencoded" && token.authorization == nil)
            #expect(token.body.hasPrefix("grant_type=client_credentials&client_id=usage-engine-demo-client&"))
            #expect(token.body.hasSuffix("&audience=https%3A%2F%2Fapi.digitalroute.io%2F"))
            #expect(transport.requests.last?.authorization?.hasPrefix("Bearer eyJ") == true)
        }
    }

    @Test func expiredToken_isReplacedAfterOne401() async throws {
        try await TestSandbox.run { sandbox in
            let transport = PathCountingTransport()
            let engine = UsageEngineClient.make(sandbox, options: .onVirtualClock(sandbox, transport: transport))
            _ = try await engine.makeMeterType()
            sandbox.advanceClock(by: 3_601)
            #expect(try await engine.meterTypes().count == 1)
            #expect(transport.count(UsageEngineClient.tokenPath) == 2)
            #expect(transport.requests.map(\.method) == ["POST", "POST", "GET", "POST", "GET"])
        }
    }

    @Test func concurrentCallersAtExpiry_shareOneTokenFetch() async throws {
        try await TestSandbox.run { sandbox in
            let transport = PathCountingTransport()
            let engine = UsageEngineClient.make(sandbox, options: .onVirtualClock(sandbox, transport: transport))
            _ = try await engine.makeMeterType()
            sandbox.advanceClock(by: 3_601)
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 { group.addTask { try await engine.meterTypes().count } }
                for try await count in group { #expect(count == 1) }
            }
            #expect(transport.count(UsageEngineClient.tokenPath) == 2)
        }
    }

    @Test func tokenEndpoint429_isRetriedAfterRetryAfter() async throws {
        try await TestSandbox.run { sandbox in
            for _ in 0..<5 { _ = try await UsageEngineClient.make(sandbox).meterTypes() }  // the burst of 5
            let waits = Mutex<[Duration]>([])
            let transport = PathCountingTransport()
            let options = ClientOptions.onVirtualClock(sandbox, transport: transport) { wait in
                waits.withLock { $0.append(wait) }
            }
            #expect(try await UsageEngineClient.make(sandbox, options: options).meterTypes().isEmpty)
            #expect(waits.withLock { $0 } == [.seconds(1)])
            #expect(transport.count(UsageEngineClient.tokenPath) == 2)
        }
    }

    @Test func descriptionAndDump_showNoSecretOrToken() async throws {
        try await TestSandbox.run { sandbox in
            let engine = UsageEngineClient.make(sandbox)
            _ = try await engine.meterTypes()
            var dumped = ""
            dump(engine, to: &dumped)
            #expect(
                String(describing: engine) == "UsageEngineClient(\(sandbox.url(vendor: .usageEngine).absoluteString))")
            #expect(!dumped.contains(DemoCredentials.usageEngineClientSecret) && !dumped.contains("eyJ"))
        }
    }
}
