import Foundation
import UsageJSON

/// An HTTP answer exactly as received, for checks on status, headers and the raw JSON.
public struct RawResponse: Sendable {
    /// The status code.
    public let status: Int
    /// Every header, names as sent.
    public let headers: [(name: String, value: String)]
    /// The body bytes.
    public let body: Data

    /// The first value of header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The body as JSON, `nil` when it is not JSON.
    public var json: JSONValue? { JSONValue.parse(body) }

    /// The body as text, for failure messages (at most 300 characters).
    public var snippet: String { String(decoding: body.prefix(300), as: UTF8.self) }
}
