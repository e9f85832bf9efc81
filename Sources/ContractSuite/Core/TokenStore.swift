import Foundation
import Synchronization
import UsageClients

/// The access tokens and token-holding clients of one target session, shared by its checks: a run asks a vendor's
/// token endpoint once per credential and reuses the answer for the token's lifetime, so the suite does not trip
/// Usage Engine's documented token rate limit itself.
///
/// ```swift
/// let tokens = TokenStore()
/// tokens.keep(answer, lifetime: 3_600, for: "usage-engine|https://api.digitalroute.io|client-id")
/// tokens.answer(for: "usage-engine|https://api.digitalroute.io|client-id")   // the same answer, for ~59 minutes
/// ```
public final class TokenStore: Sendable {
    private struct Entry {
        let answer: RawResponse
        let reuseUntil: ContinuousClock.Instant
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let clients = Mutex<[String: any Sendable]>([:])

    /// An empty store.
    public init() {}

    /// The token answer kept for `key`, while it has life left.
    public func answer(for key: String) -> RawResponse? {
        entries.withLock { entries in
            guard let entry = entries[key], ContinuousClock.now < entry.reuseUntil else { return nil }
            return entry.answer
        }
    }

    /// Keeps a successful token `answer` for `key`: it is reused until a minute before `lifetime` seconds pass
    /// (half its life for short-lived tokens).
    public func keep(_ answer: RawResponse, lifetime: Double, for key: String) {
        let margin = min(60, max(lifetime, 0) / 2)
        let reuseUntil = ContinuousClock.now + .milliseconds(Int64((max(lifetime, 0) - margin) * 1_000))
        entries.withLock { $0[key] = Entry(answer: answer, reuseUntil: reuseUntil) }
    }

    /// The client kept for `key`, made by `make` the first time: a typed client caches its own token, so sharing
    /// it shares the token.
    func client<Client: Sendable>(for key: String, make: () -> Client) -> Client {
        clients.withLock { clients in
            if let client = clients[key] as? Client { return client }
            let client = make()
            clients[key] = client
            return client
        }
    }
}
