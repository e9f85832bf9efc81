import Foundation
import Testing

@testable import Sandbox

/// Tests of the real executable: its first line, its signals, and its state after `kill -9`.
@Suite("usage-sandbox serve", .serialized)
struct ProcessTests {
    @Test func serve_printsListeningLineThenDemoCredentials_andStopsCleanlyOnSIGTERM() throws {
        let server = try SandboxProcess(arguments: ["--db", ":memory:"])
        let lines = server.stdout.split(separator: "\n")
        #expect(lines.first == "listening on http://127.0.0.1:\(server.port)")
        #expect(lines.dropFirst().contains { $0.contains("Bearer zylo-demo-token:zylo-demo-secret") })
        #expect(lines.dropFirst().contains { $0.contains("basic mason-demo-key") })
        #expect(server.stop(signal: SIGTERM) == 0)
    }

    @Test func serve_stopsCleanlyOnCtrlC() throws {
        let server = try SandboxProcess(arguments: ["--db", ":memory:"])
        #expect(server.stop(signal: SIGINT) == 0)
    }

    @Test func stateSurvivesKillDashNine() async throws {
        let path = PersistenceTests.temporaryDatabase()
        let first = try SandboxProcess(arguments: ["--db", path])
        let minted = try await first.send(
            "POST", "/__admin/credentials", body: Data(#"{"vendor":"zylo","tokenId":"k9","tokenSecret":"s9"}"#.utf8),
            contentType: "application/json")
        #expect(minted.status == 201)
        let subscriptions = try await first.send("GET", "/zylo/v1/subscriptions?pageSize=1", token: "k9:s9")
        let sub = (subscriptions.json["subscriptions"] as? [[String: Any]])?.first?["id"] as? String ?? ""
        let job = try await first.send("POST", "/zylo/v1/subscriptions/\(sub)/importJob", token: "k9:s9")
        let id = job.json["id"] as? String ?? ""
        let boundary = "k9boundary"
        let csv =
            "firstName,lastName,lastActivityDate,daysActiveOfLast30,licenseNames,isPaidUser\nKill,Nine,2024-01-01,9,Pro,true\n"
        let body =
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        let uploaded = try await first.send(
            "POST", "/zylo/v1/subscriptions/\(sub)/importJob/\(id)", token: "k9:s9", body: Data(body.utf8),
            contentType: "multipart/form-data; boundary=\(boundary)")
        #expect(uploaded.status == 201)
        #expect(first.stop(signal: SIGKILL) == 9)

        let second = try SandboxProcess(arguments: ["--db", path])
        defer { second.stop(signal: SIGTERM) }
        _ = try await second.send(
            "POST", "/__admin/clock", body: Data(#"{"advance":60}"#.utf8), contentType: "application/json")
        let after = try await second.send("GET", "/zylo/v1/subscriptions/\(sub)/importJob/\(id)", token: "k9:s9")
        #expect(after.status == 200)
        #expect(after.json["status"] as? String == "COMPLETE")
    }

    @Test(arguments: [["--port", "70000"], ["--log-level", "loud"], ["--db", ""]])
    func serve_rejectsBadFlagsNamingThem(arguments: [String]) throws {
        let (status, message) = try SandboxProcess.runToExit(["serve"] + arguments)
        #expect(status != 0)
        #expect(message.contains(arguments[0]))
    }
}

extension ProcessTests {
    @Test func serve_refusesAMalformedFixtureFileNamingItAndTheField() throws {
        let directory = FixtureFileTests.folder()
        let zylo = (directory as NSString).appendingPathComponent("zylo")
        try FileManager.default.createDirectory(atPath: zylo, withIntermediateDirectories: true)
        try #"[{"id": 7}]"#.write(toFile: zylo + "/subscriptions.json", atomically: true, encoding: .utf8)
        let (status, message) = try SandboxProcess.runToExit(
            ["serve", "--db", ":memory:", "--port", "0", "--fixtures", directory])
        #expect(status != 0)
        #expect(message.contains("zylo/subscriptions.json") && message.contains("[0]"))
    }
}
