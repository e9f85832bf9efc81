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
        // The meter as the vendor models it: value, capacity, thresholds, breakdowns, its own time zone and its
        // current period. The (type, meterKey) uniqueness goes: the vendor's own example stream gives five
        // customers one meterKey.
        migrator.registerMigration("usage-engine-v2-meter-model") { db in
            try db.alter(table: "usageEngineMeterType") { t in
                t.add(column: "capacity", .double)
                t.add(column: "thresholds", .text).notNull().defaults(to: "[]")
            }
            try db.create(table: "usageEngineMeter_v2") { t in
                t.primaryKey("id", .text)
                t.column("tenant", .text).notNull()
                t.column("meterTypeId", .text).notNull().references("usageEngineMeterType", onDelete: .restrict)
                t.column("meterKey", .text).notNull()
                t.column("userId", .text).notNull()
                t.column("customFields", .text).notNull()
                t.column("deleteOnReset", .boolean).notNull()
                t.column("createdAt", .text).notNull()
                t.column("updatedAt", .text).notNull()
                t.column("value", .double).notNull().defaults(to: 0)
                t.column("capacity", .double)
                t.column("thresholds", .text).notNull().defaults(to: "[]")
                t.column("groupBreakdowns", .text).notNull().defaults(to: "[]")
                t.column("timezone", .text)
                t.column("periodStart", .text).notNull()
                t.column("periodEnd", .text)
            }
            // Meters made before have no period: theirs starts at creation, and the first read settles its end.
            try db.execute(
                sql: """
                    INSERT INTO usageEngineMeter_v2
                        (id, tenant, meterTypeId, meterKey, userId, customFields, deleteOnReset, createdAt, updatedAt,
                         periodStart, periodEnd)
                    SELECT id, tenant, meterTypeId, meterKey, userId, customFields, deleteOnReset, createdAt,
                        updatedAt, createdAt, createdAt
                    FROM usageEngineMeter
                    """)
            try db.drop(table: "usageEngineMeter")
            try db.rename(table: "usageEngineMeter_v2", to: "usageEngineMeter")
            try db.create(
                index: "usageEngineMeter_lookup", on: "usageEngineMeter",
                columns: ["tenant", "meterTypeId", "meterKey"])
        }
    }
}
