import GRDB

extension HyaltoStore {
    /// Hyalto's tables: accounts (a service provider per credential and its customers), purchased services, and
    /// the allocation changes of each service's properties (`ram`, `compute`).
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("hyalto-v1") { db in
            try db.create(table: "hyaltoAccount") { t in
                t.primaryKey("id", .integer)
                t.column("tenant", .text).notNull().indexed()
                t.column("serviceProviderId", .integer).notNull()
                t.column("parentId", .integer)
                t.column("companyName", .text).notNull()
                t.column("type", .text).notNull()
                t.column("createdAt", .text).notNull()
            }
            try db.create(table: "hyaltoService") { t in
                t.primaryKey("id", .integer)
                t.column("accountId", .integer).notNull().indexed()
                t.column("name", .text).notNull()
                t.column("type", .text).notNull()
                t.column("location", .text).notNull()
                t.column("ramBase", .integer).notNull()
                t.column("computeBase", .integer).notNull()
                t.column("createdAt", .text).notNull()
            }
            try db.create(table: "hyaltoChange", options: [.withoutRowID]) { t in
                t.column("serviceId", .integer).notNull()
                t.column("property", .text).notNull()
                t.column("at", .integer).notNull()
                t.column("value", .double).notNull()
                t.column("unitSize", .text).notNull()
                t.primaryKey(["serviceId", "property", "at"])
            }
        }
    }
}
