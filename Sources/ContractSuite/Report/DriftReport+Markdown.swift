extension DriftReport {
    /// The report as Markdown: a summary line, then a table of differences per drifted check.
    public var markdown: String {
        var lines = [
            "# Contract drift: `\(targetA)` (A) vs `\(targetB)` (B)", "",
            "\(checks.filter(\.compared).count) checks compared, \(drifted.count) with drift, "
                + "\(checks.filter { !$0.compared }.count) skipped on a side.", "",
        ]
        if !hasDrift { lines.append("No drift.") }
        for check in drifted {
            lines += [
                "## \(check.id)", "", "Outcome: A \(check.outcomeA), B \(check.outcomeB).", "",
                "| aspect | observation | A | B |", "|---|---|---|---|",
            ]
            for difference in check.differences {
                lines.append(
                    "| \(difference.aspect) | `\(Self.cell(difference.key))` | \(Self.cell(difference.a ?? "—")) "
                        + "| \(Self.cell(difference.b ?? "—")) |")
            }
            lines.append("")
        }
        let skipped = checks.filter { !$0.compared }
        if !skipped.isEmpty {
            lines += ["## Not compared", ""]
            lines += skipped.map { "- \($0.id): A \($0.outcomeA), B \($0.outcomeB)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
