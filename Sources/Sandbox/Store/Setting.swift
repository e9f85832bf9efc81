import GRDB

/// A row of `setting`: one named value the sandbox keeps between runs (the clock, signing keys, fixture markers).
struct Setting: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "setting"

    var name: String
    var value: String

    /// The value of setting `name`, if set.
    static func value(_ db: Database, _ name: String) throws -> String? {
        try Setting.fetchOne(db, key: name)?.value
    }

    /// Sets `name` to `value`, replacing what it was.
    static func set(_ db: Database, _ name: String, to value: String) throws {
        try Setting(name: name, value: value).insert(db, onConflict: .replace)
    }

    /// Every setting whose name starts with `prefix`.
    static func all(_ db: Database, prefix: String) throws -> [Setting] {
        try Setting.filter(Column("name").like(prefix + "%")).fetchAll(db)
    }
}
