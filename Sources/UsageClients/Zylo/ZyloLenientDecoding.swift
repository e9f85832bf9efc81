/// A coding key made from any string, for objects whose keys are read by name.
struct ZyloAnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ stringValue: String) { self.stringValue = stringValue }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == ZyloAnyKey {
    /// The value under `key`, or `nil` when it is absent, `null` or of another type: Zylo documents its
    /// objects by example, so a field of an unexpected type must not fail the whole response.
    func lenient<T: Decodable>(_ type: T.Type, _ key: String) -> T? {
        (try? decodeIfPresent(T.self, forKey: ZyloAnyKey(key))) ?? nil
    }

    /// The first of `keys` that holds a `T`.
    func lenient<T: Decodable>(_ type: T.Type, anyOf keys: [String]) -> T? {
        keys.lazy.compactMap { lenient(T.self, $0) }.first
    }

    /// Every field, whatever its shape.
    func allFields() -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for key in allKeys { fields[key.stringValue] = lenient(JSONValue.self, key.stringValue) }
        return fields
    }
}
