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

    private init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Opens or creates the database at `location` and brings its schema up to date.
    public static func open(_ location: SandboxConfiguration.DatabaseLocation) throws -> SandboxDatabase {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let writer: any DatabaseWriter
        switch location {
        case .memory:
            writer = try DatabaseQueue(configuration: configuration)
        case .file(let path):
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            writer = try DatabasePool(path: path, configuration: configuration)
        }
        let database = SandboxDatabase(writer: writer)
        try Migrations.migrator.migrate(writer)
        return database
    }

    /// Deletes every table's content and recreates the schema.
    public func erase() throws {
        try writer.erase()
        try Migrations.migrator.migrate(writer)
    }
}
