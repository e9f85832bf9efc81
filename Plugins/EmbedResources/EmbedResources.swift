import Foundation
import PackagePlugin

/// Compiles every file in the target's subfolders into the target as bytes, so the files travel inside the binary
/// instead of in a `.resources` folder beside it.
///
/// The files stay the source of truth; the Swift that carries them is written at build time into the build folder and
/// never committed. A target that uses the plugin keeps its Swift at the top of its folder, lists its data folders in
/// `exclude:` (so SwiftPM does not also copy them as resources) and reads them through the generated
/// `EmbeddedResources` enum:
///
/// ```swift
/// .target(name: "SandboxFixtures", path: "Fixtures", exclude: ["README.md", "openapi"],
///         plugins: ["EmbedResources"])
/// // in SandboxFixtures: EmbeddedResources.data(atPath: "openapi/zylo.json")
/// ```
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let root = target.directoryURL
        let paths = try Self.embeddedPaths(under: root)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(paths.count) files into \(target.name)",
                executable: try context.tool(named: "EmbedResourcesTool").url,
                arguments: [output.path(percentEncoded: false), root.path(percentEncoded: false)] + paths,
                inputFiles: paths.map { root.appending(path: $0) },
                outputFiles: [output]
            )
        ]
    }

    /// The path, relative to `root`, of every non-hidden file in `root`'s subfolders, sorted.
    static func embeddedPaths(under root: URL) throws -> [String] {
        let manager = FileManager.default
        var paths: [String] = []
        for folder in try manager.contentsOfDirectory(atPath: root.path(percentEncoded: false)).sorted()
        where !folder.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let folderPath = root.appending(path: folder).path(percentEncoded: false)
            guard manager.fileExists(atPath: folderPath, isDirectory: &isDirectory), isDirectory.boolValue else {
                continue
            }
            let enumerator = manager.enumerator(atPath: folderPath)
            while let relative = enumerator?.nextObject() as? String {
                let path = "\(folder)/\(relative)"
                guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                let full = root.appending(path: path).path(percentEncoded: false)
                if manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                    paths.append(path)
                }
            }
        }
        return paths.sorted()
    }
}
