import Foundation

/// The QA dashboard's files in `ui/` (page, script, styles), compiled into the binary by the EmbedResources plugin.
///
/// ```swift
/// if let file = SandboxDashboard.file(named: "app.js") {
///     // file.data, served with file.contentType
/// }
/// ```
public enum SandboxDashboard {
    /// One file of the dashboard and the media type it is served with.
    public struct File: Sendable {
        public let data: Data
        public let contentType: String
    }

    /// The file `ui/<name>`, or `nil` for any name that is not one of the dashboard's files.
    public static func file(named name: String) -> File? {
        files[name]
    }

    /// Decoded once: the embedded text is base64, and the page is fetched on every reload.
    private static let files: [String: File] = {
        var files: [String: File] = [:]
        for (path, data) in EmbeddedResources.files(in: "ui") {
            let name = String(path.dropFirst("ui/".count))
            files[name] = File(data: data, contentType: contentType(of: name))
        }
        return files
    }()

    private static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last {
        case "html": "text/html; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "svg": "image/svg+xml"
        default: "application/octet-stream"
        }
    }
}
