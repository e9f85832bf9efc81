import Foundation

/// Mason's fleet and daily usage as files, so a team can serve its own fleet: `usage-sandbox fixtures --out DIR`
/// writes them, `usage-sandbox serve --fixtures DIR` loads them, `usage-sandbox record` fills them from the API.
///
/// - `mason/sims.json`: `[{"fleet": "default", "iccid": "8901…"}, …]`, the SIMs of every fleet.
/// - `mason/devices.json`: the Mason devices, keyed by the marker names Mason documents:
///   `{"device-uuid", "device-type", "device-group", "imei", "incremental"}`.
/// - `mason/carriers.json`: `{"carrier", "mnc", "mcc"}`; a usage row names its carrier by its `mnc-mcc` marker value.
/// - `mason/usage.csv`: `iccid,day,upload,download,total,device-uuid,mnc-mcc`, one row per SIM per day (bytes;
///   `total` must be `upload + download`; an empty `device-uuid` means the SIM was in no Mason device that day).
enum MasonFixtureFiles {
    static let simsFile = "mason/sims.json"
    static let devicesFile = "mason/devices.json"
    static let carriersFile = "mason/carriers.json"
    static let usageFile = "mason/usage.csv"
    static let usageColumns = ["iccid", "day", "upload", "download", "total", "device-uuid", "mnc-mcc"]

    /// A SIM of a fleet.
    struct SIM: Codable, Sendable, Equatable {
        let fleet: String
        let iccid: String
    }

    /// A Mason device, its fields named as the markers that report them.
    struct Device: Codable, Sendable, Equatable {
        let uuid: String
        let type: String
        let group: String
        let imei: String
        let incremental: String

        enum CodingKeys: String, CodingKey {
            case uuid = "device-uuid"
            case type = "device-type"
            case group = "device-group"
            case imei, incremental
        }
    }

    /// A mobile carrier.
    struct Carrier: Codable, Sendable, Equatable {
        let name: String
        let mnc: String
        let mcc: String

        enum CodingKeys: String, CodingKey {
            case name = "carrier"
            case mnc, mcc
        }

        /// The `mnc-mcc` marker value, which names the carrier in `usage.csv`.
        var key: String { mnc + "-" + mcc }
    }

    /// One SIM's usage on one day (a day number since 1970-01-01).
    struct Usage: Sendable, Equatable {
        let iccid: String
        let day: Int
        let upload: Int64
        let download: Int64
        /// `""` when the SIM was in no Mason device.
        let device: String
        /// The carrier's `mnc-mcc`.
        let carrier: String
    }

    /// Everything the four files hold.
    struct Fleet: Sendable, Equatable {
        var sims: [SIM] = []
        var devices: [Device] = []
        var carriers: [Carrier] = []
        var usage: [Usage] = []
    }

    /// The fleet in `directory`, or `nil` when it has no `mason/sims.json`.
    static func load(from directory: String) throws -> Fleet? {
        let simsPath = FixtureJSON.path(directory, simsFile)
        guard FileManager.default.fileExists(atPath: simsPath) else { return nil }
        var fleet = Fleet()
        fleet.sims = try FixtureJSON.decodeArray(SIM.self, at: simsPath)
        fleet.devices = try FixtureJSON.decodeArray(
            Device.self, at: FixtureJSON.path(directory, devicesFile), optional: true)
        fleet.carriers = try FixtureJSON.decodeArray(
            Carrier.self, at: FixtureJSON.path(directory, carriersFile), optional: true)
        try FixtureJSON.requireUnique(fleet.sims.map(\.iccid), at: simsPath, field: "iccid")
        try FixtureJSON.requireUnique(
            fleet.devices.map(\.uuid), at: FixtureJSON.path(directory, devicesFile), field: "device-uuid")
        try FixtureJSON.requireUnique(
            fleet.carriers.map(\.key), at: FixtureJSON.path(directory, carriersFile), field: "mnc, mcc")
        for (index, sim) in fleet.sims.enumerated() where sim.fleet.isEmpty || sim.iccid.isEmpty {
            throw FixtureError(
                path: simsPath, field: "[\(index)].\(sim.fleet.isEmpty ? "fleet" : "iccid")",
                expected: "a non-empty string")
        }
        fleet.usage = try loadUsage(
            at: FixtureJSON.path(directory, usageFile), sims: Set(fleet.sims.map(\.iccid)),
            devices: Set(fleet.devices.map(\.uuid)), carriers: Set(fleet.carriers.map(\.key)))
        return fleet
    }

    private static func loadUsage(at path: String, sims: Set<String>, devices: Set<String>, carriers: Set<String>)
        throws -> [Usage]
    {
        let rows = try FixtureCSV.rows(at: path, columns: usageColumns)
        var seen = Set<String>()
        return try rows.map { row in
            let iccid = row["iccid"]
            guard sims.contains(iccid) else {
                throw row.error("iccid", "the iccid of a SIM in \(simsFile), got '\(iccid)'")
            }
            guard let day = FixtureCSV.day(row["day"]) else {
                throw row.error("day", "a date such as 2020-08-01, got '\(row["day"])'")
            }
            let upload = try row.bytes("upload")
            let download = try row.bytes("download")
            let total = try row.bytes("total")
            guard total == upload + download else {
                throw row.error("total", "upload + download = \(upload + download), got \(total)")
            }
            let device = row["device-uuid"]
            guard device.isEmpty || devices.contains(device) else {
                throw row.error(
                    "device-uuid", "empty or the device-uuid of a device in \(devicesFile), got '\(device)'")
            }
            let carrier = row["mnc-mcc"]
            guard carrier.isEmpty || carriers.contains(carrier) else {
                throw row.error("mnc-mcc", "empty or the mnc-mcc of a carrier in \(carriersFile), got '\(carrier)'")
            }
            guard seen.insert(iccid + "\u{0}" + String(day)).inserted else {
                throw row.error("day", "one row per SIM and day; \(iccid) on \(row["day"]) repeats")
            }
            return Usage(iccid: iccid, day: day, upload: upload, download: download, device: device, carrier: carrier)
        }
    }

    /// Writes `fleet` in the format ``load(from:)`` reads, in the order given.
    static func write(_ fleet: Fleet, to directory: String) throws {
        try FileManager.default.createDirectory(
            atPath: FixtureJSON.path(directory, "mason"), withIntermediateDirectories: true)
        try FixtureJSON.write(fleet.sims, to: FixtureJSON.path(directory, simsFile))
        try FixtureJSON.write(fleet.devices, to: FixtureJSON.path(directory, devicesFile))
        try FixtureJSON.write(fleet.carriers, to: FixtureJSON.path(directory, carriersFile))
        let rows = fleet.usage.map { usage in
            [
                usage.iccid, FixtureCSV.day(usage.day), String(usage.upload), String(usage.download),
                String(usage.upload + usage.download), usage.device, usage.carrier,
            ]
        }
        try FixtureCSV.write(header: usageColumns, rows: rows, to: FixtureJSON.path(directory, usageFile))
    }
}
