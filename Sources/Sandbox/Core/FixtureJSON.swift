import Foundation

/// Reading and writing the JSON arrays of fixture files, with errors that name the file, the record and the field.
enum FixtureJSON {
    /// The array of `T` in the file at `path`; `[]` when the file is missing and `optional`.
    static func decodeArray<T: Decodable>(_ type: T.Type, at path: String, optional: Bool = false) throws -> [T] {
        guard let data = FileManager.default.contents(atPath: path) else {
            if optional { return [] }
            throw FixtureError(path: path, field: "file", expected: "a readable JSON array")
        }
        do {
            return try JSONDecoder().decode([T].self, from: data)
        } catch let error as DecodingError {
            let field = error.fieldPath == "body" ? "document" : error.fieldPath
            let expected = field == "document" ? "a JSON array (\(error.expectation))" : error.expectation
            throw FixtureError(path: path, field: field, expected: expected)
        }
    }

    /// Throws naming the first repeat of `values` (one per record, in file order).
    static func requireUnique(_ values: [String], at path: String, field: String) throws {
        var seen = Set<String>()
        for (index, value) in values.enumerated() where !seen.insert(value).inserted {
            throw FixtureError(path: path, field: "[\(index)].\(field)", expected: "a unique value; '\(value)' repeats")
        }
    }

    /// Writes `items` as a JSON array, one record per line (keys in the type's order), atomically.
    static func write<T: Encodable>(_ items: [T], to path: String) throws {
        var text = "["
        for (index, item) in items.enumerated() {
            text += (index == 0 ? "\n" : ",\n") + String(decoding: try OrderedJSONEncoder.encode(item), as: UTF8.self)
        }
        text += items.isEmpty ? "]\n" : "\n]\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// `file` (such as `mason/sims.json`) inside `directory`.
    static func path(_ directory: String, _ file: String) -> String {
        (directory as NSString).appendingPathComponent(file)
    }
}
