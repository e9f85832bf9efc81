import ContractSuite
import Testing

/// The drift diff: exactly the observations that differ, and nothing when they agree.
struct DriftTests {
    static let check = ContractCheck("zylo.example", .zylo, .seed, "an example") { _ in }

    static func result(_ pairs: [(String, String)], outcome: CheckOutcome = .passed) -> CheckResult {
        CheckResult(check: check, outcome: outcome, observations: pairs.map { Observation(key: $0.0, value: $0.1) })
    }

    static let base = [
        ("no-token status", "401"), ("no-token json $.statusCode", "number"), ("no-token json $.message", "string"),
        ("no-token header zylo-request-id", "present"), ("walk paging last-token", "empty string"),
    ]

    @Test func diff_identicalObservations_reportsNoDrift() {
        let report = DriftReport(
            targetA: "a", resultsA: [Self.result(Self.base)], targetB: "b",
            resultsB: [Self.result(Self.base.reversed())])
        #expect(!report.hasDrift)
        #expect(report.checks.count == 1)
        #expect(report.markdown.contains("No drift."))
    }

    @Test func diff_changedStatusKeyTypeAndHeader_reportsExactlyThose() {
        var changed = Self.base.filter { $0.0 != "no-token header zylo-request-id" }
        changed[0] = ("no-token status", "403")
        changed[1] = ("no-token json $.statusCode", "string")
        let report = DriftReport(
            targetA: "a", resultsA: [Self.result(Self.base)], targetB: "b", resultsB: [Self.result(changed)])
        let differences = report.drifted.first?.differences ?? []
        #expect(
            differences == [
                Difference(key: "no-token header zylo-request-id", a: "present", b: nil),
                Difference(key: "no-token json $.statusCode", a: "number", b: "string"),
                Difference(key: "no-token status", a: "401", b: "403"),
            ])
        #expect(differences.map(\.aspect) == ["header", "json", "status"])
    }

    @Test func diff_checkSkippedOnOneSide_isNotComparedAndNotDrift() {
        let report = DriftReport(
            targetA: "a", resultsA: [Self.result(Self.base)], targetB: "live",
            resultsB: [Self.result([], outcome: .skipped("live variables not set: ZYLO_BASE_URL"))])
        #expect(!report.hasDrift)
        #expect(report.checks.first?.compared == false)
        #expect(report.markdown.contains("Not compared"))
    }

    @Test func markdown_listsEachDifferenceWithBothValues() {
        let changed = [("no-token status", "500")] + Self.base.dropFirst()
        let report = DriftReport(
            targetA: "a", resultsA: [Self.result(Self.base)], targetB: "b", resultsB: [Self.result(Array(changed))])
        #expect(report.markdown.contains("| status | `no-token status` | 401 | 500 |"))
        #expect(report.markdown.contains("## zylo.example"))
    }
}
