import GRDB

extension UsageEngineStore {
    /// Usage Engine's tables: meter types and their meters, both keyed by tenant.
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("usage-engine-v1") { db in
            try db.create(table: "usageEngineMeterType") { t in
                t.primaryKey("id", .text)
                t.column("tenant", .text).notNull()
                t.column("name", .text).notNull()
                t.column("description", .text)
                t.column("unit", .text)
                t.column("category", .text)
                t.column("aggregation", .text).notNull()
                t.column("resetSchedule", .text).notNull()
                t.column("timezone", .text).notNull()
                t.column("activeFrom", .text).notNull()
                t.column("activeTo", .text)
                t.column("externalRef", .text)
                t.column("createdAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
                t.uniqueKey(["tenant", "name"])
            }
            try db.create(table: "usageEngineMeter") { t in
                t.primaryKey("id", .text)
                t.column("tenant", .text).notNull()
                t.column("meterTypeId", .text).notNull().references("usageEngineMeterType", onDelete: .restrict)
                t.column("meterKey", .text).notNull()
                t.column("userId", .text).notNull()
                t.column("customFields", .text).notNull()
                t.column("deleteOnReset", .boolean).notNull()
                t.column("createdAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
                t.uniqueKey(["tenant", "meterTypeId", "meterKey"])
            }
        }
    }
}
