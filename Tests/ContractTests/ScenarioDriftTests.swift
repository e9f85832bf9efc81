import ContractSuite
import Foundation
import Sandbox
import SandboxTesting
import Testing

/// Drift against a sandbox that a QA scenario changes: the report names exactly the changed response.
struct ScenarioDriftTests {
    /// Zylo's 404 for an unknown subscription, with `statusCode` sent as a string instead of a number.
    static let scenario = #"""
        {"name": "zylo-string-status", "description": "The unknown-subscription 404 carries statusCode as a string.",
         "rules": [{"name": "stringly", "match": {"vendor": "zylo", "method": "GET",
                                                   "path": "/v1/subscriptions/00000000-0000-4000-8000-000000000000"},
                    "respond": {"status": 404, "body": {"statusCode": "404", "message": "Not Found"}}}]}
        """#

    @Test func sandboxWithAScenario_driftsInExactlyTheChangedField() async throws {
        let scenario = try ScenarioLibrary.parse(Data(Self.scenario.utf8), source: "test")
        let checks = ContractCatalog.all.filter { !$0.writes && $0.vendor == .zylo }
        let plain = try await ContractTarget.inProcess.withSession { await ContractRunner(session: $0).run(checks) }
        let changed = try await TestSandbox.run(configure: {
            $0.scenarios = [scenario]
            $0.activeScenarios = [scenario.name]
        }) { sandbox in
            try await ContractTarget.sandbox(sandbox.baseURL, adminToken: nil).withSession {
                await ContractRunner(session: $0).run(checks)
            }
        }
        let report = DriftReport(targetA: "plain", resultsA: plain, targetB: "scenario", resultsB: changed)
        #expect(report.drifted.count == 1, "\(report.markdown)")
        #expect(
            report.drifted.first?.differences == [
                Difference(key: "unknown-id json $.statusCode", a: "number", b: "string")
            ])
    }
}
