import Foundation
import GRDB

/// The SQLite file (or in-memory database) that holds all sandbox state, with its schema migrations.
///
/// ```swift
/// let database = try SandboxDatabase.open(.file(".usage-sandbox/sandbox.sqlite"))
/// try await database.writer.write { db in try db.execute(sql: "...") }
/// ```
public final class SandboxDatabase: Sendable {
    /// The connection (a WAL pool for files, a queue in memory).
    public let writer: any DatabaseWriter
    /// Held while this database is open, so a second process on the same file refuses to start.
    private let lock: DatabaseLock?

    private init(writer: any DatabaseWriter, lock: DatabaseLock?) {
        self.writer = writer
        self.lock = lock
    }

    /// Opens or creates the database at `location` and brings its schema up to date.
    ///
    /// Throws ``DatabaseLock/InUse`` when another process has the file open as a sandbox.
    public static func open(_ location: SandboxConfiguration.DatabaseLocation) throws -> SandboxDatabase {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let writer: any DatabaseWriter
        var lock: DatabaseLock?
        switch location {
        case .memory:
            writer = try DatabaseQueue(configuration: configuration)
        case .file(let path):
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            lock = try DatabaseLock(databasePath: path)
            writer = try DatabasePool(path: path, configuration: configuration)
        }
        let database = SandboxDatabase(writer: writer, lock: lock)
        try Migrations.migrator.migrate(writer)
        return database
    }

    /// Deletes every table's content and recreates the schema.
    public func erase() throws {
        try writer.erase()
        try Migrations.migrator.migrate(writer)
    }
}
