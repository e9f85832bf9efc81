/// One service's allocation changes in a ``HyaltoRawUsage``.
public struct HyaltoRawService: Sendable, Hashable, Decodable {
    /// The service.
    public let id: Int
    /// The service's name.
    public let name: String?
    /// The service's `metaData.type`, such as `allocationVDC`.
    public let type: String?
    /// Every allocated property under `properties`, by name (`ram`, `compute`, and any Hyalto adds).
    public let properties: [String: HyaltoAllocation]

    /// `properties.ram`: RAM, usually in GB.
    public var ram: HyaltoAllocation? { properties["ram"] }
    /// `properties.compute`: compute, usually in GHz.
    public var compute: HyaltoAllocation? { properties["compute"] }

    enum CodingKeys: String, CodingKey {
        case id, name, type, properties
    }

    /// Decodes tolerantly: a missing, `null` or mistyped optional field becomes `nil` (or empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.hyaltoID(forKey: .id)
        name = container.tolerant(String.self, forKey: .name)
        type = container.tolerant(String.self, forKey: .type)
        properties = try container.decodeIfPresent([String: HyaltoAllocation].self, forKey: .properties) ?? [:]
    }
}
