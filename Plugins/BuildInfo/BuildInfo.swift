import Foundation
import PackagePlugin

/// Writes the commit the target is built from into the target, before every build, as
/// `GeneratedBuildInfo.commit`: `git rev-parse HEAD` of the package's checkout, or `unknown` when the package is not
/// the top of a git checkout (a source archive, or a folder inside some other repository).
///
/// The file is rewritten only when the commit changes, so an unchanged build recompiles nothing.
@main
struct BuildInfo: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        return [
            .prebuildCommand(
                displayName: "Recording the git commit of \(target.name)",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [
                    "-c", Self.script, "build-info",
                    context.package.directoryURL.path(percentEncoded: false),
                    output.path(percentEncoded: false),
                ],
                outputFilesDirectory: output
            )
        ]
    }

    static let script = #"""
        commit=unknown
        if cd "$1" 2>/dev/null && [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$(pwd -P)" ]; then
            commit=$(git rev-parse HEAD 2>/dev/null) || commit=unknown
        fi
        file="$2/BuildInfo.swift"
        {
            echo '// Written by the BuildInfo plugin before each build; do not edit.'
            echo ''
            echo '/// What the build knows about its own source.'
            echo 'enum GeneratedBuildInfo {'
            echo '    /// `git rev-parse HEAD` of the checkout built, or `unknown` outside a git checkout.'
            echo "    static let commit = \"$commit\""
            echo '}'
        } >"$file.new"
        if cmp -s "$file.new" "$file"; then rm -f "$file.new"; else mv "$file.new" "$file"; fi
        """#
}
