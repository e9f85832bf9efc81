import Foundation

/// A recording's work in progress inside its output folder (`DIR/.record/`): what it was asked for, which vendors
/// are complete, and their raw files, so a stopped `record` resumes without reading again what it already has.
///
/// Holds no credential: the parameters are the vendors, the date range, `--anonymize` and the base URLs.
struct RecordState {
    private struct Saved: Codable {
        var version = 1
        var parameters: [String: String]
        var complete: [String] = []
    }

    /// `DIR/.record`.
    let root: String
    private var saved: Saved

    /// The state in `directory`, or a fresh one (discarding any other recording's) when `parameters` differ.
    init(directory: String, parameters: [String: String]) throws {
        root = (directory as NSString).appendingPathComponent(".record")
        let file = (root as NSString).appendingPathComponent("state.json")
        if let data = FileManager.default.contents(atPath: file),
            let existing = try? JSONDecoder().decode(Saved.self, from: data), existing.version == 1,
            existing.parameters == parameters
        {
            saved = existing
        } else {
            try? FileManager.default.removeItem(atPath: root)
            saved = Saved(parameters: parameters)
        }
        try FileManager.default.createDirectory(atPath: raw, withIntermediateDirectories: true)
        try save()
    }

    /// Where the vendors' files are written before they are checked and written canonically into the folder.
    var raw: String { (root as NSString).appendingPathComponent("raw") }

    /// A file of the work in progress, such as `mason-sims.jsonl`.
    func path(_ name: String) -> String { (root as NSString).appendingPathComponent(name) }

    /// Whether `vendor` was recorded completely by an earlier run with the same parameters.
    func isComplete(_ vendor: String) -> Bool { saved.complete.contains(vendor) }

    /// Notes `vendor` as recorded.
    mutating func complete(_ vendor: String) throws {
        if !saved.complete.contains(vendor) { saved.complete.append(vendor) }
        try save()
    }

    /// Removes the work in progress once the folder holds the finished files.
    func discard() throws {
        try FileManager.default.removeItem(atPath: root)
    }

    private func save() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(saved).write(
            to: URL(fileURLWithPath: (root as NSString).appendingPathComponent("state.json")), options: .atomic)
    }
}
