import ContractSuite
import Foundation
import Testing

/// The JUnit XML and JSON reports of a run.
struct ReportTests {
    static func result(_ id: String, _ outcome: CheckOutcome) -> CheckResult {
        CheckResult(check: ContractCheck(id, .mason, .seed, "example") { _ in }, outcome: outcome)
    }

    static let report = ContractReport(
        target: "inprocess",
        results: [
            result("mason.a", .passed), result("mason.b", .failed(["status is 401, got <500>"])),
            result("mason.c", .skipped("live variables not set: MASON_API_KEY")),
        ])

    @Test func junit_countsAndMarksFailuresAndSkips() {
        let xml = Self.report.junitXML
        #expect(xml.contains(#"tests="3" failures="1" skipped="1""#))
        #expect(xml.contains(#"<failure message="status is 401, got &lt;500&gt;">"#))
        #expect(xml.contains(#"<skipped message="live variables not set: MASON_API_KEY"/>"#))
    }

    @Test func report_skipsDoNotCountAsPassesOrFailures() throws {
        #expect(!Self.report.succeeded)
        #expect(Self.report.count("passed") == 1)
        let decoded = try JSONDecoder().decode(ContractReport.self, from: Self.report.json())
        #expect(decoded.results == Self.report.results)
    }
}
