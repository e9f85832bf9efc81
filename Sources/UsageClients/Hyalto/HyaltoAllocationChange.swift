import Foundation

/// One allocation change: from ``date`` on, the property is allocated ``value`` ``unitSize``.
public struct HyaltoAllocationChange: Sendable, Hashable, Decodable {
    /// `timestamp` exactly as Hyalto wrote it, such as `2018-07-04 09:41:27`.
    public let timestamp: String?
    /// ``timestamp`` read as UTC, or `nil` when it is not a datetime this client knows.
    public var date: Date? { timestamp.flatMap(HyaltoTime.date) }
    /// The allocation from this instant on.
    public let value: Double?
    /// The unit of ``value``, such as `GB` or `GHz` (wire name `unit_size`).
    public let unitSize: String?

    enum CodingKeys: String, CodingKey {
        case timestamp, value
        case unitSize = "unit_size"
    }

    /// Decodes tolerantly: a missing, `null` or mistyped optional field becomes `nil` (or empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        timestamp = container.tolerant(String.self, forKey: .timestamp)
        value = container.tolerant(Double.self, forKey: .value)
        unitSize = container.tolerant(String.self, forKey: .unitSize)
    }
}
