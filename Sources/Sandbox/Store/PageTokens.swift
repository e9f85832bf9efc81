import Foundation
import GRDB

/// Opaque page tokens, kept in SQLite so they survive restarts and stay private to the tenant that got them.
enum PageTokens {
    /// A stored token: which listing it continues, with what page size, from where.
    struct Page: Sendable {
        let pageSize: Int
        let cursor: Int64
    }

    /// Issues a token continuing `scope` after `cursor`.
    static func issue(
        _ db: Database, token: String, vendor: Vendor, tenant: String, scope: String, pageSize: Int, cursor: Int64,
        now: Date
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO pageToken (token, vendor, tenant, scope, pageSize, cursor, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [token, vendor.rawValue, tenant, scope, pageSize, cursor, SandboxTime.format(now)])
    }

    /// The page `token` continues, or `nil` when it is unknown, or was issued to another tenant or listing.
    static func lookup(_ db: Database, token: String, vendor: Vendor, tenant: String, scope: String) throws -> Page? {
        guard
            let row = try Row.fetchOne(
                db,
                sql:
                    "SELECT pageSize, cursor FROM pageToken WHERE token = ? AND vendor = ? AND tenant = ? AND scope = ?",
                arguments: [token, vendor.rawValue, tenant, scope])
        else { return nil }
        return Page(pageSize: row["pageSize"], cursor: row["cursor"])
    }
}

extension PageTokens {
    /// Forgets every token of `vendor` (only `tenant`'s when given): continuing a listing then gets the vendor's
    /// invalid-token error, as when a real page token goes stale.
    static func forget(_ db: Database, vendor: Vendor, tenant: String?) throws {
        try db.execute(
            sql: "DELETE FROM pageToken WHERE vendor = ? AND (? IS NULL OR tenant = ?)",
            arguments: [vendor.rawValue, tenant, tenant])
    }
}
