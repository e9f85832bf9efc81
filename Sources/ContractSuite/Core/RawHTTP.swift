import Foundation
import UsageClients

/// Plain HTTP to one vendor's API root over AsyncHTTPClient, with no retries or decoding: what a check sees is
/// what the server sent.
public struct RawHTTP: Sendable {
    /// The API root paths are appended to.
    public let baseURL: URL
    let transport: any HTTPTransport
    let timeout: Duration

    /// Raw HTTP to `baseURL`.
    public init(
        baseURL: URL, transport: any HTTPTransport = AsyncHTTPClientTransport(), timeout: Duration = .seconds(30)
    ) {
        self.baseURL = baseURL
        self.transport = transport
        self.timeout = timeout
    }

    /// Sends `method` to `path` (with its query, such as `/v1/subscriptions?pageSize=2`) under the API root.
    public func send(
        _ method: String, _ path: String, headers: [(name: String, value: String)] = [], body: Data? = nil
    ) async throws -> RawResponse {
        let root =
            baseURL.absoluteString.hasSuffix("/") ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
        guard let url = URL(string: root + path) else { throw ContractFailure("cannot make a URL of \(root + path)") }
        let response = try await transport.send(
            HTTPRequestData(method: method, url: url, headers: headers, body: body), timeout: timeout)
        return RawResponse(status: response.status, headers: response.headers, body: response.body)
    }
}
