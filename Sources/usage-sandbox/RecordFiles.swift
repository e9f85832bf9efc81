import Foundation

/// Raw files a recorder writes into ``RecordState/raw``.
enum RecordFiles {
    /// Writes `value` as JSON (sorted keys) at `name` inside `folder`, atomically, creating folders as needed.
    static func writeJSON(_ value: some Encodable, _ name: String, in folder: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try write(try encoder.encode(value), name, in: folder)
    }

    /// Writes CSV rows (header first) at `name` inside `folder`, atomically.
    static func writeCSV(_ rows: [[String]], _ name: String, in folder: String) throws {
        let text = rows.map { row in row.map(escape).joined(separator: ",") + "\r\n" }.joined()
        try write(Data(text.utf8), name, in: folder)
    }

    private static func write(_ data: Data, _ name: String, in folder: String) throws {
        let path = (folder as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
