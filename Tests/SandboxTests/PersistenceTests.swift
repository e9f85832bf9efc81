import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Sandbox

@Suite("State survives a restart")
struct PersistenceTests {
    /// Opens a sandbox on `path` and runs `body` against it in-process.
    static func withSandbox(at path: String, _ body: @Sendable (Harness) async throws -> Void) async throws {
        let sandbox = try await Sandbox.open(.testDefaults { $0.database = .file(path) })
        let app = Application(responder: sandbox.makeResponder())
        try await app.test(.router) { client in try await body(Harness(sandbox: sandbox, client: client)) }
    }

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString)/state.sqlite").path
    }

    @Test func jobsCredentialsAndTheClock_areThereAfterReopening() async throws {
        let path = Self.temporaryDatabase()
        try await Self.withSandbox(at: path) { (h: Harness) async throws in
            _ = try await h.post(
                "/__admin/credentials", token: nil, json: #"{"vendor":"zylo","tokenId":"keep","tokenSecret":"me"}"#)
            _ = try await h.post("/zylo/v1/subscriptions/-/exportJobs", token: "keep:me")
            _ = try await h.post("/__admin/clock", token: nil, json: #"{"advance":86400}"#)
        }
        try await Self.withSandbox(at: path) { (h: Harness) async throws in
            let jobs =
                try await h.get("/zylo/v1/subscriptions/-/exportJobs", token: "keep:me").json()["exportJobs"]
                as? [[String: Any]]
            #expect(jobs?.count == 1)
            #expect(jobs?.first?["status"] as? String == "COMPLETE")
            #expect(
                try await h.get("/__admin/clock", token: nil).json()["now"] as? String == "2024-01-02T00:00:00.000Z")
        }
    }

    @Test func resetFlag_wipesTheFile() async throws {
        let path = Self.temporaryDatabase()
        try await Self.withSandbox(at: path) { (h: Harness) async throws in
            _ = try await h.post("/zylo/v1/subscriptions/-/exportJobs")
        }
        let sandbox = try await Sandbox.open(
            .testDefaults {
                $0.database = .file(path); $0.resetOnStart = true
            })
        #expect(try await sandbox.zylo.adminJobs().isEmpty)
        #expect(Set(try await sandbox.demoCredentials().map(\.vendor)) == Set(Vendor.allCases))
    }
}

extension PersistenceTests {
    @Test func hyaltoTokens_stillVerifyAfterReopening() async throws {
        let path = Self.temporaryDatabase()
        let token = TokenBox()
        try await Self.withSandbox(at: path) { h in token.value = try await h.hyaltoToken() }
        try await Self.withSandbox(at: path) { (h: Harness) async throws in
            #expect(try await h.hyalto("accountManagement/accounts", authorization: token.value).status == .ok)
        }
    }
}

/// Carries a value out of one in-process sandbox run into the next.
final class TokenBox: @unchecked Sendable {
    // Written once by one test before it is read, never concurrently.
    var value = ""
}
