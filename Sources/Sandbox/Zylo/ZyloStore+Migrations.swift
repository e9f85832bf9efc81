import GRDB

extension ZyloStore {
    /// Zylo's tables: fixture subscriptions, users (fixture and imported), export and import jobs.
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("zylo-v1") { db in
            try db.create(table: "zyloSubscription") { t in
                t.primaryKey("id", .text)
                t.column("position", .integer).notNull().unique()
                t.column("appName", .text).notNull()
                t.column("json", .text).notNull()
            }
            // tenant '' holds the fixture users every company sees; imports write under the importing tenant.
            try db.create(table: "zyloUser") { t in
                t.column("tenant", .text).notNull()
                t.column("subscriptionId", .text).notNull()
                t.column("firstName", .text).notNull()
                t.column("lastName", .text).notNull()
                t.column("lastActivityDate", .text).notNull()
                t.column("daysActiveOfLast30", .integer).notNull()
                t.column("licenseNames", .text).notNull()
                t.column("isPaidUser", .boolean).notNull()
                t.primaryKey(["tenant", "subscriptionId", "firstName", "lastName"])
            }
            try db.create(table: "zyloExportJob") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("id", .text).notNull().unique()
                t.column("tenant", .text).notNull().indexed()
                t.column("scope", .text).notNull()
                t.column("status", .text).notNull()
                t.column("createTime", .text).notNull()
                t.column("readyAt", .text).notNull()
                t.column("completeTime", .text)
                t.column("downloadToken", .text).notNull().unique()
                t.column("csv", .blob).notNull()
            }
            try db.create(index: "zyloExportJob_status", on: "zyloExportJob", columns: ["status", "readyAt"])
            try db.create(table: "zyloImportJob") { t in
                t.autoIncrementedPrimaryKey("seq")
                t.column("id", .text).notNull().unique()
                t.column("tenant", .text).notNull().indexed()
                t.column("subscriptionId", .text)
                t.column("usageConnectId", .text)
                t.column("status", .text).notNull()
                t.column("createTime", .text).notNull()
                t.column("updateTime", .text).notNull()
                t.column("readyAt", .text)
                t.column("upload", .blob)
                t.column("errorReport", .blob)
                t.column("downloadToken", .text).notNull().unique()
                t.column("acceptedRows", .integer).notNull()
                t.column("rejectedRows", .integer).notNull()
            }
            try db.create(index: "zyloImportJob_status", on: "zyloImportJob", columns: ["status", "readyAt"])
        }
        migrator.registerMigration("zylo-v2-applied-rows") { db in
            try db.alter(table: "zyloImportJob") { t in
                t.add(column: "appliedRows", .integer).notNull().defaults(to: 0)
            }
            try db.create(index: "zyloExportJob_tenant_status", on: "zyloExportJob", columns: ["tenant", "status"])
        }
    }
}
