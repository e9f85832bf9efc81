import Foundation

/// An access token fetched lazily, reused until shortly before it expires, and replaced once when the server
/// refuses it. Concurrent callers share one fetch: a thousand requests at expiry cause one token request.
///
/// ```swift
/// let cache = TokenCache(refreshMargin: .seconds(60)) {
///     let token = try await fetchToken()
///     return (token.accessToken, .seconds(token.expiresIn))
/// }
/// let value = try await cache.token(replacing: nil)
/// ```
actor TokenCache {
    private struct Token {
        let value: String
        let expires: ContinuousClock.Instant
        /// How early to replace it: the configured margin, but at most half its life, so a short-lived token is
        /// not fetched again on every call.
        let margin: Duration
    }

    private let refreshMargin: Duration
    private let fetch: @Sendable () async throws -> (value: String, lifetime: Duration)
    private var current: Token?
    private var inFlight: Task<Token, any Error>?

    init(
        refreshMargin: Duration = .seconds(60),
        fetch: @escaping @Sendable () async throws -> (value: String, lifetime: Duration)
    ) {
        self.refreshMargin = refreshMargin
        self.fetch = fetch
    }

    /// A token that is not `rejected` and not about to expire, fetching one when needed.
    func token(replacing rejected: String?) async throws -> String {
        if let current, current.value != rejected, ContinuousClock.now + current.margin < current.expires {
            return current.value
        }
        if let inFlight { return try await inFlight.value.value }
        let fetch = self.fetch
        let refreshMargin = self.refreshMargin
        // The task inherits the caller's task-local operation deadline, so the fetch counts against the operation
        // that needed the token; callers that join it wait for the same fetch.
        let task = Task {
            let fetched = try await fetch()
            return Token(
                value: fetched.value, expires: ContinuousClock.now + fetched.lifetime,
                margin: min(refreshMargin, fetched.lifetime / 2))
        }
        inFlight = task
        do {
            let token = try await task.value
            current = token
            inFlight = nil
            return token.value
        } catch {
            inFlight = nil
            throw error
        }
    }
}

extension TokenCache: CustomReflectable {
    /// Nothing: `dump()` of a client must not print its token.
    nonisolated var customMirror: Mirror { Mirror(self, children: []) }
}
