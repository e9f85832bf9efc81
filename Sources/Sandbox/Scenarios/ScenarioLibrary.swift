import Foundation
import SandboxScenarios

/// Finds scenarios: the ones shipped in `scenarios/library/`, and files QA writes.
///
/// ```swift
/// let scenario = try ScenarioLibrary.resolve("zylo-rate-limited")   // a shipped one, by name
/// let mine = try ScenarioLibrary.resolve("qa/flaky-exports.json")   // a file, by path
/// ```
public enum ScenarioLibrary {
    /// Every shipped scenario. A broken shipped file is a bug in the sandbox, so it throws.
    public static func builtIn() throws(ScenarioFileError) -> [Scenario] {
        try shipped.get()
    }

    /// Read and checked once per process: every start-up, reset and `--scenario NAME` needs the library.
    private static let shipped = Result { () throws(ScenarioFileError) in
        try SandboxScenarios.files().map { file throws(ScenarioFileError) in
            try ScenarioParser.parse(file.data, file: file.path, source: "built-in")
        }
    }

    /// Reads and checks the scenario file at `path`.
    public static func load(file path: String) throws(ScenarioFileError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioFileError(file: path, problems: [.init(field: "", message: "cannot be read: no such file")])
        }
        return try ScenarioParser.parse(data, file: path, source: path)
    }

    /// Parses a scenario document received by the admin API.
    public static func parse(_ data: Data, source: String) throws(ScenarioFileError) -> Scenario {
        try ScenarioParser.parse(data, file: source, source: source)
    }

    /// A shipped scenario called `nameOrPath`, or else the file at that path.
    public static func resolve(_ nameOrPath: String) throws(ScenarioFileError) -> Scenario {
        let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".json")
        if !looksLikePath, let scenario = try builtIn().first(where: { $0.name == nameOrPath }) { return scenario }
        guard looksLikePath || FileManager.default.fileExists(atPath: nameOrPath) else {
            let names = (try? builtIn().map(\.name).joined(separator: ", ")) ?? ""
            throw ScenarioFileError(
                file: nameOrPath,
                problems: [.init(field: "", message: "is neither a shipped scenario (\(names)) nor a file")])
        }
        return try load(file: nameOrPath)
    }
}
