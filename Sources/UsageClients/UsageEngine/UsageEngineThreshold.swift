import Foundation

/// A meter's threshold: a level of its value, as a percentage of its capacity or absolute, with the time the value
/// first reached it in the current period.
///
/// ```swift
/// let warn = UsageEngineThreshold(name: "Notify at 90%", capacityPercentage: 90)
/// ```
public struct UsageEngineThreshold: Sendable, Hashable, Codable {
    /// Its name.
    public var name: String
    /// The level as a percentage of the meter's capacity.
    public var capacityPercentage: Double?
    /// The level as an absolute value.
    public var absoluteValue: Double?
    /// The caller's own fields.
    public var customFields: [String: JSONValue]
    /// When the value reached the level in the current period; `nil` until then. Only the vendor sets it.
    public internal(set) var reachedAt: Date?

    /// A threshold at `capacityPercentage` percent of capacity or at `absoluteValue` (give one).
    public init(
        name: String, capacityPercentage: Double? = nil, absoluteValue: Double? = nil,
        customFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.capacityPercentage = capacityPercentage
        self.absoluteValue = absoluteValue
        self.customFields = customFields
    }

    enum CodingKeys: String, CodingKey {
        case name, capacityPercentage, absoluteValue, customFields, reachedAt
    }

    /// Decodes tolerantly: a missing or mistyped field becomes `nil` (or empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = container.tolerant(String.self, forKey: .name) ?? ""
        capacityPercentage = container.tolerant(Double.self, forKey: .capacityPercentage)
        absoluteValue = container.tolerant(Double.self, forKey: .absoluteValue)
        customFields = container.tolerant([String: JSONValue].self, forKey: .customFields) ?? [:]
        reachedAt = container.usageEngineDate(forKey: .reachedAt)
    }

    /// Encodes what a create or update sends: never `reachedAt`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(capacityPercentage, forKey: .capacityPercentage)
        try container.encodeIfPresent(absoluteValue, forKey: .absoluteValue)
        if !customFields.isEmpty { try container.encode(customFields, forKey: .customFields) }
    }
}

/// A meter's value split by the values of one usage field (`Genres`), one group per value.
public struct UsageEngineGroupBreakdown: Sendable, Hashable, Decodable {
    /// One value's share.
    public struct Group: Sendable, Hashable, Decodable {
        /// `Field:Value`.
        public let key: String
        /// The field and its value.
        public let fields: [String: String]
        /// The group's value in the current period.
        public let value: Double?

        enum CodingKeys: String, CodingKey { case key, fields, value }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            key = container.tolerant(String.self, forKey: .key) ?? ""
            fields = container.tolerant([String: String].self, forKey: .fields) ?? [:]
            value = container.tolerant(Double.self, forKey: .value)
        }
    }

    /// The usage field's name.
    public let name: String
    /// Its groups.
    public let groups: [Group]

    enum CodingKeys: String, CodingKey { case name, groups }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = container.tolerant(String.self, forKey: .name) ?? ""
        groups = container.tolerant([Group].self, forKey: .groups) ?? []
    }
}
