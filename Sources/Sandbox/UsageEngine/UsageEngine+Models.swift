import Foundation

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
            case accountId, activeFrom, activeTo, aggregation, category, createdAt, description, externalRef, id
            case name, numberOfMeters, resetSchedule, timezone, unit, updatedAt
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(record.tenant, forKey: .accountId)
            try c.encode(record.activeFrom, forKey: .activeFrom)
            try c.encode(record.activeTo, forKey: .activeTo)
            try c.encode(Aggregation(type: record.aggregation), forKey: .aggregation)
            try c.encode(record.category, forKey: .category)
            try c.encode(record.createdAt, forKey: .createdAt)
            try c.encode(record.description, forKey: .description)
            try c.encode(record.externalRef, forKey: .externalRef)
            try c.encode(record.id, forKey: .id)
            try c.encode(record.name, forKey: .name)
            try c.encode(numberOfMeters, forKey: .numberOfMeters)
            try c.encode(record.resetSchedule, forKey: .resetSchedule)
            try c.encode(record.timezone, forKey: .timezone)
            try c.encode(record.unit, forKey: .unit)
            try c.encode(record.updatedAt, forKey: .updatedAt)
        }
    }

    /// A meter with what it inherits from its type (`activeFrom`, `activeTo`, `aggregation`, `resetSchedule`,
    /// `unit`), keys in alphabetical order like meter types. Sandbox choice: the inherited fields are read from the
    /// type on every request, so updating a type updates its meters.
    struct Meter: Encodable, Sendable {
        let record: UsageEngineMeter
        let type: UsageEngineMeterType

        enum CodingKeys: String, CodingKey {
            case accountId, activeFrom, activeTo, aggregation, createdAt, customFields, deleteOnReset, id, meterKey
            case meterTypeId, resetSchedule, unit, updatedAt, userId
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(record.tenant, forKey: .accountId)
            try c.encode(type.activeFrom, forKey: .activeFrom)
            try c.encode(type.activeTo, forKey: .activeTo)
            try c.encode(Aggregation(type: type.aggregation), forKey: .aggregation)
            try c.encode(record.createdAt, forKey: .createdAt)
            try c.encode(SortedFields(fields: record.customFields), forKey: .customFields)
            try c.encode(record.deleteOnReset, forKey: .deleteOnReset)
            try c.encode(record.id, forKey: .id)
            try c.encode(record.meterKey, forKey: .meterKey)
            try c.encode(record.meterTypeId, forKey: .meterTypeId)
            try c.encode(type.resetSchedule, forKey: .resetSchedule)
            try c.encode(type.unit, forKey: .unit)
            try c.encode(record.updatedAt, forKey: .updatedAt)
            try c.encode(record.userId, forKey: .userId)
        }
    }

    struct Aggregation: Codable, Sendable {
        let type: String
    }

    /// String fields in key order, so a response's bytes do not depend on dictionary hashing.
    struct SortedFields: Encodable, Sendable {
        let fields: [String: String]

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            for name in fields.keys.sorted() { try c.encode(fields[name], forKey: Key(stringValue: name)) }
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
    }

    /// The body of `POST`, `PUT` and `PATCH` on meters; which fields are required depends on the method.
    struct MeterBody: Decodable, Sendable {
        let userId: String?
        let meterKey: String?
        let meterTypeId: String?
        let customFields: [String: String]?
        let deleteOnReset: Bool?
    }

    /// A timestamp as the vendor writes it: UTC with milliseconds and `+00:00`, `2023-07-26T09:00:15.690+00:00`.
    static func timestamp(_ date: Date) -> String {
        let text = SandboxTime.format(date)
        return text.hasSuffix("Z") ? text.dropLast() + "+00:00" : text
    }
}
