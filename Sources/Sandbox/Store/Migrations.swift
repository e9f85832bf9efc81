import GRDB

/// The schema, one migration per part of the sandbox; every vendor store owns its tables.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("core-v1") { db in
            try db.create(table: "setting") { t in
                t.primaryKey("name", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "credential") { t in
                t.primaryKey("id", .text)
                t.column("vendor", .text).notNull()
                t.column("key", .text).notNull()
                t.column("secret", .text)
                t.column("tenant", .text).notNull()
                t.column("scopes", .text).notNull()
                t.column("audience", .text)
                t.column("label", .text)
                t.column("demo", .boolean).notNull()
                t.column("createdAt", .text).notNull()
                t.uniqueKey(["vendor", "key"])
            }
            try db.create(table: "pageToken") { t in
                t.primaryKey("token", .text)
                t.column("vendor", .text).notNull()
                t.column("tenant", .text).notNull()
                t.column("scope", .text).notNull()
                t.column("pageSize", .integer).notNull()
                t.column("cursor", .integer).notNull()
                t.column("createdAt", .text).notNull()
            }
        }
        // Page tokens are signed now (PageTokens), not stored.
        migrator.registerMigration("core-v2-signed-page-tokens") { db in try db.drop(table: "pageToken") }
        for register in Sandbox.vendorMigrations { register(&migrator) }
        return migrator
    }
}
