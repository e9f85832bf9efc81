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

    /// A row of `hyaltoAccount`: a service provider (one per credential, its tenant) or one of its customers.
    struct Account: Codable, Sendable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "hyaltoAccount"
        let id: Int64
        let tenant: String
        let serviceProviderId: Int64
        let parentId: Int64?
        let companyName: String
        let type: String
        let createdAt: String
    }

    /// A row of `hyaltoService`: a service an account purchased, with its property baselines.
    struct Service: Codable, Sendable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "hyaltoService"
        let id: Int64
        let accountId: Int64
        let name: String
        let type: String
        let location: String
        var ramBase: Int64 = 0
        var computeBase: Int64 = 0
        let createdAt: String
    }

    /// A row of `hyaltoChange`: one allocation change of a service property, at Unix second `at`.
    struct Change: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "hyaltoChange"
        var serviceId: Int64 = 0
        var property = ""
        let at: Int64
        let value: Double
        let unitSize: String
    }

    /// The customer accounts of tenant `tenant`.
    func customers(tenant: String) async throws -> [Account] {
        try await database.writer.read { db in
            try Account.filter(Column("tenant") == tenant && Column("type") == "customer").order(Column("id"))
                .fetchAll(db)
        }
    }

    /// Account `id` when it belongs to `tenant` (the provider itself or one of its customers).
    func account(id: Int64, tenant: String) async throws -> Account? {
        try await database.writer.read { db in
            try Account.filter(Column("id") == id && Column("tenant") == tenant).fetchOne(db)
        }
    }

    /// The services purchased by account `accountId`.
    func services(accountId: Int64) async throws -> [Service] {
        try await database.writer.read { db in
            try Service.filter(Column("accountId") == accountId).order(Column("id")).fetchAll(db)
        }
    }

    /// Service `id` when its account belongs to `tenant`.
    func service(id: Int64, tenant: String) async throws -> Service? {
        try await database.writer.read { db in
            guard let service = try Service.fetchOne(db, key: id),
                try Account.filter(Column("id") == service.accountId && Column("tenant") == tenant).fetchCount(db) > 0
            else { return nil }
            return service
        }
    }

    /// The changes of `property` of service `serviceId` in `[from, to)` (Unix seconds), led by the value in effect
    /// at `from`, restamped to `from`.
    func changes(serviceId: Int64, property: String, from: Int64, to: Int64) async throws -> [Change] {
        try await database.writer.read { db in
            let ofProperty = Change.filter(Column("serviceId") == serviceId && Column("property") == property)
            let opening = try ofProperty.filter(Column("at") <= from).order(Column("at").desc).fetchOne(db)
            let inside = try ofProperty.filter(Column("at") > from && Column("at") < to).order(Column("at"))
                .fetchAll(db)
            let first = opening.map {
                Change(serviceId: serviceId, property: property, at: from, value: $0.value, unitSize: $0.unitSize)
            }
            return (first.map { [$0] } ?? []) + inside
        }
    }
}
