import Foundation

/// The usage of one service over a window, as `GET /reports/usage/service/{id}` answers it.
///
/// Hyalto publishes no example of this answer: the fields follow the sandbox's shape and are all optional, so a
/// different live answer decodes to what the two share. The `usage` list is required, empty or not: an answer
/// without it (a gateway's `{"message": "..."}`) is a `.decoding` error, not a report of no usage.
public struct HyaltoUsageReport: Sendable, Hashable, Decodable {
    /// The service reported on.
    public let serviceID: Int?
    /// The service's name.
    public let serviceName: String?
    /// The customer the service belongs to.
    public let accountID: Int?
    /// The service's `metaData.type`.
    public let type: String?
    /// The window's start, as the vendor echoes it.
    public let from: Date?
    /// The window's end, as the vendor echoes it.
    public let to: Date?
    /// The window's length in hours.
    public let hours: Double?
    /// One line per allocated property (RAM, compute); empty when the answer's list is.
    public let usage: [HyaltoUsageLine]

    enum CodingKeys: String, CodingKey {
        case serviceId, serviceName, accountId, type, from, to, hours, usage
    }

    /// Decodes tolerantly: a missing, `null` or mistyped optional field becomes `nil`; `usage` must be a list.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        serviceID = try? container.hyaltoID(forKey: .serviceId)
        serviceName = container.tolerant(String.self, forKey: .serviceName)
        accountID = try? container.hyaltoID(forKey: .accountId)
        type = container.tolerant(String.self, forKey: .type)
        from = container.hyaltoDate(forKey: .from)
        to = container.hyaltoDate(forKey: .to)
        hours = container.tolerant(Double.self, forKey: .hours)
        usage = try container.decode([HyaltoUsageLine].self, forKey: .usage)
    }

    /// The line for `property` (`ram` or `compute`), if the report has one.
    ///
    /// ```swift
    /// let gigabyteHours = report.line(for: "ram")?.quantity ?? 0
    /// ```
    public func line(for property: String) -> HyaltoUsageLine? {
        usage.first { $0.property == property }
    }
}
