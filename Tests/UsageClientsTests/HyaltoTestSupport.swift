import Foundation
import Sandbox
import SandboxTesting
import Synchronization
import UsageClients

/// A real transport that also records what each request sent, to count token fetches and check wire formats.
final class PathCountingTransport: HTTPTransport {
    struct Sent: Sendable {
        let method: String
        let path: String
        let authorization: String?
        let contentType: String?
        let body: String
    }

    private let inner = AsyncHTTPClientTransport()
    private let sent = Mutex<[Sent]>([])

    var requests: [Sent] { sent.withLock { $0 } }

    /// How many requests went to a path ending in `suffix`.
    func count(_ suffix: String) -> Int { requests.filter { $0.path.hasSuffix(suffix) }.count }

    func send(_ request: HTTPRequestData, timeout: Duration) async throws -> HTTPResponseData {
        func header(_ name: String) -> String? { request.headers.first { $0.name == name }?.value }
        let entry = Sent(
            method: request.method, path: request.url.path, authorization: header("Authorization"),
            contentType: header("Content-Type"), body: String(decoding: request.body ?? Data(), as: UTF8.self))
        sent.withLock { $0.append(entry) }
        return try await inner.send(request, timeout: timeout)
    }
}

extension ClientOptions {
    /// Options over `transport` whose waits advance `sandbox`'s virtual clock (reported to `onWait`), not sleep.
    static func onVirtualClock(
        _ sandbox: TestSandbox, transport: any HTTPTransport = AsyncHTTPClientTransport(),
        onWait: @escaping @Sendable (Duration) -> Void = { _ in }
    ) -> ClientOptions {
        ClientOptions(transport: transport) { duration in
            onWait(duration)
            sandbox.advanceClock(
                by: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        }
    }
}

extension HyaltoClient {
    /// The path the token is fetched from.
    static let tokenPath = "/accountManagement/auth/token"

    /// A client for `sandbox`'s Hyalto with the demo key pair (or `secretKey` in its place).
    static func make(
        _ sandbox: TestSandbox, secretKey: String = DemoCredentials.hyaltoSecretKey,
        style: AuthorizationStyle = .bearer, transport: any HTTPTransport = AsyncHTTPClientTransport()
    ) -> HyaltoClient {
        HyaltoClient(
            baseURL: sandbox.url(vendor: .hyalto), accessKey: DemoCredentials.hyaltoAccessKey, secretKey: secretKey,
            authorizationStyle: style, options: .onVirtualClock(sandbox, transport: transport))
    }
}

extension Date {
    /// The instant `text` (ISO 8601 with a zone, such as `2018-07-13T12:00:00Z`) names.
    static func hyalto(_ text: String) throws -> Date {
        try Date(text, strategy: .iso8601)
    }
}

/// The demo provider's first customer and its allocation VDC, with data in June–August 2018.
enum HyaltoDemo {
    static let customerIDs = [16401, 16402, 16403, 16404]
    static let customerID = 16401
    static let vdcID = 1_640_101
}
