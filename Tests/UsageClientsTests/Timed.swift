import UsageClients

/// How long a call took, and what it gave; a call still running at the cap is cancelled, so a regression fails
/// the test instead of hanging it.
struct Timed<T: Sendable>: Sendable {
    let result: Result<T, any Error>?
    let elapsed: Duration

    /// The client error the call ended with, if it ended with one.
    var error: UsageClientError? {
        if case .failure(let error as UsageClientError)? = result { return error }
        return nil
    }

    static func run(cap: Duration, _ body: @escaping @Sendable () async throws -> T) async -> Timed<T> {
        let started = ContinuousClock.now
        let result = await withTaskGroup(of: Result<T, any Error>?.self) { group in
            group.addTask {
                do { return .success(try await body()) } catch { return .failure(error) }
            }
            group.addTask {
                try? await Task.sleep(for: cap)
                return nil
            }
            defer { group.cancelAll() }
            return await group.next() ?? nil
        }
        return Timed(result: result, elapsed: ContinuousClock.now - started)
    }
}
