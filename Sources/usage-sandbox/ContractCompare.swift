import ArgumentParser
import ContractSuite
import Foundation

extension Contract {
    /// Runs the read-only `checks` on both `--compare` targets and writes the drift report.
    func runComparison(_ checks: [ContractCheck]) async throws {
        let targets = try compare.map(parse)
        var reports: [ContractReport] = []
        for target in targets { reports.append(try await runChecks(checks, on: target)) }
        let drift = DriftReport(
            targetA: reports[0].target, resultsA: reports[0].results, targetB: reports[1].target,
            resultsB: reports[1].results)
        try write(drift.json(), to: outPrefix + ".json")
        try write(drift.markdown, to: outPrefix + ".md")
        let compared = drift.checks.filter(\.compared).count
        print("\(compared) checks compared, \(drift.drifted.count) with drift: \(outPrefix).json, \(outPrefix).md")
        for check in drift.drifted {
            print("  \(check.id)")
            for difference in check.differences {
                print("    \(difference.key): \(difference.a ?? "—") → \(difference.b ?? "—")")
            }
        }
        guard !drift.hasDrift else { throw ExitCode(1) }
    }
}
