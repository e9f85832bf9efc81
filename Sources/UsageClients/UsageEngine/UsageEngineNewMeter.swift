/// A meter to create: which customer, under which key, of which meter type.
///
/// ```swift
/// let meter = try await engine.createMeter(
///     UsageEngineNewMeter(userID: "101", meterKey: UUID().uuidString, meterTypeID: type.id, customFields: ["plan": "gold"]))
/// ```
public struct UsageEngineNewMeter: Sendable, Hashable, Encodable {
    /// The customer the meter counts for.
    public var userID: String
    /// The key the Meter processor finds the meter by (several customers' meters may share one).
    public var meterKey: String
    /// The meter type's id.
    public var meterTypeID: String
    /// The caller's own fields: strings, numbers and booleans.
    public var customFields: [String: JSONValue]?
    /// The value the meter is sized for; its type's when `nil`.
    public var capacity: Double?
    /// The levels to watch; its type's when `nil`.
    public var thresholds: [UsageEngineThreshold]?
    /// The IANA time zone its resets are read in; its type's when `nil`.
    public var timezone: String?

    /// A meter of `meterTypeID` for `userID` under `meterKey`.
    public init(
        userID: String, meterKey: String, meterTypeID: String, customFields: [String: JSONValue]? = nil,
        capacity: Double? = nil, thresholds: [UsageEngineThreshold]? = nil, timezone: String? = nil
    ) {
        self.userID = userID
        self.meterKey = meterKey
        self.meterTypeID = meterTypeID
        self.customFields = customFields
        self.capacity = capacity
        self.thresholds = thresholds
        self.timezone = timezone
    }

    enum CodingKeys: String, CodingKey {
        case userID = "userId"
        case meterKey
        case meterTypeID = "meterTypeId"
        case customFields, capacity, thresholds, timezone
    }
}
