import Foundation

/// A meter: one customer's counter of one meter type, found by its meter key.
///
/// Unit, aggregation, reset schedule and active period are its type's. Every field but ``id`` is optional, and one
/// of an unexpected type decodes as `nil`.
public struct UsageEngineMeter: Sendable, Hashable, Decodable, Identifiable {
    /// The meter's id.
    public let id: String
    /// The key the Meter processor finds the meter by.
    public let meterKey: String?
    /// Its meter type's id.
    public let meterTypeID: String?
    /// The customer the meter counts for.
    public let userID: String?
    /// The caller's own fields.
    public let customFields: [String: String]
    /// Whether the meter is deleted when it resets.
    public let deleteOnReset: Bool?
    /// Its type's unit.
    public let unit: String?
    /// Its type's aggregation.
    public let aggregation: UsageEngineMeterAggregation?
    /// Its type's reset schedule.
    public let resetSchedule: UsageEngineMeterResetSchedule?
    /// When it starts counting.
    public let activeFrom: Date?
    /// When it stops, if ever.
    public let activeTo: Date?
    /// The Usage Engine account.
    public let accountID: String?
    /// When the meter was created.
    public let createdAt: Date?
    /// When it last changed.
    public let updatedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, meterKey, meterTypeId, userId, customFields, deleteOnReset, unit, aggregation, resetSchedule
        case activeFrom, activeTo, accountId, createdAt, updatedAt
    }

    /// Decodes tolerantly: a missing, `null` or mistyped optional field becomes `nil` (or empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        meterKey = container.tolerant(String.self, forKey: .meterKey)
        meterTypeID = container.tolerant(String.self, forKey: .meterTypeId)
        userID = container.tolerant(String.self, forKey: .userId)
        customFields = container.tolerant([String: String].self, forKey: .customFields) ?? [:]
        deleteOnReset = container.tolerant(Bool.self, forKey: .deleteOnReset)
        unit = container.tolerant(String.self, forKey: .unit)
        aggregation = container.tolerant(UsageEngineMeterAggregation.self, forKey: .aggregation)
        resetSchedule = container.tolerant(UsageEngineMeterResetSchedule.self, forKey: .resetSchedule)
        activeFrom = container.usageEngineDate(forKey: .activeFrom)
        activeTo = container.usageEngineDate(forKey: .activeTo)
        accountID = container.tolerant(String.self, forKey: .accountId)
        createdAt = container.usageEngineDate(forKey: .createdAt)
        updatedAt = container.usageEngineDate(forKey: .updatedAt)
    }
}
