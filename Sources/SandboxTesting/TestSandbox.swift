import Foundation
import Hummingbird
import Sandbox
import ServiceLifecycle

/// A sandbox for your own tests: a real server on a free loopback port, a fresh in-memory store, and a clock
/// frozen at ``TestSandbox/defaultStart`` that moves only when the test says so.
///
/// ```swift
/// try await TestSandbox.run { sandbox in
///     var request = URLRequest(url: sandbox.url("/zylo/v1/subscriptions"))
///     request.setValue("Bearer \(sandbox.zyloToken)", forHTTPHeaderField: "Authorization")
///     let (data, _) = try await URLSession.shared.data(for: request)
///     sandbox.advanceClock(by: 60)   // export jobs started above are now COMPLETE
/// }
/// ```
public struct TestSandbox: Sendable {
    /// The instant a test sandbox's clock starts at: 2024-01-01T00:00:00Z.
    public static let defaultStart = Date(timeIntervalSince1970: 1_704_067_200)

    /// The running sandbox, for direct access to its stores and journal.
    public let sandbox: Sandbox
    /// The server's root, such as `http://127.0.0.1:53817`.
    public let baseURL: URL
    /// The TLS listener's port when the sandbox was started with a certificate authority; the plain port is then
    /// also an HTTPS proxy for the vendors' hosts.
    public var httpsPort: Int?

    /// Zylo's demo credential as its `Authorization` value needs it: `TOKENID:TOKENSECRET`.
    public var zyloToken: String { "\(DemoCredentials.zyloTokenID):\(DemoCredentials.zyloTokenSecret)" }

    /// `path` (such as `/zylo/v1/subscriptions`) on this sandbox.
    public func url(_ path: String) -> URL {
        URL(string: baseURL.absoluteString + path) ?? baseURL
    }

    /// The root of `vendor`'s emulated API, such as `http://127.0.0.1:53817/zylo`.
    public func url(vendor: Vendor) -> URL { url(vendor.pathPrefix) }

    /// Moves virtual time forward by `seconds`: jobs progress, links and tokens expire.
    public func advanceClock(by seconds: TimeInterval) {
        sandbox.environment.clock.apply(.advance(seconds: seconds))
    }

    /// Activates the QA scenario `name` (shipped, or added with ``Sandbox/scenarios``), for every credential or only
    /// for requests made with `credential` (a credential's key or id).
    ///
    /// ```swift
    /// try await TestSandbox.run { sandbox in
    ///     try await sandbox.activateScenario("rate-limited-once")
    ///     let subscriptions = try await zylo.subscriptions().collect()   // retried after Retry-After
    /// }
    /// ```
    @discardableResult
    public func activateScenario(_ name: String, credential: String? = nil) async throws -> ScenarioActivationSummary {
        var target: Credential?
        if let credential {
            target = try await sandbox.credentials.all().first { $0.key == credential || $0.id == credential }
            guard target != nil else { throw TestSandboxError.unknownCredential(credential) }
        }
        return try sandbox.scenarios.activate(name, credential: target)
    }

    /// The journal's record of the last `limit` requests, newest first, with the scenario rule that answered each.
    public func journal(limit: Int = 100, vendor: Vendor? = nil) -> [RequestJournal.Entry] {
        sandbox.journal.recent(limit: limit, vendor: vendor)
    }

    /// Starts a sandbox, runs `body` against it, and shuts the server down, even when `body` throws.
    ///
    /// - Parameters:
    ///   - configure: changes to the test defaults (port 0, `:memory:`, frozen clock, deterministic ids).
    ///   - authority: when given, the sandbox also serves TLS with certificates it signs (``httpsPort``), and its
    ///     plain port accepts `CONNECT` to the vendors' hosts, as `serve --https-port 0` does.
    public static func run<T: Sendable>(
        configure: (inout SandboxConfiguration) -> Void = { _ in },
        authority: CertificateAuthority? = nil,
        _ body: @Sendable (TestSandbox) async throws -> T
    ) async throws -> T {
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.database = .memory
        configuration.initialClock = .frozen(at: defaultStart)
        configuration.deterministicIDs = true
        configure(&configuration)
        let sandbox = try await Sandbox.open(configuration)
        let host = configuration.host
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = sandbox.makeApplication { port in portContinuation.yield(port) }
        let (tlsPorts, tlsContinuation) = AsyncStream.makeStream(of: (Listener, Int).self)
        var services: [any Service] = [app]
        if let authority {
            let certificates = try SiteCertificates(authority: authority)
            services += try sandbox.makeHTTPSApplications(certificates: certificates, httpsPort: 0) {
                tlsContinuation.yield(($0, $1))
            }.map { $0 as any Service }
        }
        let listeners = services.count
        return try await withThrowingTaskGroup(of: Void.self) { group in
            let serviceGroup = ServiceGroup(
                configuration: .init(services: services, gracefulShutdownSignals: [], logger: app.logger))
            group.addTask {
                // A listener that cannot start ends the group: stop waiting for ports then.
                defer {
                    portContinuation.finish()
                    tlsContinuation.finish()
                }
                try await serviceGroup.run()
            }
            var iterator = ports.makeAsyncIterator()
            var tls: [Listener: Int] = [:]
            tlsContinuation.yield((.http, 0))  // ends the wait at once when no TLS listener runs
            for await (listener, port) in tlsPorts {
                if listener != .http { tls[listener] = port }
                if tls.count == listeners - 1 { break }
            }
            let result: Result<T, any Error>
            if let port = await iterator.next(), let baseURL = URL(string: "http://\(host):\(port)") {
                do {
                    var testSandbox = TestSandbox(sandbox: sandbox, baseURL: baseURL)
                    testSandbox.httpsPort = tls[.https]
                    result = .success(try await body(testSandbox))
                } catch {
                    result = .failure(error)
                }
            } else {
                result = .failure(TestSandboxError.didNotStart)
            }
            // Let in-flight requests finish, but never wait on one the test abandoned for more than 5 seconds.
            await serviceGroup.triggerGracefulShutdown()
            group.addTask { try await Task.sleep(for: .seconds(5)) }
            _ = try? await group.next()
            group.cancelAll()
            return try result.get()
        }
    }
}

/// Why a ``TestSandbox`` could not run.
public enum TestSandboxError: Error {
    /// The server stopped before it reported its port.
    case didNotStart
    /// No credential has this key or id.
    case unknownCredential(String)
}
