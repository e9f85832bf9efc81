import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import UsageJSON

@testable import Sandbox

/// The classes of attack and carelessness that once crashed, stalled or bloated the sandbox (issue 14), one test
/// (or table) per class. Crash classes run against the real debug executable, as `swift run` users meet it.
@Suite(.serialized) struct HardeningTests {
    // MARK: 1. A body that ends early

    @Test(arguments: [
        "/hyalto/accountManagement/auth/token", "/usage-engine/authentication/v1/oauth/token", "/zylo/v1/subscriptions",
        "/__admin/credentials", "/__admin/clock", "/mason/beta/default/data/aggregate/usage/account",
    ])
    func truncatedBody_closesTheConnectionAndTheServerLives(path: String) async throws {
        let server = try SandboxProcess(arguments: ["--db", ":memory:"])
        defer { server.stop(signal: SIGKILL) }
        for sent in ["", "{\"a", String(repeating: "x", count: 99)] {
            let connection = try #require(RawConnection(port: server.port))
            connection.send(
                "POST \(path) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n\(sent)"
            )
            connection.close()
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(server.process.isRunning)
        #expect(try await server.send("GET", "/__admin/health").status == 200)
    }

    // MARK: 2. The clock's range

    @Test(arguments: [
        (#"{"advance": 1e16}"#, "advance"), (#"{"advance": -1}"#, "advance"),
        (#"{"set": "10000-01-01T00:00:00Z"}"#, "set"), (#"{"set": "1969-12-31T23:59:59Z"}"#, "set"),
        (#"{"advance": "12"}"#, "advance"),
    ])
    func clockChangeOutOfRange_isA400NamingTheFieldAndChangesNothing(body: String, field: String) async throws {
        try await Harness.run { h in
            let before = try await h.get("/__admin/clock", token: nil).text
            let response = try await h.post("/__admin/clock", token: nil, json: body)
            #expect(response.status == .badRequest)
            #expect(response.text.contains(field))
            #expect(try await h.get("/__admin/clock", token: nil).text == before)
        }
    }

    @Test func absurdStoredClock_startsOnRealTimeWithAWarning() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clock-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("sandbox.sqlite").path
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try SandboxProcess(arguments: ["--db", path])
        first.stop(signal: SIGTERM)
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: #"UPDATE setting SET value = '{"frozen":{"at":1e16}}' WHERE name = 'clock'"#)
        }
        try queue.close()
        let second = try SandboxProcess(arguments: ["--db", path])
        defer { second.stop(signal: SIGTERM) }
        let health = try await second.send("GET", "/__admin/health")
        #expect(health.status == 200)
        #expect((health.json["now"] as? String)?.hasPrefix("20") == true)
        #expect(second.stderr.contains("stored virtual clock"))
    }

    // MARK: 3. Minted credentials

    @Test(arguments: [
        ("92233720368547758", 400), ("-5", 400), ("1e3", 400), ("0", 400), ("16401", 409), ("00164", 409),
        ("164", 409), ("5000", 201), ("6000", 201),
    ])
    func hyaltoAccountIds_areCheckedAndARefusalLeavesNothing(accountId: String, status: Int) async throws {
        try await Harness.run { h in
            let before = try await h.sandbox.credentials.all().count
            let accounts = try await Self.hyaltoAccounts(h)
            // 6000 is sent as a JSON number: Hyalto's ids are numbers.
            let value = accountId == "6000" ? accountId : "\"\(accountId)\""
            let response = try await h.post(
                "/__admin/credentials", token: nil, json: #"{"vendor":"hyalto","accountId":\#(value)}"#)
            #expect(response.status.code == status, "\(response.text)")
            let after = try await h.sandbox.credentials.all().count
            let accountsAfter = try await Self.hyaltoAccounts(h)
            #expect(after == before + (status == 201 ? 1 : 0))
            #expect((accountsAfter > accounts) == (status == 201))
            if status == 400 { #expect(response.text.contains("accountId")) }
        }
    }

    static func hyaltoAccounts(_ h: Harness) async throws -> Int {
        try await h.sandbox.database.writer.read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM hyaltoAccount") ?? 0
        }
    }

    // MARK: 4. Numeric flags

    @Test(arguments: [
        ("--token-lifetime", "1e19"), ("--zylo-export-seconds", "1e17"), ("--usage-engine-token-rate", "1e-300"),
        ("--usage-engine-token-burst", "0"), ("--max-body-bytes", "0"), ("--journal-bytes", "10"),
        ("--zylo-import-seconds", "nan"), ("--mason-days", "-1"), ("--journal-entries", "1000000"),
        ("--public-url", "ftp://x/y"),
    ])
    func outOfRangeFlag_isRefusedNamingTheFlag(flag: String, value: String) throws {
        let (status, stderr) = try SandboxProcess.runToExit(["serve", "--port", "0", "--db", ":memory:", flag, value])
        #expect(status != 0)
        #expect(stderr.contains(flag), "\(stderr)")
    }

    // MARK: 5. Unknown Usage Engine clients

    @Test func unknownClientIds_getNoBucketAndLongOnesA400() async throws {
        try await Harness.run { h in
            for number in 0..<50 {
                let response = try await h.request(
                    .post, "/usage-engine/authentication/v1/oauth/token", token: nil,
                    headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(
                        string: "grant_type=client_credentials&client_id=nobody\(number)&client_secret=x&audience=a"))
                #expect(response.status == .unauthorized)
            }
            #expect(h.sandbox.usageEngine.rateLimiter.count == 0)
            let long = String(repeating: "a", count: 5_000)
            let response = try await h.request(
                .post, "/usage-engine/authentication/v1/oauth/token", token: nil,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "grant_type=client_credentials&client_id=\(long)&client_secret=x&audience=a"))
            #expect(response.status == .badRequest)
            #expect(response.text.contains("client_id"))
        }
    }

    // MARK: 6. The journal's byte budget

    @Test func journal_isBoundedByBytesAndMarksWhatItCuts() {
        let journal = RequestJournal(capacity: 1_000, maxBytes: 256 * 1024)
        let big = String(repeating: "h", count: 60_000)
        for number in 0..<500 {
            var record = HotPathTests.record("\(number)", vendor: .zylo)
            record.requestHeaders[HTTPField.Name("X-Big")!] = big
            journal.record(record)
        }
        #expect(journal.usage.bytes <= 256 * 1024)
        let newest = journal.recent(limit: 1)
        #expect(newest.first?.requestHeaders["x-big"]?.hasSuffix("…[truncated: 60000 bytes]") == true)
        let older = journal.recent(limit: 5, before: newest.first?.sequence)
        #expect(older.count == 5)
        #expect(older.allSatisfy { $0.sequence < newest[0].sequence })
    }

    @Test func journalRead_isPagedAndBounded() async throws {
        try await Harness.run { h in
            for _ in 0..<5 { _ = try await h.get("/zylo/v1/subscriptions?pageSize=1") }
            let page = try await h.get("/__admin/requests?limit=2", token: nil).json()
            let entries = try #require(page["requests"] as? [[String: Any]])
            #expect(entries.count == 2)
            let before = try #require(entries.last?["sequence"] as? Int)
            let next = try await h.get("/__admin/requests?limit=10&before=\(before)", token: nil).json()
            #expect((next["requests"] as? [[String: Any]])?.count == 3)
            #expect(try await h.get("/__admin/requests?limit=100000", token: nil).status == .badRequest)
        }
    }

    // MARK: 7. Path patterns

    @Test(.timeLimit(.minutes(1))) func pathPatternWithManyDoubleStars_isLinear() {
        let pattern = PathPattern("/**/a/**/b/**/c/**/d/**/e/**/f")
        let path = "/" + Array(repeating: "a/b/c/d/e", count: 400).joined(separator: "/")
        #expect(!pattern.matches(path))
        #expect(pattern.matches(path + "/f"))
    }

    // MARK: 8. Meter custom fields

    @Test func meterWithTooManyCustomFields_isA400() async throws {
        let fields = (0..<20_000).map { "\"f\($0)\":\"v\"" }.joined(separator: ",")
        let decoded = try JSONDecoder().decode([String: JSONValue].self, from: Data("{\(fields)}".utf8))
        let error = #expect(throws: UsageEngineAPIError.self) {
            try UsageEngineMeter.checkCustomFields(decoded, field: "customFields")
        }
        #expect(error?.status == .badRequest)
        let hundred = Dictionary(uniqueKeysWithValues: (0..<100).map { ("f\($0)", JSONValue.string("v")) })
        #expect(throws: Never.self) { try UsageEngineMeter.checkCustomFields(hundred, field: "customFields") }
    }

    // MARK: 9 and 10. Zylo job files and tenants

    @Test func exportFilesNoLinkCanFetch_areDropped() async throws {
        // A budget of about two exports of the default data: the third oldest file and older go.
        try await Harness.run(configure: { $0.zylo.maxExportBytesPerTenant = 600_000 }) { h in
            var links: [String] = []
            for _ in 0..<4 { links.append(try await Self.exportLink(h)) }
            let sizes = try await h.sandbox.database.writer.read {
                try Int.fetchAll($0, sql: "SELECT length(csv) FROM zyloExportJob ORDER BY seq")
            }
            #expect(sizes.filter { $0 > 0 }.count == 2, "\(sizes)")
            #expect(sizes.prefix(2).allSatisfy { $0 == 0 })
            let path = { (link: String) in String(link[(link.range(of: "/zylo/")?.lowerBound ?? link.startIndex)...]) }
            #expect(try await h.get(path(links[0]), token: nil).status == .forbidden)
            #expect(try await h.get(path(links[3]), token: nil).status == .ok)
            h.advanceClock(by: h.sandbox.configuration.zylo.downloadLifetime + 3_600)
            _ = try await h.get("/zylo/v1/subscriptions/-/exportJobs")
            let left = try await h.sandbox.database.writer.read {
                try Int.fetchOne($0, sql: "SELECT sum(length(csv)) FROM zyloExportJob")
            }
            #expect(left == 0)
        }
    }

    @Test func aTenantsRequest_settlesOnlyItsOwnImports() async throws {
        try await Harness.run { h in
            let other = try await h.mintZyloToken()
            let subscription = try await h.firstSubscriptionID()
            let rows = (0..<1_200).map { "Ann\($0),Lee,2024-01-01,3,Pro,true" }.joined(separator: "\n")
            let job = try await h.post("/zylo/v1/subscriptions/\(subscription)/importJob").json()
            let id = try #require(job["id"] as? String)
            let csv = "firstName,lastName,lastActivityDate,daysActiveOfLast30,licenseNames,isPaidUser\n\(rows)\n"
            let uploaded = try await h.upload("/zylo/v1/subscriptions/\(subscription)/importJob/\(id)", csv: csv)
            #expect(try uploaded.json()["status"] as? String == "IN_PROGRESS")
            h.advanceClock(by: 3_600)
            _ = try await h.get("/zylo/v1/subscriptions/-/exportJobs", token: other)
            let status = {
                try await h.sandbox.database.writer.read { db in
                    try String.fetchOne(db, sql: "SELECT status FROM zyloImportJob WHERE id = ?", arguments: [id])
                }
            }
            #expect(try await status() == "IN_PROGRESS")
            let mine = try await h.get("/zylo/v1/subscriptions/\(subscription)/importJob/\(id)").json()
            #expect(mine["status"] as? String == "COMPLETE")
            let applied = try await h.sandbox.database.writer.read { db in
                try Int.fetchOne(db, sql: "SELECT appliedRows FROM zyloImportJob WHERE id = ?", arguments: [id])
            }
            #expect(applied == 1_200)
        }
    }

    // MARK: 11. A refused body with Connection: close

    @Test func oversizedBodyWithConnectionClose_letsTheClientReadThe413() async throws {
        let server = try SandboxProcess(arguments: ["--db", ":memory:", "--max-body-bytes", "1024"])
        defer { server.stop(signal: SIGKILL) }
        let connection = try #require(RawConnection(port: server.port))
        defer { connection.close() }
        let body = String(repeating: "x", count: 8 * 1024 * 1024)
        let head =
            "POST /zylo/v1/subscriptions/-/exportJobs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
        // Like urllib: the whole body first, then read the answer.
        connection.send(head + body)
        let answer = connection.receive(timeout: 10)
        #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
    }

    // MARK: 12. Shutdown has a deadline

    @Test func sigtermWithSlowUploadsInFlight_exitsWithinTheDeadline() async throws {
        let server = try SandboxProcess(arguments: ["--db", ":memory:"])
        let connections = (0..<5).compactMap { _ in RawConnection(port: server.port) }
        defer { connections.forEach { $0.close() } }
        for connection in connections {
            connection.send(
                "POST /zylo/v1/subscriptions/-/exportJobs HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\nabc")
        }
        try await Task.sleep(for: .milliseconds(300))
        let started = Date()
        let status = server.stop(signal: SIGTERM, timeout: 30)
        #expect(status != nil, "still running 30 s after SIGTERM")
        #expect(Date().timeIntervalSince(started) < 15)
    }

    // MARK: 13. Secrets in every form the sandbox reads

    @Test(arguments: [
        (nil as String?, "grant_type=client_credentials&client_id=c&client_secret=hunter2&audience=a"),
        ("text/plain", "client_id=c&client_secret=hunter2"),
        ("application/x-www-form-urlencoded", "client_id=c&client_secre%74=hunter2"),
        (nil, #"{"secretKey":"hunter2","accessKey":"a"}"#),
        ("application/json", #"{"secretKey":"hunter2","accessKey":"#),
    ])
    func secretsInBodies_areRedactedWhateverTheContentType(contentType: String?, body: String) {
        #expect(!Redaction.body(Data(body.utf8), contentType: contentType).contains("hunter2"))
    }

    @Test func secretsInQueriesAndMasonKeys_areRedacted() {
        #expect(!Redaction.query("jwt=hunter2&x=1").contains("hunter2"))
        #expect(!Redaction.query("auth=hunter2").contains("hunter2"))
        #expect(!Redaction.query("access%5Ftoken=hunter2").contains("hunter2"))
        #expect(!Redaction.authorization("basic hunter2:more").contains("hunter2"))
        #expect(Redaction.authorization("Bearer tokenId:hunter2") == "Bearer tokenId:***")
    }

    // MARK: 14. One path for routing, journal and scenarios

    @Test func doubleSlashAdminPaths_areAdminEverywhere() async throws {
        try await Harness.run { h in
            #expect(try await h.get("//__admin/health", token: nil).status == .ok)
            _ = try await h.get("/zylo//v1/./subscriptions?pageSize=1")
            let journal = h.sandbox.journal.recent(limit: 10)
            #expect(journal.count == 1)
            #expect(journal.first?.path == "/zylo/v1/subscriptions")
        }
    }

    // MARK: 15. Listening beyond loopback

    @Test func allInterfacesWithoutAdminToken_warnsOnStderr() async throws {
        let server = try SandboxProcess(arguments: ["--db", ":memory:", "--host", "0.0.0.0"])
        defer { server.stop(signal: SIGTERM) }
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.stderr.contains("--admin-token"))
    }

    // MARK: 16. Links never follow an arbitrary Host

    @Test func downloadUri_ignoresAForeignHostHeader() async throws {
        let server = try SandboxProcess(arguments: ["--db", ":memory:"])
        defer { server.stop(signal: SIGKILL) }
        let foreign = try await Self.exportLink(server, host: "evil.example", path: "/zylo/v1")
        #expect(foreign.hasPrefix("http://127.0.0.1:\(server.port)/zylo/"), "\(foreign)")
        let vendor = try await Self.exportLink(server, host: "api.zylo.com", path: "/v1")
        #expect(vendor.hasPrefix("http://api.zylo.com/"), "\(vendor)")
        let own = try await Self.exportLink(server, host: "localhost:\(server.port)", path: "/zylo/v1")
        #expect(own.hasPrefix("http://localhost:\(server.port)/zylo/"), "\(own)")
        try await Harness.run(configure: { $0.publicURL = "https://sandbox.test:8443" }) { h in
            let link = try await Self.exportLink(h)
            #expect(link.hasPrefix("https://sandbox.test:8443/zylo/"), "\(link)")
        }
    }

    /// The `downloadUri` of a finished export made through a real socket with `Host: host` under `path`.
    static func exportLink(_ server: SandboxProcess, host: String, path: String) async throws -> String {
        func send(_ method: String, _ target: String) throws -> [String: Any] {
            let connection = try #require(RawConnection(port: server.port))
            defer { connection.close() }
            connection.send(
                "\(method) \(target) HTTP/1.1\r\nHost: \(host)\r\nAuthorization: Bearer \(Harness.demoToken)\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n")
            let answer = connection.readToEnd()
            let body = answer.range(of: "\r\n\r\n").map { String(answer[$0.upperBound...]) } ?? ""
            return (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        }
        let id = try send("POST", "\(path)/subscriptions/-/exportJobs")["id"] as? String ?? ""
        _ = try await server.send("POST", "/__admin/clock", body: Data(#"{"advance":3600}"#.utf8))
        return try send("GET", "\(path)/subscriptions/-/exportJobs/\(id)")["downloadUri"] as? String ?? ""
    }

    /// The `downloadUri` of a finished export of every subscription.
    static func exportLink(_ h: Harness) async throws -> String {
        let job = try await h.post("/zylo/v1/subscriptions/-/exportJobs").json()
        h.advanceClock(by: 3_600)
        let id = job["id"] as? String ?? ""
        return try await h.get("/zylo/v1/subscriptions/-/exportJobs/\(id)").json()["downloadUri"] as? String ?? ""
    }

    // MARK: 17. One process per database

    @Test func secondServerOnTheSameDatabase_refusesNamingTheFirst() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("sandbox.sqlite").path
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try SandboxProcess(arguments: ["--db", path])
        defer { first.stop(signal: SIGTERM) }
        let (status, stderr) = try SandboxProcess.runToExit(["serve", "--port", "0", "--db", path])
        #expect(status != 0)
        #expect(stderr.contains(path))
        #expect(stderr.contains("\(first.process.processIdentifier)"))
    }

    // MARK: 18. Formula-like names

    @Test func formulaLikeNames_areExportedAsImported() async throws {
        try await Harness.run { h in
            let subscription = try await h.firstSubscriptionID()
            let job = try await h.post("/zylo/v1/subscriptions/\(subscription)/importJob").json()
            let id = try #require(job["id"] as? String)
            let csv =
                "firstName,lastName,lastActivityDate,daysActiveOfLast30,licenseNames,isPaidUser\n"
                + "\"=HYPERLINK(\"\"x\"\")\",@Lee,2024-01-01,3,Pro,true\n"
            let uploaded = try await h.upload("/zylo/v1/subscriptions/\(subscription)/importJob/\(id)", csv: csv)
            #expect(try uploaded.json()["status"] as? String == "IN_PROGRESS")
            h.advanceClock(by: 3_600)
            let link = try await Self.exportLink(h)
            let path = String(link[link.range(of: "/zylo/")!.lowerBound...])
            let file = try await h.get(path, token: nil).text
            #expect(file.contains("\"=HYPERLINK(\"\"x\"\")\",@Lee"))
        }
    }
}
