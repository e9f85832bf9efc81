import Foundation

/// One HTTP request as the clients build it.
public struct HTTPRequestData: Sendable {
    public var method: String
    public var url: URL
    public var headers: [(name: String, value: String)]
    public var body: Data?

    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// One HTTP response, body read in full.
public struct HTTPResponseData: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// The one method the clients need from an HTTP stack: send a request, get the whole response, within `timeout`.
///
/// ``AsyncHTTPClientTransport`` is the production implementation; tests may supply their own.
/// Implementations throw ``UsageClientError`` with kind `.timeout`, `.connectionReset`, `.connectionClosed`,
/// `.connectionFailed` or `.malformedResponse` for transport failures.
public protocol HTTPTransport: Sendable {
    /// Sends `request`, answering the response or throwing a ``UsageClientError``.
    func send(_ request: HTTPRequestData, timeout: Duration) async throws -> HTTPResponseData
}
