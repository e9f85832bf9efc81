import Foundation
import GRDB

extension MasonStore {
    /// Fills an empty database's Mason tables from fixture files instead of the generator: fleets in order of first
    /// appearance, devices, carriers and SIMs in file order, the days the usage covers, and every month's rollups,
    /// each month marked as made so nothing is generated over it.
    static func loadFixtures(_ db: Database, _ fleet: MasonFixtureFiles.Fleet) throws {
        var fleets: [String: Int] = [:]
        for sim in fleet.sims where fleets[sim.fleet] == nil {
            fleets[sim.fleet] = fleets.count + 1
            try db.execute(
                sql: "INSERT INTO masonFleet (id, slug) VALUES (?, ?)", arguments: [fleets.count, sim.fleet])
        }
        var carriers: [String: Int] = [:]
        for (index, carrier) in fleet.carriers.enumerated() {
            carriers[carrier.key] = index + 1
            try db.execute(
                sql: "INSERT INTO masonCarrier (id, name, mnc, mcc) VALUES (?, ?, ?, ?)",
                arguments: [index + 1, carrier.name, carrier.mnc, carrier.mcc])
        }
        var devices: [String: Int] = [:]
        let device = try db.cachedStatement(
            sql: "INSERT INTO masonDevice (id, uuid, type, groupName, imei, incremental) VALUES (?, ?, ?, ?, ?, ?)")
        for (index, item) in fleet.devices.enumerated() {
            devices[item.uuid] = index + 1
            try device.execute(arguments: [index + 1, item.uuid, item.type, item.group, item.imei, item.incremental])
        }
        var sims: [String: Int] = [:]
        let sim = try db.cachedStatement(
            sql: """
                INSERT INTO masonSim (id, fleetId, iccid, deviceA, deviceB, homeCarrier, roamCarrier, dailyBytes)
                VALUES (?, ?, ?, 0, 0, 0, 0, 0)
                """)
        for (index, item) in fleet.sims.enumerated() {
            sims[item.iccid] = index + 1
            try sim.execute(arguments: [index + 1, fleets[item.fleet] ?? 1, item.iccid])
        }
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
        fleet.sims = try Row.fetchAll(
            db, sql: "SELECT f.slug, s.iccid FROM masonSim s JOIN masonFleet f ON f.id = s.fleetId ORDER BY s.id"
        ).map { MasonFixtureFiles.SIM(fleet: $0["slug"], iccid: $0["iccid"]) }
        fleet.devices = try Row.fetchAll(db, sql: "SELECT * FROM masonDevice ORDER BY id").map { row in
            MasonFixtureFiles.Device(
                uuid: row["uuid"], type: row["type"], group: row["groupName"], imei: row["imei"],
                incremental: row["incremental"])
        }
        fleet.carriers = try Row.fetchAll(db, sql: "SELECT * FROM masonCarrier ORDER BY id").map { row in
            MasonFixtureFiles.Carrier(name: row["name"], mnc: row["mnc"], mcc: row["mcc"])
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
