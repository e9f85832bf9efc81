import Foundation
import GRDB
import Hummingbird

extension AdminAPI {
    /// `GET /__admin/stats`: what the dashboard's health panel shows.
    struct Stats: Encodable, Sendable {
        struct Store: Encodable, Sendable {
            /// `file` or `memory`.
            let kind: String
            /// The SQLite database's size (pages in use times page size), write-ahead log not counted.
            let bytes: Int
            let credentials: Int
            let jobs: Int
        }
        struct Journal: Encodable, Sendable {
            let entries: Int
            let bytes: Int
            let capacity: Int
            let maxBytes: Int
        }
        struct Member: Encodable, Sendable {
            let name: String
            let count: Int
        }
        let status: String
        let emulatedVendors: [String]
        let version: String
        let commit: String
        let now: String
        let uptimeSeconds: Double
        let store: Store
        let journal: Journal
        let activeScenarios: Int
        /// How long a token issued now stays valid on the virtual clock, per token-issuing vendor.
        let tokenLifetimeSeconds: [String: Double]
        /// Each in-memory cache, limiter and buffer that a reset clears, with its entry count.
        let memory: [Member]
    }

    func registerStats(on group: RouterGroup<SandboxContext>) {
        group.get("stats", use: stats)
    }

    func stats(_ request: Request, context: SandboxContext) async throws -> some ResponseGenerator {
        let bytes = try await sandbox.database.writer.read { db in
            // PRAGMA has no query-interface form.
            try Int.fetchOne(db, sql: "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
        }
        var jobs = 0
        for emulator in sandbox.emulators { jobs += try await emulator.adminJobs().count }
        let journal = sandbox.journal.usage
        let elapsed = (ContinuousClock.now - sandbox.started).components
        let kind = sandbox.configuration.database == .memory ? "memory" : "file"
        return JSONResponse(
            Stats(
                status: "ok", emulatedVendors: Sandbox.emulatedVendors.map(\.rawValue),
                version: SandboxVersion.version, commit: SandboxVersion.commit,
                now: SandboxTime.format(sandbox.environment.clock.now()),
                uptimeSeconds: ((Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18) * 10).rounded() / 10,
                store: Stats.Store(
                    kind: kind, bytes: bytes ?? 0, credentials: try await sandbox.credentials.all().count,
                    jobs: jobs),
                journal: Stats.Journal(
                    entries: journal.entries, bytes: journal.bytes, capacity: sandbox.configuration.journalCapacity,
                    maxBytes: sandbox.configuration.journalMaxBytes),
                activeScenarios: sandbox.scenarios.activations().count,
                tokenLifetimeSeconds: [
                    Vendor.hyalto.rawValue: sandbox.configuration.hyalto.tokenLifetime,
                    Vendor.usageEngine.rawValue: sandbox.configuration.usageEngine.tokenLifetime,
                ],
                memory: sandbox.environment.memory.counts.map { Stats.Member(name: $0.name, count: $0.count) }))
    }
}
