import Foundation
import HTTPTypes
import Testing

@testable import Sandbox

@Suite("Usage Engine token rate limit")
struct UsageEngineRateLimitTests {
    @Test func sixthRequestInAnInstant_is429WithRetryAfter() async throws {
        try await Harness.run { (h: Harness) async throws in
            for _ in 0..<5 { #expect(try await h.ueTokenRequest().status == .ok) }
            let limited = try await h.ueTokenRequest()
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "1")
            #expect(try limited.json()["error"] as? String == "too_many_requests")
        }
    }

    @Test func bucket_refillsOnTheVirtualClock() async throws {
        try await Harness.run { (h: Harness) async throws in
            for _ in 0..<5 { _ = try await h.ueTokenRequest() }
            #expect(try await h.ueTokenRequest().status == .tooManyRequests)
            h.advanceClock(by: 0.1)
            #expect(try await h.ueTokenRequest().status == .ok)
            #expect(try await h.ueTokenRequest().status == .tooManyRequests)
            h.advanceClock(by: 1)
            for _ in 0..<5 { #expect(try await h.ueTokenRequest().status == .ok) }
        }
    }

    @Test func buckets_arePerClient() async throws {
        try await Harness.run { (h: Harness) async throws in
            for _ in 0..<5 { _ = try await h.ueTokenRequest() }
            #expect(try await h.ueTokenRequest().status == .tooManyRequests)
            let other = try await h.ueTokenRequest(Harness.ueForm(clientId: "someone-else"))
            #expect(other.status == .unauthorized)
        }
    }

    @Test func retryAfter_isWholeSecondsAtASlowRate() async throws {
        try await Harness.run(configure: {
            $0.usageEngine.tokenRatePerSecond = 0.25; $0.usageEngine.tokenBurst = 1
        }) { (h: Harness) async throws in
            #expect(try await h.ueTokenRequest().status == .ok)
            #expect(try await h.ueTokenRequest().headers[.retryAfter] == "4")
            h.advanceClock(by: 4)
            #expect(try await h.ueTokenRequest().status == .ok)
        }
    }
}
