import ContractSuite

/// The table `usage-sandbox contract` prints at the end: passed, failed and skipped per vendor.
enum ContractSummary {
    static func table(_ report: ContractReport) -> String {
        var lines = [
            "contract results against \(report.target)", "",
            pad("vendor", "passed", "failed", "skipped"), pad("------", "------", "------", "-------"),
        ]
        for vendor in ContractVendor.allCases {
            let results = report.results.filter { $0.vendor == vendor }
            guard !results.isEmpty else { continue }
            lines.append(
                pad(
                    vendor.rawValue, count(results, "passed"), count(results, "failed"), count(results, "skipped")))
        }
        lines.append(
            pad(
                "total", count(report.results, "passed"), count(report.results, "failed"),
                count(report.results, "skipped")))
        let failed = report.results.filter { $0.outcome.label == "failed" }
        if !failed.isEmpty { lines += ["", "failed:"] + failed.map { "  \($0.id)" } }
        return lines.joined(separator: "\n")
    }

    private static func count(_ results: [CheckResult], _ label: String) -> String {
        String(results.filter { $0.outcome.label == label }.count)
    }

    private static func pad(_ columns: String...) -> String {
        columns.enumerated().map { index, text in
            index == 0
                ? text.padding(toLength: 14, withPad: " ", startingAt: 0)
                : String(repeating: " ", count: max(0, 8 - text.count)) + text
        }.joined()
    }
}
