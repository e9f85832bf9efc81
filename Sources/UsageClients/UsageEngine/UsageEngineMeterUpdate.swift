/// The new state of a meter's changeable fields, for ``UsageEngineClient/updateMeter(id:_:)``: a replacement, so
/// fields left `nil` go back to the vendor's defaults (no custom fields, `deleteOnReset` false).
///
/// ```swift
/// let updated = try await engine.updateMeter(id: meter.id, UsageEngineMeterUpdate(userID: "102", deleteOnReset: true))
/// ```
public struct UsageEngineMeterUpdate: Sendable, Hashable, Encodable {
    /// The customer the meter counts for.
    public var userID: String
    /// The caller's own fields: strings, numbers and booleans.
    public var customFields: [String: JSONValue]?
    /// Whether the meter is deleted when it resets.
    public var deleteOnReset: Bool?
    /// The value the meter is sized for.
    public var capacity: Double?
    /// The levels to watch.
    public var thresholds: [UsageEngineThreshold]?
    /// The IANA time zone its resets are read in.
    public var timezone: String?

    /// The new state of a meter.
    public init(
        userID: String, customFields: [String: JSONValue]? = nil, deleteOnReset: Bool? = nil,
        capacity: Double? = nil, thresholds: [UsageEngineThreshold]? = nil, timezone: String? = nil
    ) {
        self.userID = userID
        self.customFields = customFields
        self.deleteOnReset = deleteOnReset
        self.capacity = capacity
        self.thresholds = thresholds
        self.timezone = timezone
    }

    enum CodingKeys: String, CodingKey {
        case userID = "userId"
        case customFields, deleteOnReset, capacity, thresholds, timezone
    }
}
