import Foundation
import GRDB

/// The fixture fleet: SIMs in Mason devices (some moving between devices mid-month, some never in one), with one
/// usage row per SIM per day, generated inside SQLite from a seed so that 10,000 SIMs × 365 days load in seconds.
///
/// Two SIMs reproduce the seed's examples: `iccid1` is in a D450 from the 1st to the 14th of each month and in a
/// G450 from the 15th (so August 2020 has it under both device types, and its D450 series for 1–5 August has
/// data); `iccid2` stays in a D450. Days cover all of 2020 (the seed's examples query August 2020) and the last
/// ``MasonSettings/recentDays`` days before the clock's today.
enum MasonFixtures {
    /// The fleets every sandbox has.
    static let fleets = ["default", "warehouse"]
    static let deviceTypes = ["D450", "G450", "F450", "A4100"]
    static let deviceGroups = ["field-ops", "warehouse-scanners", "retail-kiosks", "delivery-drivers"]
    static let carriers: [(name: String, mnc: String, mcc: String)] = [
        ("T-Mobile", "260", "310"), ("AT&T", "410", "310"), ("Verizon", "480", "311"),
        ("Vodafone", "02", "262"), ("Telus", "220", "302"), ("Rogers", "720", "302"),
    ]

    /// Fills an empty database's Mason tables.
    static func load(_ db: Database, seed: UInt64, settings: MasonSettings, now: Date) throws {
        var random = SeededRandom(seed: seed ^ 0x6D61_736F_6E)
        let ids = IDGenerator.deterministic(seed: seed ^ 0x4D41_534F_4E)
        for (index, slug) in fleets.enumerated() {
            try MasonStore.Fleet(id: Int64(index + 1), slug: slug).insert(db)
        }
        for (index, carrier) in carriers.enumerated() {
            try MasonStore.Carrier(id: Int64(index + 1), name: carrier.name, mnc: carrier.mnc, mcc: carrier.mcc)
                .insert(db)
        }
        let simCount = max(settings.sims, 2)
        for id in 1...(simCount + simCount / 4 + 2) {
            let type = id <= 2 ? ["D450", "G450"][id - 1] : deviceTypes[Int.random(in: 0..<4, using: &random)]
            let imei = "35" + String(format: "%013llu", UInt64.random(in: 0..<10_000_000_000_000, using: &random))
            let build = "eng.\(type.lowercased()).2020\(String(format: "%02d", Int.random(in: 1...12, using: &random)))"
            try MasonStore.Device(
                id: Int64(id), uuid: ids.id(), type: type,
                groupName: deviceGroups[Int.random(in: 0..<4, using: &random)],
                imei: imei, incremental: build
            ).insert(db)
        }
        let extraDevices = simCount / 4
        for id in 1...simCount {
            let iccid = id <= 2 ? "iccid\(id)" : "8901" + String(format: "%015llu", UInt64(id) * 7_919 + 1_000_000)
            let kind = id <= 2 ? 0 : Int.random(in: 0..<20, using: &random)
            let home = Int.random(in: 1...3, using: &random)
            let deviceA: Int
            let deviceB: Int
            switch (id, kind) {
            case (1, _): (deviceA, deviceB) = (1, 2)  // iccid1: D450, then G450 from the 15th
            case (2, _): (deviceA, deviceB) = (1, 1)  // iccid2: a D450 throughout
            case (_, 0..<3): (deviceA, deviceB) = (0, 0)  // never in a Mason device
            case (_, 3..<6): (deviceA, deviceB) = (id + 2, simCount + 3 + (id % max(extraDevices, 1)))
            default: (deviceA, deviceB) = (id + 2, id + 2)
            }
            try MasonStore.Sim(
                id: Int64(id), fleetId: id % 5 == 4 ? 2 : 1, iccid: iccid, deviceA: Int64(deviceA),
                deviceB: Int64(deviceB), homeCarrier: Int64(home),
                roamCarrier: Int64(Int.random(in: 4...6, using: &random)),
                dailyBytes: Int64(Int.random(in: 5_000_000...150_000_000, using: &random))
            ).insert(db)
        }
        try insertDays(db, settings: settings, now: now)
        try Setting.set(db, "mason.seed", to: String(seed % 1_000_003))
    }

    /// Writes the usage rows of `month` (`yyyymm`) and their monthly sums, unless they exist already.
    ///
    /// Usage is a pure function of the SIM, the day and the seed, so it is made a month at a time when a request
    /// first needs that month, instead of for every SIM and day at start-up: start-up then costs the same at any
    /// fleet size, and a month of the default fleet takes about a millisecond.
    /// Answers whether the month is there now; not while the fleet is missing (a reset between erasing and
    /// reloading), so that month is made again later.
    @discardableResult
    static func materialize(_ db: Database, month: Int) throws -> Bool {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM masonMonthDone WHERE month = ?", arguments: [month]) != true
        else { return true }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM masonSim LIMIT 1") == true else { return false }
        let seed = try Setting.value(db, "mason.seed").flatMap { Int64($0) }
        try db.execute(
            sql: """
                INSERT INTO masonUsage (simId, day, upload, download, deviceId, carrierId)
                SELECT id, day,
                    CASE WHEN h % 61 = 0 THEN 0 ELSE dailyBytes * (20 + h % 60) / 100 * factor / 100 END,
                    CASE WHEN h % 61 = 0 THEN 0 ELSE dailyBytes * (40 + h2 % 80) / 100 * factor / 100 END,
                    CASE WHEN dayOfMonth < 15 THEN deviceA ELSE deviceB END,
                    CASE WHEN h2 % 41 = 0 THEN roamCarrier ELSE homeCarrier END
                FROM (
                    SELECT s.*, d.day, d.dayOfMonth, CASE WHEN d.weekday IN (0, 6) THEN 55 ELSE 100 END AS factor,
                        (s.id * 2654435761 + d.day * 40503 + :seed) % 2147483647 AS h,
                        (((s.id * 2654435761 + d.day * 40503 + :seed) % 2147483647) * 48271) % 2147483647 AS h2
                    FROM masonSim s CROSS JOIN masonDay d WHERE d.month = :month
                )
                """,
            arguments: ["seed": seed ?? 0, "month": month])
        try db.execute(
            sql: """
                INSERT INTO masonMonthly (month, simId, deviceId, carrierId, upload, download)
                SELECT d.month, u.simId, u.deviceId, u.carrierId, sum(u.upload), sum(u.download)
                FROM masonDay d JOIN masonUsage u ON u.day = d.day
                WHERE d.month = :month
                GROUP BY d.month, u.simId, u.deviceId, u.carrierId
                """,
            arguments: ["month": month])
        try summarize(db, month: month)
        try db.execute(sql: "INSERT INTO masonMonthDone (month) VALUES (?)", arguments: [month])
        return true
    }

    /// Writes the fleets' daily totals and each SIM's month from the daily and monthly rows of `month` (`yyyymm`),
    /// or of every month when `nil` (a database made before these tables existed).
    static func summarize(_ db: Database, month: Int?) throws {
        let dayFilter = month.map { "WHERE d.month = \($0)" } ?? ""
        let monthFilter = month.map { "WHERE m.month = \($0)" } ?? ""
        try db.execute(
            sql: """
                INSERT INTO masonDaily (fleetId, day, upload, download)
                SELECT s.fleetId, u.day, sum(u.upload), sum(u.download)
                FROM masonDay d JOIN masonUsage u ON u.day = d.day JOIN masonSim s ON s.id = u.simId
                \(dayFilter)
                GROUP BY s.fleetId, u.day
                """)
        try db.execute(
            sql: """
                INSERT INTO masonSimMonth (month, fleetId, simId, iccid, upload, download, total)
                SELECT m.month, s.fleetId, s.id, s.iccid, sum(m.upload), sum(m.download), sum(m.upload) + sum(m.download)
                FROM masonMonthly m JOIN masonSim s ON s.id = m.simId
                \(monthFilter)
                GROUP BY m.month, s.id
                """)
    }

    private static func insertDays(_ db: Database, settings: MasonSettings, now: Date) throws {
        let today = Int(now.timeIntervalSince1970 / 86_400)
        let year2020 = MasonDay.number(year: 2020, month: 1, day: 1)..<MasonDay.number(year: 2021, month: 1, day: 1)
        let recent = (today - max(settings.recentDays, 0) + 1)..<(today + 1)
        let days = Set(year2020).union(recent).sorted()
        let statement = try db.cachedStatement(
            sql: "INSERT INTO masonDay (day, month, dayOfMonth, weekday) VALUES (?, ?, ?, ?)")
        for day in days {
            let parts = MasonDay.components(day)
            try statement.execute(arguments: [day, parts.year * 100 + parts.month, parts.day, (day + 4) % 7])
        }
    }
}

/// Days as whole numbers since 1970-01-01 (UTC), the unit Mason's tables store.
enum MasonDay {
    /// The day number of a calendar date.
    static func number(year: Int, month: Int, day: Int) -> Int {
        Int(SandboxTime.days(fromCivil: Int64(year), Int64(month), Int64(day)))
    }

    /// The calendar date of a day number.
    static func components(_ number: Int) -> (year: Int, month: Int, day: Int) {
        let civil = SandboxTime.civil(fromDays: Int64(number))
        return (Int(civil.year), Int(civil.month), Int(civil.day))
    }

    /// `2020-08-01T00:00:00Z` for a day number.
    static func timestamp(_ number: Int) -> String {
        let parts = components(number)
        return String(format: "%04d-%02d-%02dT00:00:00Z", parts.year, parts.month, parts.day)
    }
}
