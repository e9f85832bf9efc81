import Foundation
import UsageJSON

extension JSONValue {
    /// A request body built in code: `object` as JSON with sorted keys.
    static func body(_ object: [String: JSONValue]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONValue.object(object))
    }
}
