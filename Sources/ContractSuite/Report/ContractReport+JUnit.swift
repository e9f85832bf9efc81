import Foundation

extension ContractReport {
    /// The report as JUnit XML: one `testsuite` per vendor, one `testcase` per check, `failure` and `skipped`
    /// elements with the reasons.
    public var junitXML: String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="contract \#(Self.escape(target))" tests="\#(results.count)" failures="\#(count("failed"))" skipped="\#(count("skipped"))">"#,
        ]
        for vendor in ContractVendor.allCases {
            let cases = results.filter { $0.vendor == vendor }
            guard !cases.isEmpty else { continue }
            let failures = cases.filter { $0.outcome.label == "failed" }.count
            let skipped = cases.filter { $0.outcome.label == "skipped" }.count
            let time = String(format: "%.3f", cases.map(\.seconds).reduce(0, +))
            lines.append(
                #"  <testsuite name="\#(vendor.rawValue)" tests="\#(cases.count)" failures="\#(failures)" skipped="\#(skipped)" time="\#(time)">"#
            )
            for result in cases { lines += Self.testcase(result) }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func testcase(_ result: CheckResult) -> [String] {
        let open =
            #"    <testcase classname="contract.\#(result.vendor.rawValue)" name="\#(escape(result.id))" time="\#(String(format: "%.3f", result.seconds))""#
        switch result.outcome {
        case .passed:
            return [open + "/>"]
        case .skipped(let reason):
            return [open + ">", #"      <skipped message="\#(escape(reason))"/>"#, "    </testcase>"]
        case .failed(let messages):
            let text = escape(messages.joined(separator: "\n"))
            return [
                open + ">", #"      <failure message="\#(escape(messages.first ?? "failed"))">\#(text)</failure>"#,
                "    </testcase>",
            ]
        }
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
