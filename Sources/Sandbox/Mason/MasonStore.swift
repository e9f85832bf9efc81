import Foundation
import GRDB
import Synchronization

/// Mason's state in SQLite: the fixture fleets, SIMs and daily usage; aggregates and series are computed by
/// SQLite over indexed tables (monthly rollups for aggregates, the daily table for series).
struct MasonStore: Sendable {
    /// Which resources an aggregate call groups by.
    enum Level: Sendable, Equatable {
        case account
        /// Every SIM of the fleet, or the one with this iccid.
        case sims(iccid: String?)

        /// The level as part of a memo key (string interpolation of an enum goes through reflection).
        var memoKey: String {
            switch self {
            case .account: "account"
            case .sims(nil): "sims"
            case .sims(let iccid?): "sim:" + iccid
            }
        }
    }

    /// One aggregate row before it becomes wire JSON.
    struct AggregateRow: Sendable {
        let iccid: String?
        let markerValue: String?
        let upload: Int64
        let download: Int64
        let sortValue: Int64
        let key: String
    }

    let database: SandboxDatabase
    let settings: MasonSettings
    /// Answered aggregate pages as JSON: Mason data is read-only between resets, so a page, once computed, is served
    /// from memory (no thread hop to SQLite, no encoding). Bounded; ``Sandbox/reset()`` clears it.
    let memo: MasonAggregateMemo
    /// Months whose usage rows are known to exist (see ``MasonFixtures/materialize(_:month:)``); cleared on reset.
    let months: Months

    init(database: SandboxDatabase, settings: MasonSettings, memory: InMemoryState) {
        self.database = database
        self.settings = settings
        memo = MasonAggregateMemo(registeringWith: memory)
        months = memory.register(Months())
    }

    final class Months: ResettableState {
        private struct State {
            /// Every month with days in the data, read once.
            var available: [Int]?
            var done: Set<Int> = []
        }

        private let state = Mutex(State())

        func available(_ read: () async throws -> [Int]) async throws -> [Int] {
            if let known = state.withLock({ $0.available }) { return known }
            let months = try await read()
            // None means the calendar is not loaded yet (a reset between erasing and reloading): ask again later.
            if !months.isEmpty { state.withLock { $0.available = months } }
            return months
        }

        func missing(_ months: [Int]) -> [Int] {
            state.withLock { state in months.filter { !state.done.contains($0) } }
        }
        func insert(_ months: [Int]) { state.withLock { $0.done.formUnion(months) } }
        func reset() { state.withLock { $0 = State() } }
        var count: Int { state.withLock { $0.done.count + ($0.available == nil ? 0 : 1) } }
    }

    /// Makes sure the usage rows of `months` (`yyyymm`) exist, writing the missing ones.
    func ensure(months wanted: [Int]) async throws {
        let missing = months.missing(wanted)
        guard !missing.isEmpty else { return }
        let made = try await database.writer.write { db in
            try missing.filter { month in try MasonFixtures.materialize(db, month: month) }
        }
        months.insert(made)
    }

    /// Makes sure the usage rows of every month that days `[start, end)` touch exist.
    func ensure(startDay: Int, endDay: Int) async throws {
        guard endDay > startDay else { return }
        let first = MasonDay.components(startDay)
        let last = MasonDay.components(endDay - 1)
        let range = (first.year * 100 + first.month)...(last.year * 100 + last.month)
        let available = try await months.available {
            try await database.writer.read { db in
                try Int.fetchAll(db, sql: "SELECT DISTINCT month FROM masonDay ORDER BY month")
            }
        }
        try await ensure(months: available.filter(range.contains))
    }

    /// The id of fleet `slug`; throws 404 when the fleet does not exist.
    static func fleetID(_ db: Database, slug: String) throws -> Int64 {
        guard let fleet = try Fleet.filter(Column("slug") == slug).fetchOne(db) else {
            throw MasonAPIError.notFound("fleet '\(slug)' not found")
        }
        return fleet.id
    }

    /// The id of SIM `iccid` in fleet `fleetID`; throws 404 when the fleet has no such SIM.
    static func simID(_ db: Database, iccid: String, fleetID: Int64, fleet: String) throws -> Int64 {
        guard let sim = try Sim.filter(Column("iccid") == iccid && Column("fleetId") == fleetID).fetchOne(db) else {
            throw MasonAPIError.notFound("SIM '\(iccid)' not found in fleet '\(fleet)'")
        }
        return sim.id
    }

    /// The aggregate usage of `level` for the month of `query.date`, one page of it.
    func aggregate(fleet: String, level: Level, query: MasonQuery.Aggregate) async throws -> MasonWire.AggregatePage {
        let fingerprint = MasonPageKey.fingerprint([
            fleet, level.memoKey, String(query.month), query.marker?.rawValue ?? "", query.order.rawValue,
            query.column.rawValue,
        ])
        let after = try query.after.map { text throws(MasonAPIError) in
            try MasonPageKey.decode(text, parameter: "after", query: fingerprint)
        }
        let before = try query.before.map { text throws(MasonAPIError) in
            try MasonPageKey.decode(text, parameter: "before", query: fingerprint)
        }
        try await ensure(months: [query.month])
        let rows = try await database.writer.read { db in
            let fleetID = try Self.fleetID(db, slug: fleet)
            var simID: Int64?
            if case .sims(let iccid?) = level {
                simID = try Self.simID(db, iccid: iccid, fleetID: fleetID, fleet: fleet)
            }
            return try Self.aggregateRows(
                db, fleetID: fleetID, simID: simID, level: level, query: query, cursor: after ?? before,
                backwards: before != nil)
        }
        let hasMore = rows.count > query.limit
        var page = Array(rows.prefix(query.limit))
        if before != nil { page.reverse() }
        let key = { (row: AggregateRow) in MasonPageKey(value: row.sortValue, key: row.key, query: fingerprint).encoded
        }
        let next: String
        let previous: String
        if before != nil {
            next = page.last.map(key) ?? ""
            previous = hasMore ? page.first.map(key) ?? "" : ""
        } else {
            next = hasMore ? page.last.map(key) ?? "" : ""
            previous = after != nil ? page.first.map(key) ?? "" : ""
        }
        let date = String(format: "%04d-%02d-01T00:00:00Z", query.month / 100, query.month % 100)
        let data = page.map { row in
            MasonWire.AggregateUsage(
                marker: query.marker.flatMap { marker in row.markerValue.map { .init(key: marker.rawValue, value: $0) }
                },
                sim: row.iccid.map { .init(iccid: $0) },
                usage: .init(upload: row.upload, download: row.download, date: date))
        }
        return MasonWire.AggregatePage(nextPage: next, prevPage: previous, data: data)
    }

    /// ``aggregate(fleet:level:query:)`` as the JSON body, remembered: Mason data does not change between resets.
    func aggregateJSON(fleet: String, level: Level, query: MasonQuery.Aggregate) async throws -> Data {
        let key = [
            fleet, level.memoKey, String(query.month), query.marker?.rawValue ?? "", query.order.rawValue,
            query.column.rawValue, query.after ?? "", query.before ?? "", String(query.limit),
        ].joined(separator: "\u{0}")
        if let known = memo.page(key) { return known }
        let body = try OrderedJSONEncoder.encode(try await aggregate(fleet: fleet, level: level, query: query))
        memo.remember(body, for: key)
        return body
    }

    private static func aggregateRows(
        _ db: Database, fleetID: Int64, simID: Int64?, level: Level, query: MasonQuery.Aggregate,
        cursor: MasonPageKey?, backwards: Bool
    ) throws -> [AggregateRow] {
        let marker = query.marker?.sqlExpression
        let markerColumn = marker ?? "NULL"
        let resourceKey: String
        let grouping: String
        var filters = ["m.month = :month", "s.fleetId = :fleet"]
        switch level {
        case .account:
            resourceKey = marker.map { "coalesce(\($0), '')" } ?? "''"
            grouping = marker.map { "GROUP BY \($0)" } ?? ""
            if let marker { filters.append("\(marker) IS NOT NULL") }
        case .sims:
            resourceKey = "s.iccid || char(31) || coalesce(\(markerColumn), '')"
            grouping = "GROUP BY s.id" + (marker.map { ", \($0)" } ?? "")
            if simID != nil { filters.append("s.id = :sim") }
        }
        // A whole fleet's month without a marker is the sum of its daily totals: a row per day, not per SIM.
        let source =
            level == .account && marker == nil
            ? "FROM masonDaily m WHERE m.fleetId = :fleet AND m.day IN (SELECT day FROM masonDay WHERE month = :month)"
            : """
            FROM masonMonthly m JOIN masonSim s ON s.id = m.simId
            \(marker == nil ? "" : "LEFT JOIN masonDevice d ON d.id = m.deviceId LEFT JOIN masonCarrier c ON c.id = m.carrierId")
            WHERE \(filters.joined(separator: " AND "))
            """
        let ascending = (query.order == .asc) != backwards
        let comparison = ascending ? ">" : "<"
        let keyComparison = backwards ? "<" : ">"
        let keyset =
            cursor == nil
            ? ""
            : "WHERE \(query.column.rawValue) \(comparison) :value OR (\(query.column.rawValue) = :value AND rkey \(keyComparison) :key)"
        // A page of every SIM without a marker reads each SIM's month in the order of the sort column.
        let rows =
            level == .sims(iccid: nil) && marker == nil
            ? """
            SELECT s.iccid || char(31) AS rkey, s.iccid AS iccid, NULL AS mval, s.upload AS upload,
                s.download AS download, s.total AS total
            FROM masonSimMonth s WHERE s.month = :month AND s.fleetId = :fleet
            """
            : """
            SELECT \(resourceKey) AS rkey, \(level == .account ? "NULL" : "s.iccid") AS iccid, \(markerColumn) AS mval,
                coalesce(sum(m.upload), 0) AS upload, coalesce(sum(m.download), 0) AS download,
                coalesce(sum(m.upload), 0) + coalesce(sum(m.download), 0) AS total
            \(source)
            \(grouping)
            """
        let sql = """
            SELECT * FROM (
                \(rows)
            ) \(keyset)
            ORDER BY \(query.column.rawValue) \(ascending ? "ASC" : "DESC"), rkey \(backwards ? "DESC" : "ASC")
            LIMIT :limit
            """
        var arguments: StatementArguments = [
            "month": query.month, "fleet": fleetID, "limit": query.limit + 1,
        ]
        if let simID { arguments += ["sim": simID] }
        if let cursor { arguments += ["value": cursor.value, "key": cursor.key] }
        return try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map { row in
            let upload: Int64 = row["upload"]
            let download: Int64 = row["download"]
            let sortValue: Int64 = row[query.column.rawValue]
            return AggregateRow(
                iccid: row["iccid"], markerValue: row["mval"], upload: upload, download: download,
                sortValue: sortValue, key: row["rkey"])
        }
    }

    /// Daily usage over `[start, end)` for the fleet, or one SIM, optionally only where a marker has a value.
    func series(fleet: String, iccid: String?, query: MasonQuery.Series) async throws -> MasonWire.SeriesPage {
        try await ensure(startDay: query.startDay, endDay: query.endDay)
        return try await database.writer.read { db in
            let fleetID = try Self.fleetID(db, slug: fleet)
            if iccid == nil && query.marker == nil {
                return try Self.fleetSeries(db, fleetID: fleetID, query: query)
            }
            var filters = ["s.fleetId = :fleet", "u.day >= :start", "u.day < :end"]
            var arguments: StatementArguments = ["fleet": fleetID, "start": query.startDay, "end": query.endDay]
            if let iccid {
                arguments += ["sim": try Self.simID(db, iccid: iccid, fleetID: fleetID, fleet: fleet)]
                filters.append("u.simId = :sim")
            }
            var joins = ""
            if let marker = query.marker, let value = query.markerValue {
                joins = "LEFT JOIN masonDevice d ON d.id = u.deviceId LEFT JOIN masonCarrier c ON c.id = u.carrierId"
                filters.append("\(marker.sqlExpression) = :markerValue")
                arguments += ["markerValue": value]
            }
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT u.day, sum(u.upload) AS upload, sum(u.download) AS download
                        FROM masonUsage u JOIN masonSim s ON s.id = u.simId \(joins)
                        WHERE \(filters.joined(separator: " AND "))
                        GROUP BY u.day ORDER BY u.day
                        """),
                arguments: arguments)
            return MasonWire.SeriesPage(
                data: rows.map { row in
                    MasonWire.SeriesRow(
                        day: MasonDay.timestamp(row["day"]), upload: row["upload"], download: row["download"])
                })
        }
    }

    /// A whole fleet's series without a marker, from the daily totals made with each month.
    private static func fleetSeries(_ db: Database, fleetID: Int64, query: MasonQuery.Series) throws
        -> MasonWire.SeriesPage
    {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT day, upload, download FROM masonDaily
                    WHERE fleetId = ? AND day >= ? AND day < ? ORDER BY day
                    """),
            arguments: [fleetID, query.startDay, query.endDay])
        return MasonWire.SeriesPage(
            data: rows.map { row in
                MasonWire.SeriesRow(
                    day: MasonDay.timestamp(row["day"]), upload: row["upload"], download: row["download"])
            })
    }
}
