import Foundation
import GRDB

/// Issues, lists and looks up credentials; every vendor's auth goes through it.
public struct CredentialStore: Sendable {
    let database: SandboxDatabase

    /// Every credential, demo ones first, optionally for one vendor.
    public func all(vendor: Vendor? = nil) async throws -> [Credential] {
        try await database.writer.read { db in
            var request = Credential.order(Column("demo").desc, Column("createdAt"), Column("id"))
            if let vendor { request = request.filter(Column("vendor") == vendor.rawValue) }
            return try request.fetchAll(db)
        }
    }

    /// The credential of `vendor` whose public half is `key`.
    public func find(vendor: Vendor, key: String) async throws -> Credential? {
        try await database.writer.read { db in
            try Credential.filter(Column("vendor") == vendor.rawValue && Column("key") == key).fetchOne(db)
        }
    }

    /// The credentials of `vendor` whose tenant is `tenant`.
    public func all(vendor: Vendor, tenant: String) async throws -> [Credential] {
        try await database.writer.read { db in
            try Credential.filter(Column("vendor") == vendor.rawValue && Column("tenant") == tenant).fetchAll(db)
        }
    }

    /// Stores `credential`; answers `false` when the vendor already has one with the same key.
    public func insert(_ credential: Credential) async throws -> Bool {
        try await database.writer.write { db in
            let taken = try Credential.filter(
                Column("vendor") == credential.vendor.rawValue && Column("key") == credential.key
            ).fetchCount(db)
            guard taken == 0 else { return false }
            try credential.insert(db)
            return true
        }
    }
}
