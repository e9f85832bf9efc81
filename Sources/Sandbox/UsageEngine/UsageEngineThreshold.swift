import Foundation
import UsageJSON

/// A meter's threshold: a level of `value`, as a share of the meter's `capacity` or absolute, stamped with
/// `reachedAt` (on the virtual clock) the first time the meter's value reaches it in a period.
///
/// The shape is the vendor's, from a meter exported from a real account:
/// `{"name":"Notify customer - default 50% of plan","capacityPercentage":50,"customFields":{…},"reachedAt":"…"}`.
struct UsageEngineThreshold: Codable, Sendable, Equatable {
    var name: String
    var capacityPercentage: Double?
    var absoluteValue: Double?
    var customFields: [String: JSONValue]
    var reachedAt: String?

    enum CodingKeys: String, CodingKey {
        case name, capacityPercentage, absoluteValue, customFields, reachedAt
    }

    /// Encoded in the vendor's order; `capacityPercentage`, `absoluteValue` and `reachedAt` only when set.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(capacityPercentage, forKey: .capacityPercentage)
        try c.encodeIfPresent(absoluteValue, forKey: .absoluteValue)
        try c.encode(UsageEngineWire.SortedObject(customFields), forKey: .customFields)
        try c.encodeIfPresent(reachedAt, forKey: .reachedAt)
    }

    /// The value at which the threshold is reached, or `nil` for a percentage without a capacity.
    func level(capacity: Double?) -> Double? {
        if let absoluteValue { return absoluteValue }
        guard let capacityPercentage, let capacity else { return nil }
        return capacity * capacityPercentage / 100
    }

    /// The thresholds in a request body (`thresholds`), each checked; a problem is a 400 naming the field.
    static func parse(_ value: JSONValue, capacity: Double?) throws -> [Self] {
        guard case .array(let items) = value else {
            throw UsageEngineAPIError.badRequest("thresholds must be an array")
        }
        guard items.count <= 50 else {
            throw UsageEngineAPIError.badRequest("thresholds may have at most 50 entries, got \(items.count)")
        }
        return try items.enumerated().map { index, item in
            let field = "thresholds[\(index)]"
            guard case .object(let object) = item else {
                throw UsageEngineAPIError.badRequest("\(field) must be an object")
            }
            guard case .string(let name)? = object["name"], !name.isEmpty, name.utf8.count <= 256 else {
                throw UsageEngineAPIError.badRequest("\(field).name is required: a string of 1 to 256 bytes")
            }
            let percentage = try number(object["capacityPercentage"], field: "\(field).capacityPercentage")
            let absolute = try number(object["absoluteValue"], field: "\(field).absoluteValue")
            guard (percentage == nil) != (absolute == nil) else {
                throw UsageEngineAPIError.badRequest(
                    "\(field) needs exactly one of capacityPercentage and absoluteValue")
            }
            if percentage != nil, capacity == nil {
                throw UsageEngineAPIError.badRequest(
                    "\(field).capacityPercentage needs the meter's capacity; set capacity or use absoluteValue")
            }
            var fields: [String: JSONValue] = [:]
            if let custom = object["customFields"] {
                guard case .object(let custom) = custom else {
                    throw UsageEngineAPIError.badRequest("\(field).customFields must be an object")
                }
                try UsageEngineMeter.checkCustomFields(custom, field: "\(field).customFields")
                fields = custom
            }
            return Self(
                name: name, capacityPercentage: percentage, absoluteValue: absolute, customFields: fields,
                reachedAt: nil)
        }
    }

    private static func number(_ value: JSONValue?, field: String) throws -> Double? {
        switch value {
        case nil, .null?: return nil
        case .number(let number)? where number.isFinite && number >= 0 && number <= 1e15: return number
        default: throw UsageEngineAPIError.badRequest("\(field) must be a number from 0 to 1e15")
        }
    }
}

/// One `groupBreakdowns` entry: the meter's value split by the values of one usage field.
///
/// The vendor's shape: `{"name":"Genres","groups":[{"key":"Genres:Comedy","fields":{"Genres":"Comedy"},"value":9,
/// "carryFirst":{},"carryLast":{}}]}`.
struct UsageEngineGroupBreakdown: Codable, Sendable, Equatable {
    struct Group: Codable, Sendable, Equatable {
        var key: String
        var fields: [String: String]
        var value: Double

        enum CodingKeys: String, CodingKey {
            case key, fields, value, carryFirst, carryLast
        }

        init(key: String, fields: [String: String], value: Double) {
            self.key = key
            self.fields = fields
            self.value = value
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            key = try c.decode(String.self, forKey: .key)
            fields = try c.decode([String: String].self, forKey: .fields)
            value = try c.decode(Double.self, forKey: .value)
        }

        /// Sandbox choice: `carryFirst` and `carryLast` are always `{}` (what the vendor's carry fields hold is
        /// not documented; the exported meters show them empty).
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(UsageEngineWire.SortedObject(fields.mapValues(JSONValue.string)), forKey: .fields)
            try c.encode(value, forKey: .value)
            try c.encode(UsageEngineWire.SortedObject([:]), forKey: .carryFirst)
            try c.encode(UsageEngineWire.SortedObject([:]), forKey: .carryLast)
        }
    }

    var name: String
    var groups: [Group]
}
