/// Any JSON value, for the parts of Zylo's responses whose shape the vendor does not document.
///
/// ```swift
/// let aggregates = try await zylo.licenseAggregates(subscriptionID: id)
/// if case .number(let total) = aggregates.fields["totalUsers"] { print(total) }
/// ```
public enum ZyloJSONValue: Sendable, Hashable, Codable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([ZyloJSONValue])
    /// An object.
    case object([String: ZyloJSONValue])

    /// Decodes whichever JSON value is next.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([ZyloJSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: ZyloJSONValue].self))
        }
    }

    /// Encodes the value as JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The string, when this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number, when this is one (or a string holding one, as Zylo writes money amounts).
    public var numberValue: Double? {
        switch self {
        case .number(let value): value
        case .string(let value): Double(value)
        default: nil
        }
    }

    /// The array's elements, when this is one.
    public var arrayValue: [ZyloJSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The object's fields, when this is one.
    public var objectValue: [String: ZyloJSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The field `key` of an object, or `nil`.
    public subscript(key: String) -> ZyloJSONValue? { objectValue?[key] }
}
