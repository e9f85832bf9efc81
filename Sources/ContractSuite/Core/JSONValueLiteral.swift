import Foundation

/// A small JSON request body built in code (strings and string arrays are all the admin API needs).
enum JSONValueLiteral: Encodable {
    case string(String)
    case strings([String])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .strings(let values): try container.encode(values)
        }
    }

    /// `object` as JSON with sorted keys.
    static func encode(_ object: [String: JSONValueLiteral]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(object)
    }
}
