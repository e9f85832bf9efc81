import Foundation
import Synchronization

/// The token endpoint's rate limit: one token bucket per `client_id`, refilled on the virtual clock.
///
/// The vendor documents "up to 10 request(s) every 1s. The burst capacity is 5 request(s)" (one snapshot of its
/// reference; another says 1,000 every 5 minutes), so rate and burst come from ``UsageEngineSettings``.
/// Sandbox choice: the buckets live in memory only, so a restart or `POST /__admin/reset` forgets them; every
/// well-formed token request of a known `client_id` counts, whether or not its secret is right, and a request with
/// an unknown `client_id` is refused before it reaches a bucket (so unknown clients cannot grow memory).
///
/// ```swift
/// let limiter = UsageEngineRateLimiter()
/// limiter.take(client: "abc", now: clock.now(), rate: 10, burst: 5)   // nil: allowed
/// // ...five more at the same instant: 1, the whole seconds to wait
/// ```
final class UsageEngineRateLimiter: ResettableState {
    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    /// Buckets beyond this many are pruned of full ones (only known clients have buckets; this bounds them too).
    private static let pruneThreshold = 10_000

    private let buckets = Mutex<[String: Bucket]>([:])

    /// Forgets every bucket, as a reset does.
    func reset() {
        buckets.withLock { $0.removeAll() }
    }

    /// How many clients have a bucket now.
    var count: Int { buckets.withLock { $0.count } }

    /// Takes one request from `client`'s bucket: `nil` when allowed, else the whole seconds (at least 1) until
    /// the bucket holds a token again.
    func take(client: String, now: Date, rate: Double, burst: Int) -> Int? {
        let capacity = Double(max(burst, 1))
        return buckets.withLock { buckets in
            var bucket = buckets[client] ?? Bucket(tokens: capacity, updated: now)
            // A clock set backwards refills nothing; it only moves the bucket's reference point.
            let elapsed = max(now.timeIntervalSince(bucket.updated), 0)
            bucket.tokens = min(capacity, bucket.tokens + elapsed * rate)
            bucket.updated = now
            defer {
                buckets[client] = bucket
                if buckets.count > Self.pruneThreshold { buckets = buckets.filter { $0.value.tokens < capacity } }
            }
            guard bucket.tokens >= 1 else {
                guard rate > 0 else { return Int.max }
                return max(1, Int(min(((1 - bucket.tokens) / rate).rounded(.up), 86_400)))
            }
            bucket.tokens -= 1
            return nil
        }
    }
}
