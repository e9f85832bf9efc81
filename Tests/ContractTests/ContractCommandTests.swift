import Foundation
import Testing

/// The `usage-sandbox contract` command, run as the built executable.
struct ContractCommandTests {
    @Test func compare_inProcessWithItself_exitsZeroAndWritesNoDrift() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let prefix = directory.appendingPathComponent("drift").path
        let status = try await ContractCommand.run([
            "contract", "--compare", "inprocess", "inprocess", "--out-prefix", prefix,
        ])
        #expect(status == 0)
        let markdown = try String(contentsOfFile: prefix + ".md", encoding: .utf8)
        #expect(markdown.contains("No drift."))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: prefix + ".json")))
        #expect((json as? [String: Any])?["checks"] as? [Any] != nil)
    }

    @Test func run_oneVendor_writesJUnitAndReport() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("junit.xml").path
        let report = directory.appendingPathComponent("report.json").path
        let status = try await ContractCommand.run([
            "contract", "--vendor", "mason", "--junit", junit, "--report", report,
        ])
        #expect(status == 0)
        #expect(try String(contentsOfFile: junit, encoding: .utf8).contains(#"<testsuite name="mason""#))
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("mason.auth.rejects-missing-key"))
    }

    @Test func live_withoutVariables_exitsZeroWithEverythingSkipped() async throws {
        let status = try await ContractCommand.run(["contract", "--target", "live"], environment: ["PATH": "/usr/bin"])
        #expect(status == 0)
    }

    @Test func badTarget_exitsNonZero() async throws {
        #expect(try await ContractCommand.run(["contract", "--target", "ftp://nowhere"]) != 0)
    }
}
