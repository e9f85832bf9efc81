import NIOPosix

/// Runs `work` on a thread of its own and awaits it: CPU-heavy work (generating the fixture company) stays off the
/// event loops that run Swift's tasks and serve requests. The thread is started for the work and stopped after
/// it, so the work has an owner and nothing outlives it.
func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    let pool = NIOThreadPool(numberOfThreads: 1)
    pool.start()
    let result = await Result(catching: { try await pool.runIfActive(work) })
    try await pool.shutdownGracefully()
    return try result.get()
}

extension Result where Failure == any Error {
    /// The outcome of an async throwing `body`.
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
