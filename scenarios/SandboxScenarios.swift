import Foundation

/// The scenario files shipped in `scenarios/library/`, compiled into the binary by the EmbedResources plugin.
public enum SandboxScenarios {
    /// Each shipped scenario file: its name in the repository (`scenarios/library/<file>`) and its bytes.
    public static func files() -> [(path: String, data: Data)] {
        EmbeddedResources.files(in: "library").filter { $0.path.hasSuffix(".json") }.map {
            ("scenarios/\($0.path)", $0.data)
        }
    }
}
