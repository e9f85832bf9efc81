import Foundation

/// How a client talks to its vendor: transport, timeouts, retries. The defaults suit production.
///
/// ```swift
/// var options = ClientOptions()
/// options.requestTimeout = .seconds(5)
/// options.deadline = .seconds(30)
/// let mason = MasonClient(apiKey: key, options: options)
/// ```
public struct ClientOptions: Sendable {
    /// The HTTP stack.
    public var transport: any HTTPTransport
    /// How long one attempt may take.
    public var requestTimeout: Duration
    /// How long one operation may take: its token fetch, every attempt and every wait between attempts included.
    /// A wait that would end past it is not made: the operation ends at once with the answer that asked for it.
    public var deadline: Duration
    /// When to try again.
    public var retry: RetryPolicy
    /// How to wait between attempts (injected so tests need not sleep).
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(
        transport: any HTTPTransport = AsyncHTTPClientTransport(), requestTimeout: Duration = .seconds(30),
        deadline: Duration = .seconds(120), retry: RetryPolicy = RetryPolicy(),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.transport = transport
        self.requestTimeout = requestTimeout
        self.deadline = deadline
        self.retry = retry
        self.sleep = sleep
    }
}
