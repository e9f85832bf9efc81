import Foundation
import GRDB
import Synchronization

/// Hyalto's state in SQLite: each tenant's accounts, purchased services and their allocation changes.
///
/// A tenant is a service-provider account (the API key's `accountId`); its customers and their services are
/// generated when the credential is created, with allocation changes through June–August 2018 (the seed's and
/// the public script's example dates) and the last 365 days.
struct HyaltoStore: Sendable {
    let database: SandboxDatabase
    let environment: SandboxEnvironment
    /// Company names by account, for token issuance. Accounts are only ever added (fixtures and new credentials),
    /// so a remembered name stays true until a reset, which clears this.
    let companyNames: CompanyNames

    init(database: SandboxDatabase, environment: SandboxEnvironment) {
        self.database = database
        self.environment = environment
        companyNames = environment.memory.register(CompanyNames())
    }

    final class CompanyNames: ResettableState {
        private let names = Mutex<[String: String]>([:])

        func name(_ key: String) -> String? { names.withLock { $0[key] } }
        func remember(_ name: String, for key: String) { names.withLock { $0[key] = name } }
        func reset() { names.withLock { $0.removeAll() } }
        var count: Int { names.withLock { $0.count } }
    }

    /// The company name of account `accountID` when it belongs to `tenant`.
    func companyName(accountID: Int64, tenant: String) async throws -> String? {
        let key = tenant + "\u{0}" + String(accountID)
        if let known = companyNames.name(key) { return known }
        guard let name = try await account(id: accountID, tenant: tenant)?.companyName else { return nil }
        companyNames.remember(name, for: key)
        return name
    }

    /// An account as the store keeps it.
    struct Account: Codable, Sendable, FetchableRecord {
        let id: Int64
        let tenant: String
        let serviceProviderId: Int64
        let parentId: Int64?
        let companyName: String
        let type: String
        let createdAt: String
    }

    /// A purchased service as the store keeps it.
    struct Service: Codable, Sendable, FetchableRecord {
        let id: Int64
        let accountId: Int64
        let name: String
        let type: String
        let location: String
        let createdAt: String
    }

    /// One allocation change of a service property.
    struct Change: Sendable, Equatable {
        let at: Int64
        let value: Double
        let unitSize: String
    }

    /// The customer accounts of tenant `tenant`.
    func customers(tenant: String) async throws -> [Account] {
        try await database.writer.read { db in
            try Account.fetchAll(
                db, sql: "SELECT * FROM hyaltoAccount WHERE tenant = ? AND type = 'customer' ORDER BY id",
                arguments: [tenant])
        }
    }

    /// Account `id` when it belongs to `tenant` (the provider itself or one of its customers).
    func account(id: Int64, tenant: String) async throws -> Account? {
        try await database.writer.read { db in
            try Account.fetchOne(
                db, sql: "SELECT * FROM hyaltoAccount WHERE id = ? AND tenant = ?", arguments: [id, tenant])
        }
    }

    /// The services purchased by account `accountId`.
    func services(accountId: Int64) async throws -> [Service] {
        try await database.writer.read { db in
            try Service.fetchAll(
                db, sql: "SELECT * FROM hyaltoService WHERE accountId = ? ORDER BY id", arguments: [accountId])
        }
    }

    /// Service `id` when its account belongs to `tenant`.
    func service(id: Int64, tenant: String) async throws -> Service? {
        try await database.writer.read { db in
            try Service.fetchOne(
                db,
                sql: """
                    SELECT s.* FROM hyaltoService s JOIN hyaltoAccount a ON a.id = s.accountId
                    WHERE s.id = ? AND a.tenant = ?
                    """,
                arguments: [id, tenant])
        }
    }

    /// The changes of `property` of service `serviceId` in `[from, to)` (Unix seconds), led by the value in effect
    /// at `from`, restamped to `from`.
    func changes(serviceId: Int64, property: String, from: Int64, to: Int64) async throws -> [Change] {
        try await database.writer.read { db in
            let opening = try Row.fetchOne(
                db,
                sql: """
                    SELECT at, value, unitSize FROM hyaltoChange WHERE serviceId = ? AND property = ? AND at <= ?
                    ORDER BY at DESC LIMIT 1
                    """,
                arguments: [serviceId, property, from])
            let inside = try Row.fetchAll(
                db,
                sql: """
                    SELECT at, value, unitSize FROM hyaltoChange WHERE serviceId = ? AND property = ? AND at > ? AND at < ?
                    ORDER BY at
                    """,
                arguments: [serviceId, property, from, to])
            let first = opening.map { Change(at: from, value: $0["value"], unitSize: $0["unitSize"]) }
            return (first.map { [$0] } ?? [])
                + inside.map { Change(at: $0["at"], value: $0["value"], unitSize: $0["unitSize"]) }
        }
    }
}
