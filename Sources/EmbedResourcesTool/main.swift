import Foundation

// `EmbedResourcesTool OUTPUT ROOT PATH...`: writes OUTPUT, a Swift file whose `EmbeddedResources` enum carries each
// ROOT/PATH as base64 text (a string literal compiles in moments where a byte-array literal of the same size takes
// minutes). Run by the EmbedResources plugin; the output is rewritten only when it changes, so an unchanged build does
// not recompile the target.

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2, let outputPath = arguments.first, let rootPath = arguments.dropFirst().first else {
    FileHandle.standardError.write(Data("usage: EmbedResourcesTool OUTPUT ROOT PATH...\n".utf8))
    exit(2)
}
let paths = arguments.dropFirst(2).sorted()

func literal(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": escaped += "\\\\"
        case "\"": escaped += "\\\""
        case "\n": escaped += "\\n"
        case "\r": escaped += "\\r"
        case "\t": escaped += "\\t"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return "\"\(escaped)\""
}

var source = """
    // Written by the EmbedResources plugin at build time from the files under \(rootPath); do not edit.
    import Foundation

    /// The files of this target's data folders, compiled in: the binary needs nothing beside it.
    enum EmbeddedResources {
        /// The path of every embedded file, relative to the target's folder (`openapi/zylo.json`), sorted.
        static let paths: [String] = [

    """
for path in paths { source += "        \(literal(path)),\n" }
source += """
        ]

        /// The bytes of the embedded file at `path` (relative to the target's folder), or `nil` when none was embedded.
        static func data(atPath path: String) -> Data? {
            base64(atPath: path).flatMap { Data(base64Encoded: $0) }
        }

        /// The embedded files whose path starts with `folder/`, sorted by path.
        static func files(in folder: String) -> [(path: String, data: Data)] {
            paths.filter { $0.hasPrefix(folder + "/") }.compactMap { path in data(atPath: path).map { (path, $0) } }
        }

        private static func base64(atPath path: String) -> String? {
            switch path {

    """
for path in paths {
    let url = URL(fileURLWithPath: rootPath).appendingPathComponent(path)
    guard let data = FileManager.default.contents(atPath: url.path) else {
        FileHandle.standardError.write(Data("EmbedResourcesTool: cannot read \(url.path)\n".utf8))
        exit(1)
    }
    source += "        case \(literal(path)):\n            return \"\(data.base64EncodedString())\"\n"
}
source += """
            default:
                return nil
            }
        }
    }

    """

let output = URL(fileURLWithPath: outputPath)
if FileManager.default.contents(atPath: output.path) != Data(source.utf8) {
    do {
        try Data(source.utf8).write(to: output, options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("EmbedResourcesTool: cannot write \(output.path): \(error)\n".utf8))
        exit(1)
    }
}
