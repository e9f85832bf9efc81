/// How a meter type combines the values reported to its meters, such as `sum` or `increment`.
///
/// An open set: a type this client does not know still decodes, with its wire name in ``type``.
///
/// ```swift
/// var new = UsageEngineNewMeterType(name: "Storage")
/// new.aggregation = .max
/// ```
public struct UsageEngineMeterAggregation: Sendable, Hashable, Codable {
    /// The wire name, such as `sum`.
    public var type: String

    /// An aggregation by wire name.
    public init(type: String) {
        self.type = type
    }

    /// Adds every value.
    public static let sum = UsageEngineMeterAggregation(type: "sum")
    /// Counts one per report (the vendor's list example).
    public static let increment = UsageEngineMeterAggregation(type: "increment")
    /// Keeps the largest value.
    public static let max = UsageEngineMeterAggregation(type: "max")
    /// Keeps the latest value.
    public static let last = UsageEngineMeterAggregation(type: "last")
}
