import Synchronization

/// Holds requests back until the fixtures they need are loaded (``Sandbox/open(_:)`` with deferred loading).
///
/// Once open it costs one lock per request; a load that failed answers every waiter with that failure.
final class FixtureGate: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Void, any Error>])
        case open
        case failed(String)
    }

    private let state = Mutex(State.waiting([]))

    /// Returns when the gate is open; throws ``SandboxFailure/internalError(_:)`` when loading failed.
    func wait() async throws {
        let settled: Result<Void, SandboxFailure>? = state.withLock { state in
            switch state {
            case .open: .success(())
            case .failed(let reason): .failure(.internalError(reason))
            case .waiting: nil
            }
        }
        if let settled { return try settled.get() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let settled: Result<Void, SandboxFailure>? = state.withLock { state in
                switch state {
                case .open: return .success(())
                case .failed(let reason): return .failure(.internalError(reason))
                case .waiting(let waiters):
                    state = .waiting(waiters + [continuation])
                    return nil
                }
            }
            if let settled { continuation.resume(with: settled.mapError { $0 as any Error }) }
        }
    }

    func open() { settle(.open) }

    func fail(_ reason: String) { settle(.failed(reason)) }

    private func settle(_ final: State) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            guard case .waiting(let waiters) = state else { return [] }
            state = final
            return waiters
        }
        for waiter in waiters {
            if case .failed(let reason) = final {
                waiter.resume(throwing: SandboxFailure.internalError(reason))
            } else {
                waiter.resume()
            }
        }
    }
}
