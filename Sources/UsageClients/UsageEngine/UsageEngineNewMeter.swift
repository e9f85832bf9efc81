/// A meter to create: which customer, under which key, of which meter type.
///
/// ```swift
/// let meter = try await engine.createMeter(
///     UsageEngineNewMeter(userID: "101", meterKey: UUID().uuidString, meterTypeID: type.id, customFields: ["plan": "gold"]))
/// ```
public struct UsageEngineNewMeter: Sendable, Hashable, Encodable {
    /// The customer the meter counts for.
    public var userID: String
    /// The key the Meter processor finds the meter by, unique within its type.
    public var meterKey: String
    /// The meter type's id.
    public var meterTypeID: String
    /// The caller's own fields.
    public var customFields: [String: String]?

    /// A meter of `meterTypeID` for `userID` under `meterKey`.
    public init(userID: String, meterKey: String, meterTypeID: String, customFields: [String: String]? = nil) {
        self.userID = userID
        self.meterKey = meterKey
        self.meterTypeID = meterTypeID
        self.customFields = customFields
    }

    enum CodingKeys: String, CodingKey {
        case userID = "userId"
        case meterKey
        case meterTypeID = "meterTypeId"
        case customFields
    }
}
