import Foundation
import Sandbox
import SandboxTesting
import Testing
import UsageClients

/// The shipped scenarios that apply to every vendor, each driven through the real clients.
@Suite("Scenarios for every vendor")
struct GenericScenarioTests {
    static let covered = [
        "bad-credentials", "server-error-once", "unavailable-once", "rate-limited-once", "rate-limit-window",
        "flaky-5xx", "slow-responses", "token-expires-mid-run", "token-revoked-mid-run",
    ]

    @Test(arguments: ScenarioProbe.allCases)
    func badCredentials_is401InTheVendorsOwnBody(probe: ScenarioProbe) async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("bad-credentials")
            let error = try await #require(throws: UsageClientError.self) {
                try await probe.call(sandbox, options: RecordedWaits().options(sandbox))
            }
            #expect(error.kind == .http(status: 401))
            let expected: [ScenarioProbe: (String, String)] = [
                .zylo: ("message", "Unauthorized"), .mason: ("type", "authentication_error"),
                .hyalto: ("error", "Unauthorized"), .usageEngine: ("error", "invalid_client"),
            ]
            let (field, value) = try #require(expected[probe])
            #expect(error.errorBody?[field] == value)
            #expect(sandbox.answered(by: "bad-credentials").map(\.status) == [401])
        }
    }

    @Test(arguments: ScenarioProbe.allCases)
    func serverErrorOnce_surfacesThe500WithoutRetrying(probe: ScenarioProbe) async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("server-error-once")
            let error = try await #require(throws: UsageClientError.self) {
                try await probe.call(sandbox, options: RecordedWaits().options(sandbox))
            }
            #expect(error.kind == .http(status: 500))
            #expect(sandbox.answered(by: "server-error-once").map(\.status) == [500])
            #expect(sandbox.journal(vendor: probe.vendor).count == 1)
        }
    }

    @Test(arguments: ["unavailable-once", "rate-limited-once"], ScenarioProbe.allCases)
    func retryableOnce_isRetriedAfterRetryAfterAndSucceeds(scenario: String, probe: ScenarioProbe) async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario(scenario)
            let waits = RecordedWaits()
            try await probe.call(sandbox, options: waits.options(sandbox))
            let answered = try #require(sandbox.answered(by: scenario).first)
            #expect([429, 503].contains(answered.status) && answered.responseHeaders["retry-after"] == "1")
            #expect(waits.all == [.seconds(1)])
        }
    }

    @Test func rateLimitWindow_refusesBeyondTheLimitUntilTheWindowEnds() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("rate-limit-window")
            let zylo = ZyloClient.make(sandbox)
            let strict = RecordedWaits().options(sandbox, attempts: 1)
            for _ in 1...3 { try await ScenarioProbe.zylo.call(sandbox, options: strict) }
            let error = try await #require(throws: UsageClientError.self) {
                try await ScenarioProbe.zylo.call(sandbox, options: strict)
            }
            #expect(error.kind == .http(status: 429))
            let refused = try #require(sandbox.journal().first)
            #expect(refused.responseHeaders["retry-after"] == "60")
            #expect(refused.responseHeaders["x-rate-limit-limit"] == "3")
            #expect(refused.responseHeaders["x-rate-limit-remaining"] == "0")
            // The client honours x-rate-limit-reset / Retry-After: it waits out the window and gets through.
            let waits = RecordedWaits()
            #expect(try await ScenarioProbe.zylo.call(sandbox, options: waits.options(sandbox)) > 0)
            #expect(waits.all == [.seconds(60)])
            _ = zylo
        }
    }

    @Test func flaky5xx_failsTheSameCallsOnEveryRun() async throws {
        func statuses() async throws -> [Int] {
            try await TestSandbox.run { sandbox in
                try await sandbox.activateScenario("flaky-5xx")
                for _ in 1...16 {
                    _ = try? await ScenarioProbe.mason.call(
                        sandbox, options: RecordedWaits().options(sandbox, attempts: 1))
                }
                return sandbox.journal().reversed().map(\.status)
            }
        }
        let first = try await statuses()
        #expect(first.count == 16)
        #expect(first.contains(503) && first.contains(200))
        #expect(try await statuses() == first)
    }

    @Test func slowResponses_timeOutAShortClientAndServeAPatientOne() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("slow-responses")
            let error = try await #require(throws: UsageClientError.self) {
                try await ScenarioProbe.mason.call(
                    sandbox, options: RecordedWaits().options(sandbox, attempts: 1, timeout: .milliseconds(400)))
            }
            #expect(error.kind == .timeout)
            let started = ContinuousClock.now
            #expect(try await ScenarioProbe.mason.call(sandbox, options: RecordedWaits().options(sandbox)) > 0)
            #expect(ContinuousClock.now - started >= .milliseconds(1_500))
        }
    }

    @Test(arguments: ScenarioProbe.allCases)
    func tokenExpiresMidRun_isRefreshedOrSurfacedAs401(probe: ScenarioProbe) async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("token-expires-mid-run")
            let options = RecordedWaits().options(sandbox)
            try await probe.call(sandbox, options: options)
            let answered = try await Self.callAgainAfterTheEffect(probe, sandbox, options)
            let refusal = try #require(sandbox.answered(by: "token-expires-mid-run").first)
            #expect(refusal.status == 401)
            switch probe {
            case .hyalto, .usageEngine:
                // A token vendor: the client fetched a new token and the call succeeded.
                #expect(answered == nil)
            case .zylo, .mason:
                // A static key cannot be refreshed: the app sees the vendor's 401.
                #expect(answered?.kind == .http(status: 401))
            }
        }
    }

    @Test func tokenRevokedMidRun_staticKeyStaysRevoked() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("token-revoked-mid-run")
            let options = RecordedWaits().options(sandbox)
            for _ in 1...2 { try await ScenarioProbe.zylo.call(sandbox, options: options) }
            for _ in 1...2 {
                let error = try await #require(throws: UsageClientError.self) {
                    try await ScenarioProbe.zylo.call(sandbox, options: options)
                }
                #expect(error.kind == .http(status: 401) && error.errorBody?["message"] == "Unauthorized")
            }
            #expect(sandbox.answered(by: "token-revoked-mid-run").map(\.status) == [401, 401])
        }
    }

    @Test func tokenRevokedMidRun_tokenVendorFetchesANewToken() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("token-revoked-mid-run")
            let client = HyaltoClient.make(sandbox)
            for _ in 1...4 { _ = try await client.accounts() }
            let statuses = sandbox.journal(vendor: .hyalto).reversed().map {
                "\($0.status) \($0.path.hasSuffix("token"))"
            }
            #expect(
                statuses == ["200 true", "200 false", "200 false", "401 false", "200 true", "200 false", "200 false"])
            let refusal = try #require(sandbox.answered(by: "token-revoked-mid-run").first)
            #expect(refusal.status == 401)
        }
    }

    /// Calls until the scenario's third-call effect has happened; the error the app saw, if any.
    private static func callAgainAfterTheEffect(
        _ probe: ScenarioProbe, _ sandbox: TestSandbox, _ options: ClientOptions
    ) async throws -> UsageClientError? {
        do {
            for _ in 1...2 { try await probe.call(sandbox, options: options) }
            return nil
        } catch let error as UsageClientError {
            return error
        }
    }
}
