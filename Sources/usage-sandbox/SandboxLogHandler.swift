import Foundation
import Logging
import Sandbox

/// Writes log lines to standard error in `StreamLogHandler`'s format, but formats metadata only when a line is
/// written. Hummingbird sets a request id in every request's logger metadata; `StreamLogHandler` re-formats all of
/// its metadata on each such change, which showed as 3% of the request path in a profile.
struct SandboxLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let fields =
            merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " ")
        let line =
            "\(SandboxTime.format(Date())) \(event.level) \(label):\(fields) [\(event.source)] \(event.message)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
