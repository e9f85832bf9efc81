import Foundation
import GRDB

extension HyaltoStore {
    /// Creates tenant `tenant` from fixture files instead of the generator: every account, service and change as
    /// the files give them, all owned by `tenant`.
    static func loadFixtures(_ db: Database, _ files: HyaltoFixtureFiles.Tenant, tenant: String) throws {
        let account = try db.cachedStatement(
            sql: """
                INSERT INTO hyaltoAccount (id, tenant, serviceProviderId, parentId, companyName, type, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for item in files.providers + files.customers {
            try account.execute(arguments: [
                item.id, tenant, item.serviceProviderId, item.parentId, item.companyName, item.type, item.createdAt,
            ])
        }
        // The bases only seed the generator; loaded services carry their changes instead.
        let service = try db.cachedStatement(
            sql: """
                INSERT INTO hyaltoService (id, accountId, name, type, location, ramBase, computeBase, createdAt)
                VALUES (?, ?, ?, ?, ?, 0, 0, ?)
                """)
        for item in files.services {
            try service.execute(arguments: [
                item.id, item.accountId, item.name, item.metaData.type, item.metaData.location, item.createdAt,
            ])
        }
        let change = try db.cachedStatement(
            sql: "INSERT INTO hyaltoChange (serviceId, property, at, value, unitSize) VALUES (?, ?, ?, ?, ?)")
        for item in files.changes {
            try change.execute(arguments: [item.serviceId, item.property, item.at, item.value, item.unitSize])
        }
    }

    /// Tenant `tenant` as fixture files hold it: accounts and services by id, changes by service, property, time.
    static func exportFixtures(_ db: Database, tenant: String) throws -> HyaltoFixtureFiles.Tenant {
        let accounts = try Account.fetchAll(
            db, sql: "SELECT * FROM hyaltoAccount WHERE tenant = ? ORDER BY id", arguments: [tenant]
        ).map { account in
            HyaltoFixtureFiles.Account(
                id: account.id, companyName: account.companyName, serviceProviderId: account.serviceProviderId,
                parentId: account.parentId, type: account.type, createdAt: account.createdAt)
        }
        var files = HyaltoFixtureFiles.Tenant()
        files.providers = accounts.filter { $0.type != "customer" }
        files.customers = accounts.filter { $0.type == "customer" }
        files.services = try Service.fetchAll(
            db,
            sql: """
                SELECT s.* FROM hyaltoService s JOIN hyaltoAccount a ON a.id = s.accountId
                WHERE a.tenant = ? ORDER BY s.id
                """,
            arguments: [tenant]
        ).map { service in
            HyaltoFixtureFiles.Service(
                id: service.id, name: service.name, accountId: service.accountId,
                metaData: .init(type: service.type, location: service.location), createdAt: service.createdAt)
        }
        files.changes = try Row.fetchAll(
            db,
            sql: """
                SELECT c.* FROM hyaltoChange c JOIN hyaltoService s ON s.id = c.serviceId
                JOIN hyaltoAccount a ON a.id = s.accountId
                WHERE a.tenant = ? ORDER BY c.serviceId, c.property, c.at
                """,
            arguments: [tenant]
        ).map { row in
            HyaltoFixtureFiles.Change(
                serviceId: row["serviceId"], property: row["property"], at: row["at"], value: row["value"],
                unitSize: row["unitSize"])
        }
        return files
    }
}
