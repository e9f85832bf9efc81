import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Sandbox

/// What start-up leaves for later: Zylo's and Hyalto's fixtures load behind a gate (`serve`), and Mason's usage
/// is made a month at a time on first use. Neither may change what a client sees.
@Suite("Deferred start-up work")
struct StartupTests {
    /// Requests that arrive while the deferred load runs wait for it and see the whole fixture company.
    @Test func deferredFixtures_requestsWaitAndSeeEverything() async throws {
        try await Harness.run(configure: { $0.deferFixtureLoading = true }) { (h: Harness) async throws in
            async let zylo = h.get("/zylo/v1/subscriptions?pageSize=100")
            async let jobs = h.get("/__admin/jobs", token: nil)
            async let hyaltoToken = h.hyaltoToken()
            let page = try await zylo.json()
            #expect((page["subscriptions"] as? [Any])?.count == 100)
            #expect(try await jobs.status == .ok)
            let accounts = try await h.hyalto("accountManagement/accounts", authorization: try await hyaltoToken)
            #expect(accounts.status == .ok)
            #expect(try await h.post("/__admin/reset", token: nil).status == .ok)
            #expect(
                (try await h.get("/zylo/v1/subscriptions?pageSize=100").json()["subscriptions"] as? [Any])?.count == 100
            )
        }
    }

    /// A month made on first use, after a restart, or for a series that spans months, holds exactly the numbers
    /// a sandbox that made it earlier holds.
    @Test func masonMonths_madeOnFirstUse_matchAcrossRestartsAndQueries() async throws {
        let path = PersistenceTests.temporaryDatabase()
        let aggregate = "aggregate/usage/sim?date=2020-08-01T00:00:00Z&limit=50"
        let series = "series/usage?start=2020-07-20T00:00:00Z&end=2020-09-10T00:00:00Z"
        let reference = TokenBox()
        let referenceSeries = TokenBox()
        try await Harness.run { (h: Harness) async throws in
            reference.value = try await h.mason(aggregate).text
            referenceSeries.value = try await h.mason(series).text
        }
        try await PersistenceTests.withSandbox(at: path) { (h: Harness) async throws in
            #expect(try await h.mason(series).text == referenceSeries.value)
        }
        try await PersistenceTests.withSandbox(at: path) { (h: Harness) async throws in
            #expect(try await h.mason(aggregate).text == reference.value)
            #expect(try await h.mason(series).text == referenceSeries.value)
        }
        #expect(reference.value.contains("iccid"))
        #expect(referenceSeries.value.components(separatedBy: "\"upload\"").count > 50)
    }

    /// A database made before months were made on first use (usage rows, no per-month tables) is brought forward by
    /// its migration and answers exactly as before.
    @Test func databaseFromBeforeMonthTables_isBackfilledByItsMigration() async throws {
        let path = PersistenceTests.temporaryDatabase()
        let aggregate = "aggregate/usage/sim?date=2020-08-01T00:00:00Z&limit=50"
        let account = "aggregate/usage?date=2020-08-01T00:00:00Z"
        let series = "series/usage?start=2020-08-01T00:00:00Z&end=2020-09-01T00:00:00Z"
        let answers = TokenBox()
        try await PersistenceTests.withSandbox(at: path) { (h: Harness) async throws in
            answers.value = [
                try await h.mason(aggregate).text, try await h.mason(account).text, try await h.mason(series).text,
            ]
            .joined(separator: "\n")
        }
        // Back to the earlier schema: the usage rows stay, the summaries and the migration's record go.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            for table in ["masonMonthDone", "masonDaily", "masonSimMonth"] { try db.drop(table: table) }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'mason-v2-months'")
        }
        try queue.close()
        try await PersistenceTests.withSandbox(at: path) { (h: Harness) async throws in
            let again = [
                try await h.mason(aggregate).text, try await h.mason(account).text, try await h.mason(series).text,
            ]
            #expect(again.joined(separator: "\n") == answers.value)
        }
    }
}
