import GRDB

extension MasonStore {
    /// Mason's tables: fleets, devices, carriers, SIMs, one usage row per SIM per day, and monthly rollups.
    ///
    /// Device 0 and carrier 0 mean "none" (a SIM outside a Mason device), so they can sit in primary keys.
    static func registerMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("mason-v1") { db in
            try db.create(table: "masonFleet") { t in
                t.primaryKey("id", .integer)
                t.column("slug", .text).notNull().unique()
            }
            try db.create(table: "masonDevice") { t in
                t.primaryKey("id", .integer)
                t.column("uuid", .text).notNull()
                t.column("type", .text).notNull()
                t.column("groupName", .text).notNull()
                t.column("imei", .text).notNull()
                t.column("incremental", .text).notNull()
            }
            try db.create(table: "masonCarrier") { t in
                t.primaryKey("id", .integer)
                t.column("name", .text).notNull()
                t.column("mnc", .text).notNull()
                t.column("mcc", .text).notNull()
            }
            try db.create(table: "masonSim") { t in
                t.primaryKey("id", .integer)
                t.column("fleetId", .integer).notNull()
                t.column("iccid", .text).notNull().unique()
                t.column("deviceA", .integer).notNull()
                t.column("deviceB", .integer).notNull()
                t.column("homeCarrier", .integer).notNull()
                t.column("roamCarrier", .integer).notNull()
                t.column("dailyBytes", .integer).notNull()
            }
            try db.create(index: "masonSim_fleet", on: "masonSim", columns: ["fleetId", "iccid"])
            try db.create(table: "masonDay") { t in
                t.primaryKey("day", .integer)
                t.column("month", .integer).notNull()
                t.column("dayOfMonth", .integer).notNull()
                t.column("weekday", .integer).notNull()
            }
            try db.create(table: "masonUsage", options: [.withoutRowID]) { t in
                t.column("simId", .integer).notNull()
                t.column("day", .integer).notNull()
                t.column("upload", .integer).notNull()
                t.column("download", .integer).notNull()
                t.column("deviceId", .integer).notNull()
                t.column("carrierId", .integer).notNull()
                t.primaryKey(["simId", "day"])
            }
            try db.create(table: "masonMonthly", options: [.withoutRowID]) { t in
                t.column("month", .integer).notNull()
                t.column("simId", .integer).notNull()
                t.column("deviceId", .integer).notNull()
                t.column("carrierId", .integer).notNull()
                t.column("upload", .integer).notNull()
                t.column("download", .integer).notNull()
                t.primaryKey(["month", "simId", "deviceId", "carrierId"])
            }
        }
        // Usage is made a month at a time on first use (MasonFixtures.materialize); a database from before keeps
        // every month it already has.
        migrator.registerMigration("mason-v2-months") { db in
            try db.create(table: "masonMonthDone") { t in t.primaryKey("month", .integer) }
            // Each SIM's month, so a page of SIM aggregates is read in order from an index instead of summed and
            // sorted over the whole fleet.
            try db.create(table: "masonSimMonth", options: [.withoutRowID]) { t in
                t.column("month", .integer).notNull()
                t.column("fleetId", .integer).notNull()
                t.column("simId", .integer).notNull()
                t.column("iccid", .text).notNull()
                t.column("upload", .integer).notNull()
                t.column("download", .integer).notNull()
                t.column("total", .integer).notNull()
                t.primaryKey(["month", "simId"])
            }
            for column in ["total", "upload", "download"] {
                try db.create(
                    index: "masonSimMonth_\(column)", on: "masonSimMonth",
                    columns: ["month", "fleetId", column, "iccid"])
            }
            // A fleet's daily totals, so an account series reads a row per day instead of one per SIM and day.
            try db.create(table: "masonDaily", options: [.withoutRowID]) { t in
                t.column("fleetId", .integer).notNull()
                t.column("day", .integer).notNull()
                t.column("upload", .integer).notNull()
                t.column("download", .integer).notNull()
                t.primaryKey(["fleetId", "day"])
            }
            try db.execute(
                sql: """
                    CREATE INDEX IF NOT EXISTS masonUsage_day
                    ON masonUsage (day, simId, upload, download, deviceId, carrierId)
                    """)
            try MasonFixtures.summarize(db, month: nil)
            try db.execute(
                sql: """
                    INSERT INTO masonMonthDone (month)
                    SELECT DISTINCT month FROM masonDay WHERE EXISTS (SELECT 1 FROM masonUsage)
                    """)
        }
    }
}
