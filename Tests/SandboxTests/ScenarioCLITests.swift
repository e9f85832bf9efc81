import Foundation
import Testing

/// `usage-sandbox scenario ...` and `serve --scenario` as QA runs them: the real executable.
@Suite(.serialized)
struct ScenarioCLITests {
    static func brokenFile() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).json")
            .path
        let json = #"{"name": "mine", "description": "d", "rules": [{"name": "r", "respond": {"fault": "rst"}}]}"#
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func validate_reportsTheFileFieldAndExpectationAndFails() throws {
        let path = try Self.brokenFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try SandboxProcess.runToExit(["scenario", "validate", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(path): rules[0].respond.fault: expected one of reset, close"))
    }

    @Test func serve_refusesToStartWithABrokenScenario() throws {
        let path = try Self.brokenFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try SandboxProcess.runToExit(["serve", "--port", "0", "--db", ":memory:", "--scenario", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("rules[0].respond.fault"))
    }

    @Test func serve_refusesAnUnknownScenarioName() throws {
        let result = try SandboxProcess.runToExit(["serve", "--port", "0", "--db", ":memory:", "--scenario", "nope"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("neither a shipped scenario"))
    }

    @Test func serve_appliesAScenarioGivenByName() async throws {
        let server = try SandboxProcess(arguments: ["--db", ":memory:", "--scenario", "bad-credentials"])
        defer { server.stop(signal: SIGTERM) }
        let response = try await server.send("GET", "/zylo/v1/subscriptions", token: "zylo-demo-token:zylo-demo-secret")
        #expect(response.status == 401)
        #expect(response.json["message"] as? String == "Unauthorized")
    }
}
