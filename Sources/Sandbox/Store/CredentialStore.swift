import Foundation
import GRDB
import Synchronization

/// Issues, lists and looks up credentials; every vendor's auth goes through it.
public struct CredentialStore: Sendable {
    let database: SandboxDatabase
    /// Lookups by key, remembered: every vendor request authenticates, and credentials only change through
    /// ``Sandbox/mint(_:)`` and a reset (``InMemoryState``). Unknown keys are not remembered, so guessing keys
    /// cannot grow it.
    private let cache: CredentialCache

    init(database: SandboxDatabase, memory: InMemoryState) {
        self.database = database
        cache = memory.register(CredentialCache())
    }

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
        if let known = cache.credential(vendor: vendor, key: key) { return known }
        let found = try await database.writer.read { db in
            try Credential.filter(Column("vendor") == vendor.rawValue && Column("key") == key).fetchOne(db)
        }
        if let found { cache.remember(found) }
        return found
    }

    /// The credentials of `vendor` whose tenant is `tenant`.
    public func all(vendor: Vendor, tenant: String) async throws -> [Credential] {
        try await database.writer.read { db in
            try Credential.filter(Column("vendor") == vendor.rawValue && Column("tenant") == tenant).fetchAll(db)
        }
    }
}

/// Credentials by vendor and key, shared by every copy of a ``CredentialStore``.
final class CredentialCache: ResettableState {
    private let entries = Mutex<[String: Credential]>([:])

    func credential(vendor: Vendor, key: String) -> Credential? {
        entries.withLock { $0[Self.key(vendor, key)] }
    }

    func remember(_ credential: Credential) {
        entries.withLock { $0[Self.key(credential.vendor, credential.key)] = credential }
    }

    func reset() {
        entries.withLock { $0.removeAll() }
    }

    var count: Int { entries.withLock { $0.count } }

    private static func key(_ vendor: Vendor, _ key: String) -> String { vendor.rawValue + "\u{0}" + key }
}
