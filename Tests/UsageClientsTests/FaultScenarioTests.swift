import Foundation
import Sandbox
import SandboxTesting
import Testing
import UsageClients

/// The shipped fault scenarios: the sandbox breaks a real connection and the client names what happened.
@Suite("Fault scenarios")
struct FaultScenarioTests {
    static let faults: [(scenario: String, kind: UsageClientError.Kind)] = [
        ("connection-reset-once", .connectionReset), ("connection-closed-once", .connectionClosed),
        ("garbage-response-once", .malformedResponse), ("truncated-body-once", .connectionClosed),
    ]
    static let covered = faults.map(\.scenario) + ["slow-trickle"]

    @Test(arguments: faults.map(\.scenario), [ScenarioProbe.zylo, .mason])
    func faultOnce_surfacesAsItsErrorKindWithoutRetries(scenario: String, probe: ScenarioProbe) async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario(scenario)
            let error = try await #require(throws: UsageClientError.self) {
                try await probe.call(sandbox, options: RecordedWaits().options(sandbox, attempts: 1))
            }
            let expected = try #require(Self.faults.first { $0.scenario == scenario }?.kind)
            #expect(error.kind == expected)
            let entry = try #require(sandbox.answered(by: scenario).first)
            #expect(entry.fault != nil)
        }
    }

    @Test(arguments: faults.map(\.scenario), [ScenarioProbe.zylo, .mason])
    func faultOnce_isRetriedByTheClientForAReadCall(scenario: String, probe: ScenarioProbe) async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario(scenario)
            #expect(try await probe.call(sandbox, options: RecordedWaits().options(sandbox)) > 0)
            #expect(sandbox.answered(by: scenario).count == 1)
            #expect(sandbox.journal(vendor: probe.vendor).count == 2)
        }
    }

    @Test func slowTrickle_deliversTheWholeBodySlowly() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("slow-trickle")
            let started = ContinuousClock.now
            #expect(try await ScenarioProbe.mason.call(sandbox, options: RecordedWaits().options(sandbox)) > 0)
            let entry = try #require(sandbox.answered(by: "slow-trickle").first)
            let length = try #require(entry.responseHeaders["content-length"].flatMap(Int.init))
            // 16 bytes every 100 ms: the body takes (chunks - 1) pauses.
            let pauses = (length + 15) / 16 - 1
            #expect(ContinuousClock.now - started >= .milliseconds(100 * pauses))
            #expect(entry.fault == "trickle")
        }
    }

    @Test func slowTrickle_timesOutAnImpatientClient() async throws {
        try await TestSandbox.run { sandbox in
            // The size of the page first, untouched, to know how long its trickle would take.
            try await ScenarioProbe.zylo.call(sandbox, options: RecordedWaits().options(sandbox))
            let length = try #require(sandbox.journal().first?.responseHeaders["content-length"].flatMap(Int.init))
            let trickle = Duration.milliseconds(100 * ((length + 15) / 16 - 1))
            #expect(trickle >= .seconds(2))
            try await sandbox.activateScenario("slow-trickle")
            let started = ContinuousClock.now
            let error = try await #require(throws: UsageClientError.self) {
                try await ScenarioProbe.zylo.call(
                    sandbox, options: RecordedWaits().options(sandbox, attempts: 1, timeout: .milliseconds(300)))
            }
            #expect(error.kind == .timeout)
            // The timeout bounds the body too: the client gave up well before the trickle would have finished.
            #expect(ContinuousClock.now - started < trickle)
        }
    }
}
