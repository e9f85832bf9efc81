import Foundation
import GRDB

extension HyaltoStore {
    /// Creates tenant `tenant` from fixture files instead of the generator: every account, service and change as
    /// the files give them, all owned by `tenant`.
    static func loadFixtures(_ db: Database, _ files: HyaltoFixtureFiles.Tenant, tenant: String) throws {
        for item in files.providers + files.customers {
            try Account(
                id: item.id, tenant: tenant, serviceProviderId: item.serviceProviderId, parentId: item.parentId,
                companyName: item.companyName, type: item.type, createdAt: item.createdAt
            ).insert(db)
        }
        // The bases only seed the generator; loaded services carry their changes instead.
        for item in files.services {
            try Service(
                id: item.id, accountId: item.accountId, name: item.name, type: item.metaData.type,
                location: item.metaData.location, ramBase: 0, computeBase: 0, createdAt: item.createdAt
            ).insert(db)
        }
        for item in files.changes {
            try Change(
                serviceId: item.serviceId, property: item.property, at: item.at, value: item.value,
                unitSize: item.unitSize
            ).insert(db)
        }
    }

    /// Tenant `tenant` as fixture files hold it: accounts and services by id, changes by service, property, time.
    static func exportFixtures(_ db: Database, tenant: String) throws -> HyaltoFixtureFiles.Tenant {
        let owned = try Account.filter(Column("tenant") == tenant).order(Column("id")).fetchAll(db)
        let accounts = owned.map { account in
            HyaltoFixtureFiles.Account(
                id: account.id, companyName: account.companyName, serviceProviderId: account.serviceProviderId,
                parentId: account.parentId, type: account.type, createdAt: account.createdAt)
        }
        var files = HyaltoFixtureFiles.Tenant()
        files.providers = accounts.filter { $0.type != "customer" }
        files.customers = accounts.filter { $0.type == "customer" }
        let services = try Service.filter(owned.map(\.id).contains(Column("accountId"))).order(Column("id"))
            .fetchAll(db)
        files.services = services.map { service in
            HyaltoFixtureFiles.Service(
                id: service.id, name: service.name, accountId: service.accountId,
                metaData: .init(type: service.type, location: service.location), createdAt: service.createdAt)
        }
        files.changes = try Change.filter(services.map(\.id).contains(Column("serviceId")))
            .order(Column("serviceId"), Column("property"), Column("at")).fetchAll(db).map { change in
                HyaltoFixtureFiles.Change(
                    serviceId: change.serviceId, property: change.property, at: change.at, value: change.value,
                    unitSize: change.unitSize)
            }
        return files
    }
}
