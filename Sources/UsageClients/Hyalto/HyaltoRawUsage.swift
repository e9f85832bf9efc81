import Foundation

/// A customer's raw allocation changes over a window, as `GET /solutions/usage/account/{id}/raw` answers it.
public struct HyaltoRawUsage: Sendable, Hashable, Decodable {
    /// The customer.
    public let accountID: Int?
    /// The window's start, as the vendor echoes it.
    public let startTime: Date?
    /// The window's end, as the vendor echoes it.
    public let endTime: Date?
    /// The services asked for, each with its allocation changes.
    public let services: [HyaltoRawService]

    enum CodingKeys: String, CodingKey {
        case accountId, startTime, endTime, services
    }

    /// Decodes tolerantly: a missing, `null` or mistyped optional field becomes `nil`; `services` must be a list, so
    /// an answer without it (a gateway's `{"message": "..."}`) is not a window without changes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accountID = try? container.hyaltoID(forKey: .accountId)
        startTime = container.hyaltoDate(forKey: .startTime)
        endTime = container.hyaltoDate(forKey: .endTime)
        services = try container.decode([HyaltoRawService].self, forKey: .services)
    }
}
