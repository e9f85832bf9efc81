import Foundation
import UsageJSON

/// Usage Engine's wire types: what the token endpoint and the metering API send and accept.
enum UsageEngineWire {
    /// `POST /authentication/v1/oauth/token`'s answer, keys in the vendor's order.
    struct AccessToken: Encodable, Sendable {
        let accessToken: String
        let scope: String
        let expiresIn: Int
        var tokenType = "Bearer"

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case scope
            case expiresIn = "expires_in"
            case tokenType = "token_type"
        }
    }

    /// `GET /usage-metering/v1/meter-types`.
    struct MeterTypeList: Encodable, Sendable {
        let meterTypes: [MeterType]
    }

    /// `GET /usage-metering/v1/meters`.
    struct MeterList: Encodable, Sendable {
        let meters: [Meter]
    }

    /// A meter type, every field present (unset ones `null`), keys in the alphabetical order of the vendor's
    /// list example.
    struct MeterType: Encodable, Sendable {
        let record: UsageEngineMeterType
        let numberOfMeters: Int

        enum CodingKeys: String, CodingKey {
            case accountId, activeFrom, activeTo, aggregation, capacity, category, createdAt, description, externalRef
            case id, name, numberOfMeters, resetSchedule, thresholds, timezone, unit, updatedAt
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(record.tenant, forKey: .accountId)
            try c.encode(record.activeFrom, forKey: .activeFrom)
            try c.encode(record.activeTo, forKey: .activeTo)
            try c.encode(Aggregation(type: record.aggregation), forKey: .aggregation)
            try c.encode(record.capacity, forKey: .capacity)
            try c.encode(record.category, forKey: .category)
            try c.encode(record.createdAt, forKey: .createdAt)
            try c.encode(record.description, forKey: .description)
            try c.encode(record.externalRef, forKey: .externalRef)
            try c.encode(record.id, forKey: .id)
            try c.encode(record.name, forKey: .name)
            try c.encode(numberOfMeters, forKey: .numberOfMeters)
            try c.encode(record.resetSchedule, forKey: .resetSchedule)
            try c.encode(record.thresholds, forKey: .thresholds)
            try c.encode(record.timezone, forKey: .timezone)
            try c.encode(record.unit, forKey: .unit)
            try c.encode(record.updatedAt, forKey: .updatedAt)
        }
    }

    /// A meter in the shape of a meter exported from a real Usage Engine account (`meter_reset.json`), keys in that
    /// order: its current period (`periodStart`, `periodEnd`, UTC with milliseconds and `Z`), `value`, `capacity`,
    /// `thresholds` and `groupBreakdowns`, with `meterTypeName` and `unit` read live from its type.
    ///
    /// Sandbox choice: the fields the sandbox emitted before this shape was known (`accountId`, `activeFrom`,
    /// `activeTo`, `aggregation`, `resetSchedule`) are not sent: the vendor's prose says a meter inherits them from its
    /// type, and its exported meters do not carry them. `carryFirst` and `carryLast` are always `{}`.
    struct Meter: Encodable, Sendable {
        let record: UsageEngineMeter
        let type: UsageEngineMeterType

        enum CodingKeys: String, CodingKey {
            case id, meterTypeId, meterTypeName, userId, meterKey, value, unit, periodStart, periodEnd
            case groupBreakdowns, capacity, thresholds, carryFirst, carryLast, customFields, deleteOnReset
            case timezone, createdAt, updatedAt
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(record.id, forKey: .id)
            try c.encode(record.meterTypeId, forKey: .meterTypeId)
            try c.encode(type.name, forKey: .meterTypeName)
            try c.encode(record.userId, forKey: .userId)
            try c.encode(record.meterKey, forKey: .meterKey)
            try c.encode(record.value, forKey: .value)
            try c.encode(type.unit, forKey: .unit)
            try c.encode(UsageEngineWire.utc(record.periodStart), forKey: .periodStart)
            try c.encode(record.periodEnd.map(UsageEngineWire.utc), forKey: .periodEnd)
            try c.encode(record.groupBreakdowns, forKey: .groupBreakdowns)
            try c.encode(record.capacity, forKey: .capacity)
            try c.encode(record.thresholds, forKey: .thresholds)
            try c.encode(SortedObject([:]), forKey: .carryFirst)
            try c.encode(SortedObject([:]), forKey: .carryLast)
            try c.encode(SortedObject(record.customFields), forKey: .customFields)
            try c.encode(record.deleteOnReset, forKey: .deleteOnReset)
            try c.encode(record.timezone ?? type.timezone, forKey: .timezone)
            try c.encode(UsageEngineWire.utc(record.createdAt), forKey: .createdAt)
            try c.encode(UsageEngineWire.utc(record.updatedAt), forKey: .updatedAt)
        }
    }

    struct Aggregation: Codable, Sendable {
        let type: String
    }

    /// A JSON object with its keys sorted at every level, so a response's bytes do not depend on dictionary hashing.
    struct SortedObject: Encodable, Sendable {
        let fields: [String: JSONValue]

        init(_ fields: [String: JSONValue]) {
            self.fields = fields
        }

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            for name in fields.keys.sorted() {
                guard let value = fields[name] else { continue }
                try c.encode(SortedValue(value), forKey: Key(stringValue: name))
            }
        }
    }

    /// A JSON value whose objects, at any depth, encode with sorted keys.
    struct SortedValue: Encodable, Sendable {
        let value: JSONValue

        init(_ value: JSONValue) {
            self.value = value
        }

        func encode(to encoder: any Encoder) throws {
            switch value {
            case .object(let object): try SortedObject(object).encode(to: encoder)
            case .array(let items):
                var c = encoder.unkeyedContainer()
                for item in items { try c.encode(SortedValue(item)) }
            default: try value.encode(to: encoder)
            }
        }
    }

    /// The body of `POST`, `PUT` and `PATCH` on meter types; which fields are required depends on the method.
    struct MeterTypeBody: Decodable, Sendable {
        struct Aggregation: Decodable, Sendable {
            let type: String?
        }

        struct ResetSchedule: Decodable, Sendable {
            let day: String?
            let hour: String?
            let minute: String?
            let month: String?
            let weekday: String?
        }

        let name: String?
        let description: String?
        let unit: String?
        let category: String?
        let aggregation: Aggregation?
        let resetSchedule: ResetSchedule?
        let timezone: String?
        let activeFrom: String?
        let activeTo: String?
        let externalRef: String?
        /// The capacity and thresholds the type's new meters start with (the vendor's provisioning example sends
        /// them on the type).
        let capacity: JSONValue?
        let thresholds: JSONValue?
    }

    /// The body of `POST`, `PUT` and `PATCH` on meters; which fields are required depends on the method.
    struct MeterBody: Decodable, Sendable {
        let userId: String?
        let meterKey: String?
        let meterTypeId: String?
        let customFields: [String: JSONValue]?
        let deleteOnReset: Bool?
        /// A number, or `null` to clear it.
        let capacity: JSONValue?
        let thresholds: JSONValue?
        let timezone: String?
    }

    /// A stored timestamp as meters carry it, UTC with milliseconds and `Z` (`2025-11-30T23:00:00.000Z`), whatever
    /// form it was stored in.
    static func utc(_ stored: String) -> String {
        SandboxTime.parse(stored).map(SandboxTime.format) ?? stored
    }

    /// A timestamp as meter types carry it: UTC with milliseconds and `+00:00`, `2023-07-26T09:00:15.690+00:00`.
    static func timestamp(_ date: Date) -> String {
        let text = SandboxTime.format(date)
        return text.hasSuffix("Z") ? text.dropLast() + "+00:00" : text
    }
}
