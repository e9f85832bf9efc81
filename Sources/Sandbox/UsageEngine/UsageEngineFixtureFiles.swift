import Foundation
import UsageJSON

/// Usage Engine's meter types and meters as files, in the API's own shapes, loaded into the demo Application
/// Access's account.
///
/// - `usage-engine/meter-types.json`: meter types as `GET /usage-metering/v1/meter-types` lists them (`accountId`
///   and `numberOfMeters` are written for reading and ignored when loading).
/// - `usage-engine/meters.json`: meters as `GET /usage-metering/v1/meters` lists them: `value`, `capacity`,
///   `thresholds`, `groupBreakdowns`, the current period and `customFields` (`meterTypeName`, `unit`,
///   `carryFirst` and `carryLast` are written for reading and ignored when loading).
enum UsageEngineFixtureFiles {
    static let meterTypesFile = "usage-engine/meter-types.json"
    static let metersFile = "usage-engine/meters.json"

    /// A meter type as the file holds it.
    struct MeterType: Decodable {
        let id: String
        let name: String
        let description: String?
        let unit: String?
        let category: String?
        let aggregation: UsageEngineWire.Aggregation
        let resetSchedule: UsageEngineMeterType.ResetSchedule
        let timezone: String
        let activeFrom: String
        let activeTo: String?
        let externalRef: String?
        let capacity: Double?
        let thresholds: [UsageEngineThreshold]?
        let createdAt: String
        let updatedAt: String

        func record(tenant: String) -> UsageEngineMeterType {
            UsageEngineMeterType(
                id: id, tenant: tenant, name: name, description: description, unit: unit, category: category,
                aggregation: aggregation.type, resetSchedule: resetSchedule, timezone: timezone,
                activeFrom: activeFrom, activeTo: activeTo, externalRef: externalRef, capacity: capacity,
                thresholds: thresholds ?? [], createdAt: createdAt, updatedAt: updatedAt)
        }
    }

    /// A meter as the file holds it.
    struct Meter: Decodable {
        let id: String
        let meterTypeId: String
        let userId: String
        let meterKey: String
        let value: Double
        let periodStart: String
        let periodEnd: String?
        let groupBreakdowns: [UsageEngineGroupBreakdown]?
        let capacity: Double?
        let thresholds: [UsageEngineThreshold]?
        let customFields: [String: JSONValue]?
        let deleteOnReset: Bool
        let timezone: String?
        let createdAt: String
        let updatedAt: String

        func record(tenant: String, type: UsageEngineMeterType) -> UsageEngineMeter {
            UsageEngineMeter(
                id: id, tenant: tenant, meterTypeId: meterTypeId, meterKey: meterKey, userId: userId,
                customFields: customFields ?? [:], deleteOnReset: deleteOnReset,
                createdAt: createdAt, updatedAt: updatedAt,
                value: value, capacity: capacity, thresholds: thresholds ?? [], groupBreakdowns: groupBreakdowns ?? [],
                timezone: timezone == type.timezone ? nil : timezone,
                periodStart: periodStart, periodEnd: periodEnd)
        }
    }

    /// Both files' records, ready for an account.
    struct Account: Sendable, Equatable {
        var meterTypes: [UsageEngineMeterType] = []
        var meters: [UsageEngineMeter] = []
    }

    /// The meter types and meters in `directory` for account `tenant`, or `nil` when it has no
    /// `usage-engine/meter-types.json`.
    static func load(from directory: String, tenant: String) throws -> Account? {
        let typesPath = FixtureJSON.path(directory, meterTypesFile)
        guard FileManager.default.fileExists(atPath: typesPath) else { return nil }
        let metersPath = FixtureJSON.path(directory, metersFile)
        let types = try FixtureJSON.decodeArray(MeterType.self, at: typesPath)
        let meters = try FixtureJSON.decodeArray(Meter.self, at: metersPath, optional: true)
        try FixtureJSON.requireUnique(types.map(\.id), at: typesPath, field: "id")
        try FixtureJSON.requireUnique(types.map(\.name), at: typesPath, field: "name")
        try FixtureJSON.requireUnique(meters.map(\.id), at: metersPath, field: "id")
        for (index, type) in types.enumerated()
        where !["sum", "increment", "max", "last"].contains(type.aggregation.type) {
            throw FixtureError(
                path: typesPath, field: "[\(index)].aggregation.type",
                expected: "sum, increment, max or last, got '\(type.aggregation.type)'")
        }
        var account = Account(meterTypes: types.map { $0.record(tenant: tenant) })
        let byID = Dictionary(uniqueKeysWithValues: account.meterTypes.map { ($0.id, $0) })
        for (index, meter) in meters.enumerated() {
            guard let type = byID[meter.meterTypeId] else {
                throw FixtureError(
                    path: metersPath, field: "[\(index)].meterTypeId",
                    expected: "the id of a meter type in \(meterTypesFile), got '\(meter.meterTypeId)'")
            }
            account.meters.append(meter.record(tenant: tenant, type: type))
        }
        return account
    }

    /// Writes `account` in the format ``load(from:tenant:)`` reads, in the order given.
    static func write(_ account: Account, to directory: String) throws {
        try FileManager.default.createDirectory(
            atPath: FixtureJSON.path(directory, "usage-engine"), withIntermediateDirectories: true)
        let counts = Dictionary(account.meters.map { ($0.meterTypeId, 1) }, uniquingKeysWith: +)
        try FixtureJSON.write(
            account.meterTypes.map { UsageEngineWire.MeterType(record: $0, numberOfMeters: counts[$0.id] ?? 0) },
            to: FixtureJSON.path(directory, meterTypesFile))
        let types = Dictionary(uniqueKeysWithValues: account.meterTypes.map { ($0.id, $0) })
        try FixtureJSON.write(
            account.meters.compactMap { meter in
                types[meter.meterTypeId].map { UsageEngineWire.Meter(record: meter, type: $0) }
            },
            to: FixtureJSON.path(directory, metersFile))
    }
}
