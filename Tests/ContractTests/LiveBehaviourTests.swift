import ContractSuite
import Foundation
import Sandbox
import SandboxTesting
import Testing

/// How the live target behaves when a vendor is slow, strict or wrong: the suite reuses tokens, waits out rate
/// limits, and reports an undocumented job status at once. A served sandbox stands in for the vendor.
struct LiveBehaviourTests {
    /// A live session whose every vendor is the sandbox at `root`, with its demo credentials.
    static func liveSession(_ root: URL, jobWait: Int? = nil) -> TargetSession {
        var environment = [
            "HYALTO_BASE_URL": root.appending(path: "hyalto").absoluteString,
            "HYALTO_ACCESS_KEY": DemoCredentials.hyaltoAccessKey, "HYALTO_SECRET_KEY": DemoCredentials.hyaltoSecretKey,
            "USAGE_ENGINE_BASE_URL": root.appending(path: "usage-engine").absoluteString,
            "USAGE_ENGINE_CLIENT_ID": DemoCredentials.usageEngineClientID,
            "USAGE_ENGINE_CLIENT_SECRET": DemoCredentials.usageEngineClientSecret,
            "USAGE_ENGINE_AUDIENCE": DemoCredentials.usageEngineAudience,
            "ZYLO_BASE_URL": root.appending(path: "zylo").absoluteString,
            "ZYLO_TOKEN_ID": DemoCredentials.zyloTokenID, "ZYLO_TOKEN_SECRET": DemoCredentials.zyloTokenSecret,
        ]
        if let jobWait { environment["CONTRACT_JOB_WAIT"] = String(jobWait) }
        return LiveEnvironment.session(environment)
    }

    static func run(_ ids: [String], on session: TargetSession) async -> [CheckResult] {
        await ContractRunner(session: session, allowLiveWrites: true).run(ids.compactMap(ContractCatalog.check))
    }

    static let exportCheck = "zylo.export-job.runs-to-complete"

    @Test func liveUsageEngine_underItsTokenRateLimit_reusesTokensAndWaitsOutTheLimit() async throws {
        let results = try await TestSandbox.run(configure: {
            $0.initialClock = .real(offset: 0)
            $0.usageEngine.tokenRatePerSecond = 2
            $0.usageEngine.tokenBurst = 1
        }) { sandbox in
            let checks = ContractCatalog.checks(for: .usageEngine).filter(\.provenance.isDocumented).map(\.id)
            let results = await Self.run(checks, on: Self.liveSession(sandbox.baseURL))
            let tokens = sandbox.journal(limit: 1_000, vendor: .usageEngine).filter {
                $0.path.hasSuffix("/oauth/token") && $0.status == 200
            }
            #expect(tokens.count <= 3, "one token answer per form, JSON body and typed client, got \(tokens.count)")
            return results
        }
        for result in results { #expect(result.outcome == .passed, "\(result.id): \(result.outcome)") }
    }

    @Test func sandboxUsageEngine_underATightTokenLimit_passesByMovingTheVirtualClock() async throws {
        let results = try await TestSandbox.run(configure: {
            $0.usageEngine.tokenRatePerSecond = 0.1
            $0.usageEngine.tokenBurst = 1
        }) { sandbox in
            try await ContractTarget.sandbox(sandbox.baseURL, adminToken: nil).withSession { session in
                await ContractRunner(session: session).run(ContractCatalog.checks(for: .usageEngine))
            }
        }
        for result in results { #expect(result.outcome == .passed, "\(result.id): \(result.outcome)") }
    }

    @Test func liveExport_answeringAnUndocumentedStatus_failsAtOnce() async throws {
        let scenario = try ScenarioLibrary.parse(
            Data(
                #"""
                {"name": "export-completed", "description": "Export jobs answer COMPLETED.",
                 "rules": [{"name": "completed", "match": {"vendor": "zylo", "method": "GET",
                                                          "path": "/v1/subscriptions/-/exportJobs/*"},
                            "respond": {"status": 200, "body": {"id": "x", "status": "COMPLETED"}}}]}
                """#.utf8), source: "test")
        let (results, looks) = try await TestSandbox.run(configure: {
            $0.scenarios = [scenario]
            $0.activeScenarios = [scenario.name]
        }) { sandbox in
            let results = await Self.run([Self.exportCheck], on: Self.liveSession(sandbox.baseURL))
            return (results, sandbox.journal(limit: 1_000, vendor: .zylo).filter(Self.isExportLook).count)
        }
        guard case .failed(let messages) = results.first?.outcome else {
            Issue.record("an undocumented status must fail the check: \(String(describing: results.first))")
            return
        }
        #expect(messages.contains { $0.contains("COMPLETED") && $0.contains("does not document") }, "\(messages)")
        #expect(looks == 1, "one look at the job is enough to fail, got \(looks)")
    }

    @Test func liveExport_thatNeverCompletes_failsWhenItsWaitRunsOut() async throws {
        // The test sandbox's clock is frozen, so its export stays IN_PROGRESS.
        let (results, looks) = try await TestSandbox.run { sandbox in
            let results = await Self.run([Self.exportCheck], on: Self.liveSession(sandbox.baseURL, jobWait: 2))
            return (results, sandbox.journal(limit: 1_000, vendor: .zylo).filter(Self.isExportLook).count)
        }
        guard case .failed(let messages) = results.first?.outcome else {
            Issue.record("a job that never completes must fail: \(String(describing: results.first))")
            return
        }
        #expect(messages.contains { $0.contains("still IN_PROGRESS") }, "\(messages)")
        // Two seconds hold looks after 0 s, 0.5 s and 1.5 s at most, however slow the machine.
        #expect((1...3).contains(looks), "looks at the job within CONTRACT_JOB_WAIT=2, got \(looks)")
    }

    static func isExportLook(_ entry: RequestJournal.Entry) -> Bool {
        entry.method == "GET" && entry.path.contains("/exportJobs/")
    }
}
