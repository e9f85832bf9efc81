import Foundation

/// A meter type to create, or the whole new state of one to replace: only ``name`` is required, and fields left
/// `nil` are not sent (the vendor's defaults apply).
///
/// ```swift
/// var new = UsageEngineNewMeterType(name: "Pay-Per-Print", unit: "page", category: "printing")
/// new.aggregation = .sum
/// new.timezone = "Europe/Stockholm"
/// let type = try await engine.createMeterType(new)
/// ```
public struct UsageEngineNewMeterType: Sendable, Hashable, Encodable {
    /// The name, unique within the account.
    public var name: String
    /// A free-text description.
    public var description: String?
    /// What one unit counts, such as `API request`.
    public var unit: String?
    /// A free-text grouping.
    public var category: String?
    /// How reported values combine.
    public var aggregation: UsageEngineMeterAggregation?
    /// When meters reset; the vendor's default is monthly.
    public var resetSchedule: UsageEngineMeterResetSchedule?
    /// An IANA time zone for the reset schedule; the vendor's default is `Etc/UTC`.
    public var timezone: String?
    /// When meters of this type start counting.
    public var activeFrom: Date?
    /// When they stop; later than ``activeFrom``.
    public var activeTo: Date?
    /// The caller's own reference.
    public var externalRef: String?

    /// A meter type with `name` and, optionally, the most common fields.
    public init(
        name: String, description: String? = nil, unit: String? = nil, category: String? = nil,
        aggregation: UsageEngineMeterAggregation? = nil
    ) {
        self.name = name
        self.description = description
        self.unit = unit
        self.category = category
        self.aggregation = aggregation
    }

    enum CodingKeys: String, CodingKey {
        case name, description, unit, category, aggregation, resetSchedule, timezone, activeFrom, activeTo
        case externalRef
    }

    /// Encodes only the fields that are set, dates as RFC 3339 in UTC.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(unit, forKey: .unit)
        try container.encodeIfPresent(category, forKey: .category)
        try container.encodeIfPresent(aggregation, forKey: .aggregation)
        try container.encodeIfPresent(resetSchedule, forKey: .resetSchedule)
        try container.encodeIfPresent(timezone, forKey: .timezone)
        try container.encodeIfPresent(activeFrom.map(UsageEngineTime.string), forKey: .activeFrom)
        try container.encodeIfPresent(activeTo.map(UsageEngineTime.string), forKey: .activeTo)
        try container.encodeIfPresent(externalRef, forKey: .externalRef)
    }
}
