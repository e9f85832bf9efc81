import Foundation

/// A service a customer purchased, such as an allocation VDC.
///
/// The public script reads `id`, `name` and `metaData.type`; every field but `id` is optional.
public struct HyaltoService: Sendable, Hashable, Decodable {
    /// The service id that ``HyaltoClient/usageReport(serviceID:from:to:)`` takes.
    public let id: Int
    /// The service's name.
    public let name: String?
    /// The customer the service belongs to.
    public let accountID: Int?
    /// The service status, such as `active`.
    public let status: String?
    /// `metaData.type`: the kind of service, such as `allocationVDC`.
    public let type: String?
    /// `metaData.location`, where Hyalto reports one.
    public let location: String?
    /// When the service was purchased.
    public let createdAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, accountId, status, metaData, createdAt
    }

    enum MetaDataKeys: String, CodingKey {
        case type, location
    }

    /// Decodes tolerantly: a missing, `null` or mistyped optional field becomes `nil` (or empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.hyaltoID(forKey: .id)
        name = container.tolerant(String.self, forKey: .name)
        accountID = try? container.hyaltoID(forKey: .accountId)
        status = container.tolerant(String.self, forKey: .status)
        let metaData = try? container.nestedContainer(keyedBy: MetaDataKeys.self, forKey: .metaData)
        type = metaData?.tolerant(String.self, forKey: .type)
        location = metaData?.tolerant(String.self, forKey: .location)
        createdAt = container.hyaltoDate(forKey: .createdAt)
    }
}
