import ContractSuite
import Testing

/// Two separately started in-process sandboxes answer every read-only check alike.
struct SelfComparisonTests {
    @Test func inProcessSandbox_comparedWithItself_reportsNoDrift() async throws {
        let checks = ContractCatalog.all.filter { !$0.writes }
        var runs: [[CheckResult]] = []
        for _ in 0..<2 {
            runs.append(
                try await ContractTarget.inProcess.withSession { await ContractRunner(session: $0).run(checks) })
        }
        let report = DriftReport(targetA: "inprocess", resultsA: runs[0], targetB: "inprocess", resultsB: runs[1])
        #expect(report.checks.count == checks.count)
        #expect(report.checks.allSatisfy { $0.compared })
        #expect(report.drifted.map(\.id) == [], "\(report.markdown)")
        #expect(runs[0].allSatisfy { !$0.observations.isEmpty }, "every check records observations")
    }
}
