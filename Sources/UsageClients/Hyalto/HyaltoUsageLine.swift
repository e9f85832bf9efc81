/// The usage of one allocated property (RAM or compute) over a report's window.
public struct HyaltoUsageLine: Sendable, Hashable, Decodable {
    /// `ram` or `compute`.
    public let property: String?
    /// The unit of ``quantity``, such as `GB-hours`.
    public let unit: String?
    /// The allocation integrated over the window, in ``unit``.
    public let quantity: Double?
    /// The time-weighted average allocation, in ``unitSize``.
    public let average: Double?
    /// The largest allocation in effect during the window, in ``unitSize``.
    public let peak: Double?
    /// The allocation's unit, such as `GB` or `GHz` (wire name `unit_size`).
    public let unitSize: String?

    enum CodingKeys: String, CodingKey {
        case property, unit, quantity, average, peak
        case unitSize = "unit_size"
    }

    /// Decodes tolerantly: a missing, `null` or mistyped optional field becomes `nil` (or empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        property = container.tolerant(String.self, forKey: .property)
        unit = container.tolerant(String.self, forKey: .unit)
        quantity = container.tolerant(Double.self, forKey: .quantity)
        average = container.tolerant(Double.self, forKey: .average)
        peak = container.tolerant(Double.self, forKey: .peak)
        unitSize = container.tolerant(String.self, forKey: .unitSize)
    }
}
