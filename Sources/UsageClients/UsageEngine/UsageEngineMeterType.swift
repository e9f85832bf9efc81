import Foundation

/// A meter type: the unit, aggregation, reset schedule and active period its meters share.
///
/// The fields are those of the vendor's list example; every field but ``id`` and ``name`` is optional, and one of
/// an unexpected type decodes as `nil`.
public struct UsageEngineMeterType: Sendable, Hashable, Decodable, Identifiable {
    /// The meter type's id, which meters refer to as `meterTypeId`.
    public let id: String
    /// Its name, unique within the account.
    public let name: String
    /// A free-text description.
    public let description: String?
    /// What one unit counts, such as `API request`.
    public let unit: String?
    /// A free-text grouping.
    public let category: String?
    /// How reported values combine.
    public let aggregation: UsageEngineMeterAggregation?
    /// When meters reset.
    public let resetSchedule: UsageEngineMeterResetSchedule?
    /// The IANA time zone the reset schedule is read in, such as `Etc/UTC`.
    public let timezone: String?
    /// When meters of this type start counting.
    public let activeFrom: Date?
    /// When they stop, if ever.
    public let activeTo: Date?
    /// The caller's own reference.
    public let externalRef: String?
    /// How many meters have this type.
    public let numberOfMeters: Int?
    /// The Usage Engine account.
    public let accountID: String?
    /// When the type was created.
    public let createdAt: Date?
    /// When it last changed.
    public let updatedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, description, unit, category, aggregation, resetSchedule, timezone, activeFrom, activeTo
        case externalRef, numberOfMeters, accountId, createdAt, updatedAt
    }

    /// Decodes tolerantly: a missing, `null` or mistyped optional field becomes `nil` (or empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        description = container.tolerant(String.self, forKey: .description)
        unit = container.tolerant(String.self, forKey: .unit)
        category = container.tolerant(String.self, forKey: .category)
        aggregation = container.tolerant(UsageEngineMeterAggregation.self, forKey: .aggregation)
        resetSchedule = container.tolerant(UsageEngineMeterResetSchedule.self, forKey: .resetSchedule)
        timezone = container.tolerant(String.self, forKey: .timezone)
        activeFrom = container.usageEngineDate(forKey: .activeFrom)
        activeTo = container.usageEngineDate(forKey: .activeTo)
        externalRef = container.tolerant(String.self, forKey: .externalRef)
        numberOfMeters = container.tolerant(Int.self, forKey: .numberOfMeters)
        accountID = container.tolerant(String.self, forKey: .accountId)
        createdAt = container.usageEngineDate(forKey: .createdAt)
        updatedAt = container.usageEngineDate(forKey: .updatedAt)
    }
}
