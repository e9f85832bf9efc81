import Foundation
import UsageClients

/// Records a Mason fleet's daily usage per SIM over a date range, with the device and carrier of each day.
///
/// Mason has no list of SIMs or devices, so the recording reads what the usage API shows: each month's SIM
/// aggregates (plain, then grouped by each device and carrier marker) name the SIMs and the marker values each had;
/// a SIM's series gives its days; where a SIM had more than one value of a marker (or days without a device), a
/// series filtered by each value says which days had it. Each SIM's result is appended to
/// `.record/mason-sims.jsonl` as it completes, so a stopped recording resumes with the SIMs it lacks.
struct MasonRecorder {
    static let markers: [MasonMarker] = [
        .deviceUUID, .deviceType, .deviceGroup, .imei, .incremental, .mncMcc, .carrier,
    ]

    /// What the month aggregates said: the SIMs, each SIM's values per marker, and the markers it lacked some days.
    struct Plan: Codable {
        var sims: [String] = []
        var values: [String: [String: [String]]] = [:]
        var unmarked: [String: [String]] = [:]
    }

    /// One SIM's recorded days: `markers` maps a marker key to that day's value.
    struct SIMRecord: Codable {
        struct Day: Codable {
            let day: String
            let upload: Int64
            let download: Int64
            let markers: [String: String]
        }
        let iccid: String
        let days: [Day]
    }

    let client: MasonClient
    let fleet: String
    let start: Date
    let end: Date
    let concurrency: Int
    let state: RecordState
    let progress: RecordProgress

    func record() async throws {
        progress.begin("mason", unit: "SIMs")
        let plan = try await loadOrMakePlan()
        let logPath = state.path("mason-sims.jsonl")
        var done = Self.readLog(logPath)
        let pending = plan.sims.filter { done[$0] == nil }
        progress.expect(plan.sims.count, done: plan.sims.count - pending.count)
        let log = try SIMLog(path: logPath)
        try await withThrowingTaskGroup(of: SIMRecord.self) { group in
            var next = pending.makeIterator()
            for _ in 0..<concurrency {
                guard let iccid = next.next() else { break }
                group.addTask { try await recordSIM(iccid, plan: plan) }
            }
            while let record = try await group.next() {
                try await log.append(record)
                done[record.iccid] = record
                progress.advance()
                if let iccid = next.next() { group.addTask { try await recordSIM(iccid, plan: plan) } }
            }
        }
        try await log.close()
        let records = plan.sims.compactMap { done[$0] }
        try write(records)
        progress.finish("\(records.count) SIMs, \(records.reduce(0) { $0 + $1.days.count }) SIM-days")
    }

    /// The month aggregates of every month the range touches, read once and kept in `.record/mason-plan.json`.
    private func loadOrMakePlan() async throws -> Plan {
        let path = state.path("mason-plan.json")
        if let data = FileManager.default.contents(atPath: path),
            let plan = try? JSONDecoder().decode(Plan.self, from: data)
        {
            return plan
        }
        var sims = Set<String>()
        var values: [String: [String: Set<String>]] = [:]
        var unmarked: [String: Set<String>] = [:]
        for month in months() {
            for try await row in client.simUsages(month: month, limit: 1_000) {
                if let iccid = row.sim?.iccid { sims.insert(iccid) }
            }
            for marker in Self.markers {
                for try await row in client.simUsages(month: month, marker: marker, limit: 1_000) {
                    guard let iccid = row.sim?.iccid else { continue }
                    if let value = row.marker?.value {
                        values[iccid, default: [:]][marker.rawValue, default: []].insert(value)
                    } else {
                        unmarked[iccid, default: []].insert(marker.rawValue)
                    }
                }
            }
        }
        let plan = Plan(
            sims: sims.sorted(), values: values.mapValues { $0.mapValues { $0.sorted() } },
            unmarked: unmarked.mapValues { $0.sorted() })
        try RecordFiles.writeJSON(plan, "mason-plan.json", in: state.root)
        return plan
    }

    /// The first instant of each month from `start`'s to the last day's.
    private func months() -> [Date] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        var month = calendar.date(from: calendar.dateComponents([.year, .month], from: start)) ?? start
        var months: [Date] = []
        while month < end {
            months.append(month)
            month = calendar.date(byAdding: .month, value: 1, to: month) ?? end
        }
        return months
    }

    private func recordSIM(_ iccid: String, plan: Plan) async throws -> SIMRecord {
        let days = try await client.simSeries(iccid: iccid, start: start, end: end)
        var markers: [String: [String: String]] = [:]
        for marker in Self.markers {
            let values = plan.values[iccid]?[marker.rawValue] ?? []
            if values.count == 1, !(plan.unmarked[iccid] ?? []).contains(marker.rawValue) {
                for day in days { markers[day.day, default: [:]][marker.rawValue] = values[0] }
                continue
            }
            for value in values {
                let marked = try await client.simSeries(
                    iccid: iccid, start: start, end: end, marker: marker, markerValue: value)
                for day in marked { markers[day.day, default: [:]][marker.rawValue] = value }
            }
        }
        return SIMRecord(
            iccid: iccid,
            days: days.map { day in
                .init(
                    day: String(day.day.prefix(10)), upload: day.upload, download: day.download,
                    markers: markers[day.day] ?? [:])
            })
    }

    /// The SIMs already recorded; a line cut short by a kill is skipped (that SIM is read again).
    private static func readLog(_ path: String) -> [String: SIMRecord] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var records: [String: SIMRecord] = [:]
        for line in data.split(separator: UInt8(ascii: "\n")) {
            if let record = try? JSONDecoder().decode(SIMRecord.self, from: Data(line)) {
                records[record.iccid] = record
            }
        }
        return records
    }

    /// Writes `mason/sims.json`, `devices.json`, `carriers.json` and `usage.csv` into the raw folder.
    private func write(_ records: [SIMRecord]) throws {
        var devices: [String: [String: String]] = [:]
        var carriers: [String: String] = [:]
        var rows = [["iccid", "day", "upload", "download", "total", "device-uuid", "mnc-mcc"]]
        for record in records {
            for day in record.days {
                let uuid = day.markers[MasonMarker.deviceUUID.rawValue] ?? ""
                let carrier = day.markers[MasonMarker.mncMcc.rawValue] ?? ""
                if !uuid.isEmpty, devices[uuid] == nil {
                    devices[uuid] = [
                        "device-uuid": uuid, "device-type": day.markers["device-type"] ?? "",
                        "device-group": day.markers["device-group"] ?? "", "imei": day.markers["imei"] ?? "",
                        "incremental": day.markers["incremental"] ?? "",
                    ]
                }
                if !carrier.isEmpty, carriers[carrier] == nil { carriers[carrier] = day.markers["carrier"] ?? "" }
                rows.append([
                    record.iccid, day.day, String(day.upload), String(day.download), String(day.upload + day.download),
                    uuid, carrier,
                ])
            }
        }
        let folder = state.raw
        try RecordFiles.writeJSON(records.map { ["fleet": fleet, "iccid": $0.iccid] }, "mason/sims.json", in: folder)
        try RecordFiles.writeJSON(devices.keys.sorted().compactMap { devices[$0] }, "mason/devices.json", in: folder)
        try RecordFiles.writeJSON(
            carriers.keys.sorted().map { key in
                let parts = key.split(separator: "-", maxSplits: 1).map(String.init)
                return [
                    "carrier": carriers[key] ?? "", "mnc": parts.first ?? "", "mcc": parts.count > 1 ? parts[1] : "",
                ]
            }, "mason/carriers.json", in: folder)
        try RecordFiles.writeCSV(rows, "mason/usage.csv", in: folder)
    }
}
