/// The new state of a meter's changeable fields, for ``UsageEngineClient/updateMeter(id:_:)``: a replacement, so
/// fields left `nil` go back to the vendor's defaults (no custom fields, `deleteOnReset` false).
///
/// ```swift
/// let updated = try await engine.updateMeter(id: meter.id, UsageEngineMeterUpdate(userID: "102", deleteOnReset: true))
/// ```
public struct UsageEngineMeterUpdate: Sendable, Hashable, Encodable {
    /// The customer the meter counts for.
    public var userID: String
    /// The caller's own fields.
    public var customFields: [String: String]?
    /// Whether the meter is deleted when it resets.
    public var deleteOnReset: Bool?

    /// The new state of a meter.
    public init(userID: String, customFields: [String: String]? = nil, deleteOnReset: Bool? = nil) {
        self.userID = userID
        self.customFields = customFields
        self.deleteOnReset = deleteOnReset
    }

    enum CodingKeys: String, CodingKey {
        case userID = "userId"
        case customFields, deleteOnReset
    }
}
