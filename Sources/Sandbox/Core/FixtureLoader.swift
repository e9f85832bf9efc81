import Logging
import ServiceLifecycle

/// The fixture load that ``Sandbox/open(_:)`` deferred so `serve` answers sooner, run as a service of the
/// application: it starts with the server and stops with it (cancelled between its short transactions), and its
/// failure surfaces, in the log and as the answer of every request that needs those fixtures.
struct FixtureLoader: Service {
    let sandbox: Sandbox
    let logger: Logger

    func run() async throws {
        if let load = sandbox.takeDeferredFixtureLoad() {
            do {
                try await load()
            } catch is CancellationError {
                // Stopped with the server: the next start finishes the load (each step has its marker).
            } catch {
                let reason = "the deferred fixtures could not be loaded: \(error)"
                logger.error("\(reason)")
                sandbox.failDeferredFixtures(reason)
            }
        }
        // A service that returns would end the application; this one's work is done, so it waits for the shutdown.
        try? await gracefulShutdown()
    }
}
