import Logging
import ServiceLifecycle

/// The Hyalto and Zylo fixture load that ``Sandbox/open(_:)`` deferred so `serve` answers sooner, run as a service of
/// the application: it starts with the server, stops with it (cancelled between its short transactions), and its
/// failure surfaces, on stderr and as the answer of every request that needs those fixtures.
struct FixtureLoader: Service {
    let sandbox: Sandbox
    let logger: Logger

    func run() async throws {
        if let load = sandbox.deferredFixtures.withLock({ load in defer { load = nil }; return load }) {
            do {
                try await load()
            } catch {
                let reason = "the Zylo and Hyalto fixtures could not be loaded: \(error)"
                logger.error("\(reason)")
                sandbox.hyaltoReady.fail(reason)
                sandbox.zyloReady.fail(reason)
            }
        }
        // A service that returns ends the application; this one's work is done, so it waits for the shutdown.
        try? await gracefulShutdown()
    }
}
