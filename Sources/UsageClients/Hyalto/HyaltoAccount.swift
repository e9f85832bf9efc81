import Foundation

/// A customer account of the API key's service provider.
///
/// Hyalto documents only `id` (and the public script reads `companyName`); every other field is optional.
public struct HyaltoAccount: Sendable, Hashable, Decodable {
    /// The customer id the other calls take.
    public let id: Int
    /// The customer's name.
    public let companyName: String?
    /// The service provider (the API key's account).
    public let serviceProviderID: Int?
    /// The parent account, usually the provider.
    public let parentID: Int?
    /// The account type, such as `customer`.
    public let type: String?
    /// The account status, such as `active`.
    public let status: String?
    /// When the account was created.
    public let createdAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, companyName, serviceProviderId, parentId, type, status, createdAt
    }

    /// Decodes tolerantly: a missing, `null` or mistyped optional field becomes `nil` (or empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.hyaltoID(forKey: .id)
        companyName = container.tolerant(String.self, forKey: .companyName)
        serviceProviderID = try? container.hyaltoID(forKey: .serviceProviderId)
        parentID = try? container.hyaltoID(forKey: .parentId)
        type = container.tolerant(String.self, forKey: .type)
        status = container.tolerant(String.self, forKey: .status)
        createdAt = container.hyaltoDate(forKey: .createdAt)
    }
}
