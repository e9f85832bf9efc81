import Foundation

/// The scenario files shipped in `scenarios/library/`.
public enum SandboxScenarios {
    /// Each shipped scenario file: its name in the repository (`scenarios/library/<file>`) and its bytes.
    public static func files() -> [(path: String, data: Data)] {
        guard let directory = Bundle.module.url(forResource: "library", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            (try? Data(contentsOf: directory.appendingPathComponent(name))).map { ("scenarios/library/\(name)", $0) }
        }
    }
}
