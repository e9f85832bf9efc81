import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads `multipart/form-data` bodies (RFC 7578) as `curl -F file=@import.csv` sends them.
///
/// Delimiters are found with `memchr` and `memcmp`, so a 2 MiB upload splits in about a millisecond even in a debug build
/// (multipart-kit's byte-at-a-time parser took 2.4 s for the same body in a debug build: README, "Sandbox choices").
enum MultipartForm {
    /// One part: its headers (names lower-cased) and its bytes.
    struct Part: Sendable {
        let headers: [String: String]
        let body: Data

        /// The `name` parameter of `Content-Disposition`.
        var name: String? { headers["content-disposition"].flatMap { parameter("name", of: $0) } }
    }

    /// The bytes of the part named `field`; any part content type is accepted (`text/csv`,
    /// `application/vnd.ms-excel`, `application/octet-stream`).
    static func file(named field: String, in body: Data, contentType: String?) throws -> Data {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = parameter("boundary", of: contentType), !boundary.isEmpty
        else {
            throw SandboxFailure.badRequest(
                "Content-Type must be multipart/form-data with a file field named '\(field)'")
        }
        guard let part = try parts(of: body, boundary: boundary).first(where: { $0.name == field }) else {
            throw SandboxFailure.badRequest("multipart body has no part named '\(field)'")
        }
        return part.body
    }

    /// Every part of `body`, in order.
    static func parts(of body: Data, boundary: String) throws -> [Part] {
        let malformed = { (reason: String) in SandboxFailure.badRequest("multipart body is malformed: \(reason)") }
        let delimiter = Array("--\(boundary)".utf8)
        let crlf: [UInt8] = [13, 10]
        return try body.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> [Part] in
            guard var cursor = find(delimiter, in: bytes, from: 0) else {
                throw malformed("the boundary '\(boundary)' never occurs")
            }
            var parts: [Part] = []
            while true {
                cursor += delimiter.count
                if bytes.count >= cursor + 2, bytes[cursor] == 45, bytes[cursor + 1] == 45 { return parts }
                guard let lineEnd = find(crlf, in: bytes, from: cursor) else {
                    throw malformed("a delimiter line has no end")
                }
                let headerStart = lineEnd + 2
                guard let headerEnd = find([13, 10, 13, 10], in: bytes, from: headerStart - 2) else {
                    throw malformed("a part's headers never end")
                }
                guard let next = find(crlf + delimiter, in: bytes, from: headerEnd + 4) else {
                    throw malformed("the closing boundary '--\(boundary)--' is missing")
                }
                let headerText = String(decoding: bytes[headerStart..<max(headerStart, headerEnd)], as: UTF8.self)
                parts.append(Part(headers: headers(headerText), body: Data(bytes[(headerEnd + 4)..<next])))
                cursor = next + 2
            }
        }
    }

    /// The byte offset of `needle` in `haystack` at or after `start` (`memchr` for the first byte, then `memcmp`;
    /// Glibc's `memmem` is not visible to Swift).
    static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = haystack.baseAddress, let first = needle.first, start >= 0 else { return nil }
        let end = haystack.count - needle.count
        var position = start
        return needle.withUnsafeBytes { needleBytes -> Int? in
            while position <= end {
                guard let hit = memchr(base + position, Int32(first), end - position + 1) else { return nil }
                let offset = base.distance(to: UnsafeRawPointer(hit))
                guard let pattern = needleBytes.baseAddress else { return nil }
                if memcmp(hit, pattern, needle.count) == 0 { return offset }
                position = offset + 1
            }
            return nil
        }
    }

    private static func headers(_ text: String) -> [String: String] {
        var headers: [String: String] = [:]
        for line in text.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return headers
    }

    /// A `; name=value` parameter of a header value, quotes removed.
    static func parameter(_ name: String, of value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}
