import Foundation
import Synchronization
import Testing

@testable import UsageClients

@Suite("Retries, deadlines and token refresh")
struct RequestExecutorTests {
    static func executor(_ steps: [ScriptedTransport.Step], maxAttempts: Int = 4) -> (
        RequestExecutor, ScriptedTransport
    ) {
        let transport = ScriptedTransport(steps)
        return (RequestExecutor.scripted(transport, maxAttempts: maxAttempts), transport)
    }

    @Test(arguments: [429, 502, 503, 504])
    func get_isRetriedOnRetryableStatuses(status: Int) async throws {
        let (executor, transport) = Self.executor([.respond(status), .respond(200)])
        _ = try await executor.send("GET", "/things")
        #expect(transport.requests.count == 2)
    }

    @Test func post_isRetriedOnlyWhenTheServerCannotHaveActed() async throws {
        let (refused, refusedTransport) = Self.executor([.fail(.connectionFailed), .respond(429), .respond(201)])
        _ = try await refused.send("POST", "/jobs")
        #expect(refusedTransport.requests.count == 3)
        for step in [ScriptedTransport.Step.respond(503), .fail(.connectionReset), .fail(.timeout)] {
            let (executor, transport) = Self.executor([step, .respond(201)])
            await #expect(throws: UsageClientError.self) { try await executor.send("POST", "/jobs") }
            #expect(transport.requests.count == 1)
        }
    }

    @Test func failures_keepTheirKindAndStopAfterMaxAttempts() async throws {
        let (executor, transport) = Self.executor(Array(repeating: .fail(.connectionReset), count: 5), maxAttempts: 3)
        await #expect {
            try await executor.send("GET", "/things")
        } throws: { error in
            (error as? UsageClientError)?.kind == .connectionReset && (error as? UsageClientError)?.vendor == "test"
        }
        #expect(transport.requests.count == 3)
    }

    @Test func nonRetryableStatus_throwsWithTheVendorsBodyAndMessage() async throws {
        let (executor, _) = Self.executor([
            .respond(404, body: #"{"statusCode":404,"message":"Subscription x not found"}"#)
        ])
        await #expect {
            try await executor.send("GET", "/v1/subscriptions/x")
        } throws: { error in
            let error = error as? UsageClientError
            return error?.status == 404 && error?.message == "Subscription x not found"
                && error?.errorBody?["statusCode"] == "404" && error?.operation == "GET /v1/subscriptions/x"
        }
    }

    @Test func retryAfter_andRateLimitReset_setTheWait() {
        let policy = RetryPolicy(maxDelay: .seconds(5))
        let retryAfter = HTTPResponseData(status: 429, headers: [("Retry-After", "7")])
        let reset = HTTPResponseData(status: 429, headers: [("x-rate-limit-reset", "12")])
        #expect(policy.delay(afterAttempt: 1, response: retryAfter, random: 0.5) == .seconds(7))
        #expect(policy.delay(afterAttempt: 1, response: reset, random: 0.5) == .seconds(12))
        #expect(policy.delay(afterAttempt: 30, response: nil, random: 1) == .seconds(5))
        #expect(policy.delay(afterAttempt: 2, response: nil, random: 0.5) == .milliseconds(200))
    }

    @Test func waitLongerThanTheDeadline_givesUpWithTheVendorsAnswer() async throws {
        let transport = ScriptedTransport([.respond(429, headers: [("Retry-After", "600")]), .respond(200)])
        let executor = RequestExecutor.scripted(transport, deadline: .seconds(30))
        await #expect { try await executor.send("GET", "/x") } throws: { ($0 as? UsageClientError)?.status == 429 }
        #expect(transport.requests.count == 1)
    }

    @Test func a401_fetchesAFreshTokenOnce() async throws {
        let fetches = Mutex(0)
        let cache = TokenCache {
            fetches.withLock {
                $0 += 1; return ("token-\($0)", .seconds(3_600))
            }
        }
        let transport = ScriptedTransport([.respond(401), .respond(200), .respond(401), .respond(401)])
        let executor = RequestExecutor.scripted(
            transport, authorizer: .token(cache) { [("Authorization", "Bearer \($0)")] })
        _ = try await executor.send("GET", "/x")
        #expect(transport.requests.map { $0.headers.first?.value } == ["Bearer token-1", "Bearer token-2"])
        await #expect(throws: UsageClientError.self) { try await executor.send("GET", "/x") }
        #expect(fetches.withLock { $0 } == 3)
    }
}
