import Foundation
import Sandbox
import SandboxTesting
import Testing
import UsageClients

/// One deadline per operation, token fetch and waits included, through a real sandbox on real time (issue 21,
/// classes 2 and 3). Bounds are ratios of the configured deadline, loose enough for a loaded machine.
@Suite("Deadlines that hold")
struct DeadlineScenarioTests {
    /// Client options on real time: only the deadline is short.
    static func options(deadline: Duration) -> ClientOptions {
        ClientOptions(requestTimeout: .seconds(30), deadline: deadline)
    }

    /// One untimed call first: a fresh sandbox makes Usage Engine's RSA signing key on its first token, which takes
    /// seconds on a loaded machine and is no part of what the tests time.
    static func warmUp(_ probe: ScenarioProbe, _ sandbox: TestSandbox) async throws {
        try await probe.call(sandbox, options: ClientOptions())
    }

    @Test(arguments: ScenarioProbe.allCases)
    func retryAfterPastTheDeadline_givesUpAtOnceWithTheVendors429(probe: ScenarioProbe) async throws {
        try await TestSandbox.run { sandbox in
            try await Self.warmUp(probe, sandbox)
            // Long enough that a machine loaded by the rest of the suite still shows the difference: giving up at once
            // ends near 1.5 s, waiting would end at the deadline or past it.
            let deadline = Duration.seconds(12)
            // The 429 takes 1.5 s to arrive and asks for a wait that fits in the deadline but would end past it:
            // 1.5 s + 11 s.
            let limited = PostedScenario.Respond(status: 429, headers: ["Retry-After": "11"], delayMs: 1_500)
            try await PostedScenario(
                name: "slow-429",
                rules: [.init(name: "limited", vendor: probe.scenarioVendor, path: probe.dataPath, respond: limited)]
            ).activate(on: sandbox)
            let timed = await Timed.run(cap: deadline * 3) {
                try await probe.call(sandbox, options: Self.options(deadline: deadline))
            }
            #expect(timed.error?.kind == .http(status: 429))
            #expect(timed.elapsed < deadline * 0.7)
            #expect(sandbox.answered(by: "slow-429").count == 1)
        }
    }

    @Test(arguments: [ScenarioProbe.hyalto, .usageEngine])
    func slowTokenAndSlowData_endByTheOneDeadline(probe: ScenarioProbe) async throws {
        try await TestSandbox.run { sandbox in
            try await Self.warmUp(probe, sandbox)
            let deadline = Duration.seconds(4)
            let tokenPath = try #require(probe.tokenPath)
            try await PostedScenario(
                name: "slow-token-slow-data",
                rules: [
                    .init(
                        name: "slow-token", vendor: probe.scenarioVendor, method: "POST", path: tokenPath,
                        respond: .init(delayMs: 2_500)),
                    .init(
                        name: "slow-data", vendor: probe.scenarioVendor, path: probe.dataPath,
                        respond: .init(delayMs: 4_000)),
                ]
            ).activate(on: sandbox)
            let timed = await Timed.run(cap: deadline * 3) {
                try await probe.call(sandbox, options: Self.options(deadline: deadline))
            }
            #expect(timed.error?.kind == .deadlineExceeded)
            // The data request had only what the token fetch left: the call ends at the deadline, not after it.
            #expect(timed.elapsed < deadline * 1.4)
        }
    }

    @Test func exportThatNeverFinishes_endsByTheClientsDeadline() async throws {
        try await TestSandbox.run { sandbox in
            // The deadline's own error (not the cap's) shows the deadline ended the export. The time bound is loose:
            // with the whole suite running alongside on two cores, a call that ended at its deadline was seen to
            // return 12 s later. Without the deadline the export would poll until the cap.
            let deadline = Duration.seconds(4)
            try await PostedScenario.zyloExportsNeverFinish.activate(on: sandbox)
            let zylo = ZyloClient(
                baseURL: sandbox.url(vendor: .zylo), tokenID: DemoCredentials.zyloTokenID,
                tokenSecret: DemoCredentials.zyloTokenSecret, options: Self.options(deadline: deadline))
            let timed = await Timed.run(cap: deadline * 8) {
                try await zylo.runExport(pollInterval: .milliseconds(200))
            }
            #expect(timed.error?.kind == .deadlineExceeded)
            #expect(timed.elapsed < deadline * 6)
        }
    }
}
