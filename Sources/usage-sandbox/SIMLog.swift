import Foundation

/// The append-only log of recorded SIMs, one JSON line each, flushed as each SIM completes.
actor SIMLog {
    private let handle: FileHandle

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        // A line cut short by a kill gets its end, so the next record starts on a line of its own.
        if let last = FileManager.default.contents(atPath: path)?.last, last != UInt8(ascii: "\n") {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("\n".utf8))
        }
        try handle.seekToEnd()
    }

    func append(_ record: MasonRecorder.SIMRecord) throws {
        var line = try JSONEncoder().encode(record)
        line.append(UInt8(ascii: "\n"))
        try handle.write(contentsOf: line)
    }

    func close() throws { try handle.close() }
}
