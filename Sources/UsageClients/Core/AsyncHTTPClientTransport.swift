import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// ``HTTPTransport`` over AsyncHTTPClient: exact sub-second timeouts and distinct errors for reset, closed and
/// malformed responses.
///
/// ```swift
/// let transport = AsyncHTTPClientTransport()          // HTTPClient.shared
/// let zylo = ZyloClient(tokenID: id, tokenSecret: secret, options: .init(transport: transport))
/// ```
public struct AsyncHTTPClientTransport: HTTPTransport {
    /// The largest response body read.
    public static let maxResponseBytes = 64 * 1024 * 1024

    private let client: HTTPClient

    /// A transport over `client` (the process-wide shared client by default).
    public init(client: HTTPClient = .shared) {
        self.client = client
    }

    public func send(_ request: HTTPRequestData, timeout: Duration) async throws -> HTTPResponseData {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let seconds = timeout.components.seconds
        let nanos = timeout.components.attoseconds / 1_000_000_000
        let amount = TimeAmount.nanoseconds(seconds * 1_000_000_000 + nanos)
        do {
            let started = ContinuousClock.now
            let response = try await client.execute(outgoing, timeout: amount)
            // AsyncHTTPClient's timeout ends when the head arrives: bound the body too, or a server that trickles
            // its body would hold the caller far beyond its timeout.
            let body = try await Self.collect(response.body, within: timeout - (ContinuousClock.now - started))
            return HTTPResponseData(
                status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                body: Data(body.readableBytesView))
        } catch {
            throw Self.classify(error)
        }
    }

    private static func collect(_ body: HTTPClientResponse.Body, within remaining: Duration) async throws -> ByteBuffer
    {
        try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: maxResponseBytes) }
            group.addTask {
                try await Task.sleep(for: max(remaining, .zero))
                return nil
            }
            defer { group.cancelAll() }
            guard case let body?? = try await group.next() else { throw HTTPClientError.deadlineExceeded }
            return body
        }
    }

    /// The ``UsageClientError`` kind a transport error stands for.
    static func classify(_ error: any Error) -> UsageClientError {
        if let error = error as? UsageClientError { return error }
        let text = String(describing: error)
        let kind: UsageClientError.Kind
        switch error {
        case let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout:
            kind = .timeout
        case let error as HTTPClientError where error == .connectTimeout:
            kind = .connectionFailed
        case let error as HTTPClientError where error == .remoteConnectionClosed || error == .cancelled:
            kind = .connectionClosed
        case let error as HTTPParserError where error == .invalidEOFState:
            // The connection ended inside a response: a body shorter than its Content-Length.
            kind = .connectionClosed
        case is HTTPParserError:
            kind = .malformedResponse
        case let error as IOError where error.errnoCode == ECONNRESET || error.errnoCode == EPIPE:
            kind = .connectionReset
        case let error as IOError where error.errnoCode == ECONNREFUSED:
            kind = .connectionFailed
        default:
            // NIOPosix's connection errors (refused, unreachable) are not importable here: read their description.
            kind =
                text.lowercased().contains("refused") || text.contains("NIOConnectionError")
                ? .connectionFailed : .connectionClosed
        }
        return UsageClientError(kind: kind, message: text)
    }
}
