import Foundation

/// A meter: one customer's counter of one meter type, found by its meter key, in the shape of the vendor's exported
/// meters: its value in the current period, the period's bounds, capacity, thresholds and group breakdowns.
///
/// Every field but ``id`` is optional, and one of an unexpected type decodes as `nil`.
public struct UsageEngineMeter: Sendable, Hashable, Decodable, Identifiable {
    /// The meter's id.
    public let id: String
    /// The key the Meter processor finds the meter by.
    public let meterKey: String?
    /// Its meter type's id.
    public let meterTypeID: String?
    /// Its meter type's name.
    public let meterTypeName: String?
    /// The customer the meter counts for.
    public let userID: String?
    /// The value counted in the current period.
    public let value: Double?
    /// Its type's unit.
    public let unit: String?
    /// When the current period began.
    public let periodStart: Date?
    /// When the current period ends (the type's next reset in the meter's time zone).
    public let periodEnd: Date?
    /// The value split by usage fields.
    public let groupBreakdowns: [UsageEngineGroupBreakdown]
    /// The value the meter is sized for; percentage thresholds are relative to it.
    public let capacity: Double?
    /// The levels the value is watched for.
    public let thresholds: [UsageEngineThreshold]
    /// The caller's own fields: strings, numbers and booleans.
    public let customFields: [String: JSONValue]
    /// Whether the meter is deleted when it resets.
    public let deleteOnReset: Bool?
    /// The time zone its resets are read in (IANA, `Europe/Berlin`).
    public let timezone: String?
    /// When the meter was created.
    public let createdAt: Date?
    /// When it last changed.
    public let updatedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, meterKey, meterTypeId, meterTypeName, userId, value, unit, periodStart, periodEnd, groupBreakdowns
        case capacity, thresholds, customFields, deleteOnReset, timezone, createdAt, updatedAt
    }

    /// Decodes tolerantly: a missing, `null` or mistyped optional field becomes `nil` (or empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        meterKey = container.tolerant(String.self, forKey: .meterKey)
        meterTypeID = container.tolerant(String.self, forKey: .meterTypeId)
        meterTypeName = container.tolerant(String.self, forKey: .meterTypeName)
        userID = container.tolerant(String.self, forKey: .userId)
        value = container.tolerant(Double.self, forKey: .value)
        unit = container.tolerant(String.self, forKey: .unit)
        periodStart = container.usageEngineDate(forKey: .periodStart)
        periodEnd = container.usageEngineDate(forKey: .periodEnd)
        groupBreakdowns = container.tolerant([UsageEngineGroupBreakdown].self, forKey: .groupBreakdowns) ?? []
        capacity = container.tolerant(Double.self, forKey: .capacity)
        thresholds = container.tolerant([UsageEngineThreshold].self, forKey: .thresholds) ?? []
        customFields = container.tolerant([String: JSONValue].self, forKey: .customFields) ?? [:]
        deleteOnReset = container.tolerant(Bool.self, forKey: .deleteOnReset)
        timezone = container.tolerant(String.self, forKey: .timezone)
        createdAt = container.usageEngineDate(forKey: .createdAt)
        updatedAt = container.usageEngineDate(forKey: .updatedAt)
    }
}
