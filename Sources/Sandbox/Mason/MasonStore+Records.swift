import GRDB

extension MasonStore {
    /// A row of `masonFleet`.
    struct Fleet: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "masonFleet"
        var id: Int64
        var slug: String
    }

    /// A row of `masonDevice`: the Mason device a SIM sits in (id 0 is "none").
    struct Device: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "masonDevice"
        var id: Int64
        var uuid: String
        var type: String
        var groupName: String
        var imei: String
        var incremental: String
    }

    /// A row of `masonCarrier` (id 0 is "none").
    struct Carrier: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "masonCarrier"
        var id: Int64
        var name: String
        var mnc: String
        var mcc: String
    }

    /// A row of `masonSim`: a SIM of a fleet, the devices it sits in (`deviceA` before the 15th of a month,
    /// `deviceB` from it), its carriers and its typical daily bytes.
    struct Sim: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "masonSim"
        var id: Int64
        var fleetId: Int64
        var iccid: String
        var deviceA: Int64
        var deviceB: Int64
        var homeCarrier: Int64
        var roamCarrier: Int64
        var dailyBytes: Int64
    }
}
