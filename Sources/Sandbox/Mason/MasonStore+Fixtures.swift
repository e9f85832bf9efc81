import Foundation
import GRDB

extension MasonStore {
    /// Fills an empty database's Mason tables from fixture files instead of the generator: fleets in order of first
    /// appearance, devices, carriers and SIMs in file order, the days the usage covers, and every month's rollups,
    /// each month marked as made so nothing is generated over it.
    static func loadFixtures(_ db: Database, _ fleet: MasonFixtureFiles.Fleet) throws {
        var fleets: [String: Int64] = [:]
        for sim in fleet.sims where fleets[sim.fleet] == nil {
            fleets[sim.fleet] = Int64(fleets.count + 1)
            try Fleet(id: Int64(fleets.count), slug: sim.fleet).insert(db)
        }
        var carriers: [String: Int] = [:]
        for (index, carrier) in fleet.carriers.enumerated() {
            carriers[carrier.key] = index + 1
            try Carrier(id: Int64(index + 1), name: carrier.name, mnc: carrier.mnc, mcc: carrier.mcc).insert(db)
        }
        var devices: [String: Int] = [:]
        for (index, item) in fleet.devices.enumerated() {
            devices[item.uuid] = index + 1
            try Device(
                id: Int64(index + 1), uuid: item.uuid, type: item.type, groupName: item.group, imei: item.imei,
                incremental: item.incremental
            ).insert(db)
        }
        var sims: [String: Int] = [:]
        for (index, item) in fleet.sims.enumerated() {
            sims[item.iccid] = index + 1
            // Loaded usage is given day by day: the generator's devices, carriers and daily bytes stay unused.
            try Sim(
                id: Int64(index + 1), fleetId: fleets[item.fleet] ?? 1, iccid: item.iccid, deviceA: 0, deviceB: 0,
                homeCarrier: 0, roamCarrier: 0, dailyBytes: 0
            ).insert(db)
        }
        // The calendar, the usage rows and the rollups are the set-wise tables (see the README's storage idiom).
        let day = try db.cachedStatement(
            sql: "INSERT INTO masonDay (day, month, dayOfMonth, weekday) VALUES (?, ?, ?, ?)")
        for number in Set(fleet.usage.map(\.day)).sorted() {
            let parts = MasonDay.components(number)
            try day.execute(arguments: [number, parts.year * 100 + parts.month, parts.day, (number + 4) % 7])
        }
        let usage = try db.cachedStatement(
            sql: """
                INSERT INTO masonUsage (simId, day, upload, download, deviceId, carrierId) VALUES (?, ?, ?, ?, ?, ?)
                """)
        for row in fleet.usage {
            try usage.execute(arguments: [
                sims[row.iccid] ?? 0, row.day, row.upload, row.download, devices[row.device] ?? 0,
                carriers[row.carrier] ?? 0,
            ])
        }
        try db.execute(
            sql: """
                INSERT INTO masonMonthly (month, simId, deviceId, carrierId, upload, download)
                SELECT d.month, u.simId, u.deviceId, u.carrierId, sum(u.upload), sum(u.download)
                FROM masonDay d JOIN masonUsage u ON u.day = d.day
                GROUP BY d.month, u.simId, u.deviceId, u.carrierId
                """)
        try MasonFixtures.summarize(db, month: nil)
        try db.execute(sql: "INSERT INTO masonMonthDone (month) SELECT DISTINCT month FROM masonDay")
    }

    /// Everything Mason serves, as fixture files hold it: SIMs, devices and carriers in id order, and the usage of
    /// every day the calendar has (months not made yet are made first), by SIM and day.
    static func exportFixtures(_ db: Database) throws -> MasonFixtureFiles.Fleet {
        for month in try Int.fetchAll(db, sql: "SELECT DISTINCT month FROM masonDay ORDER BY month") {
            try MasonFixtures.materialize(db, month: month)
        }
        var fleet = MasonFixtureFiles.Fleet()
        let slugs = Dictionary(uniqueKeysWithValues: try Fleet.fetchAll(db).map { ($0.id, $0.slug) })
        fleet.sims = try Sim.order(Column("id")).fetchAll(db).map {
            MasonFixtureFiles.SIM(fleet: slugs[$0.fleetId] ?? "", iccid: $0.iccid)
        }
        fleet.devices = try Device.order(Column("id")).fetchAll(db).map { device in
            MasonFixtureFiles.Device(
                uuid: device.uuid, type: device.type, group: device.groupName, imei: device.imei,
                incremental: device.incremental)
        }
        fleet.carriers = try Carrier.order(Column("id")).fetchAll(db).map { carrier in
            MasonFixtureFiles.Carrier(name: carrier.name, mnc: carrier.mnc, mcc: carrier.mcc)
        }
        fleet.usage = try Row.fetchAll(
            db,
            sql: """
                SELECT s.iccid, u.day, u.upload, u.download, coalesce(d.uuid, '') AS device,
                    coalesce(c.mnc || '-' || c.mcc, '') AS carrier
                FROM masonUsage u JOIN masonSim s ON s.id = u.simId
                LEFT JOIN masonDevice d ON d.id = u.deviceId LEFT JOIN masonCarrier c ON c.id = u.carrierId
                ORDER BY u.simId, u.day
                """
        ).map { row in
            MasonFixtureFiles.Usage(
                iccid: row["iccid"], day: row["day"], upload: row["upload"], download: row["download"],
                device: row["device"], carrier: row["carrier"])
        }
        return fleet
    }
}
