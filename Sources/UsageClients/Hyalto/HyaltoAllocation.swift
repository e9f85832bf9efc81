/// The changes of one allocated property (`ram` or `compute`) over a window, oldest first.
public struct HyaltoAllocation: Sendable, Hashable, Decodable {
    /// The unit of every change's value, such as `GB` (wire name `unit_size`).
    public let unitSize: String?
    /// The changes; each value holds until the next one.
    public let changes: [HyaltoAllocationChange]

    enum CodingKeys: String, CodingKey {
        case unitSize = "unit_size"
        case changes
    }

    /// Decodes tolerantly: a missing, `null` or mistyped optional field becomes `nil` (or empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        unitSize = container.tolerant(String.self, forKey: .unitSize)
        changes = try container.decodeIfPresent([HyaltoAllocationChange].self, forKey: .changes) ?? []
    }
}
