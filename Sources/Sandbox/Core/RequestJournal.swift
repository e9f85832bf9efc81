import Foundation
import Synchronization

/// The last requests the sandbox answered, newest first, secrets redacted; served at `GET /__admin/requests`.
///
/// Bounded: it keeps at most `capacity` entries and at most ``RequestJournal/maxBodyCharacters`` of each body.
public final class RequestJournal: Sendable {
    /// One answered request.
    public struct Entry: Codable, Sendable {
        public var id: String
        public var time: String
        public var vendor: String?
        public var method: String
        public var path: String
        public var query: String?
        public var status: Int
        public var durationMs: Double
        public var requestHeaders: [String: String]
        public var requestBody: String?
        public var responseHeaders: [String: String]
        /// `scenario/rule` of the scenario rule that answered, or `nil` when the vendor emulation did.
        public var matchedScenario: String?
        /// The fault a scenario injected (`reset`, `close`, `garbage`, `truncate`, `trickle`); a broken connection
        /// is recorded with status `0`.
        public var fault: String?
    }

    /// The longest body excerpt kept per entry.
    public static let maxBodyCharacters = 4_096

    private let capacity: Int
    /// A ring: `slots[next]` is the oldest entry once the journal is full. Recording is O(1) at any capacity.
    private struct Ring {
        var slots: [Entry] = []
        var next = 0
    }

    private let ring = Mutex(Ring())

    /// Creates a journal that keeps the last `capacity` requests.
    public init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// Records `entry`, replacing the oldest when full.
    func record(_ entry: Entry) {
        ring.withLock { ring in
            if ring.slots.count < capacity {
                ring.slots.append(entry)
            } else {
                ring.slots[ring.next] = entry
            }
            ring.next = (ring.next + 1) % capacity
        }
    }

    /// The newest `limit` entries, newest first, optionally for one vendor.
    public func recent(limit: Int, vendor: Vendor? = nil) -> [Entry] {
        ring.withLock { ring in
            let count = ring.slots.count
            var result: [Entry] = []
            var index = ring.next
            for _ in 0..<count where result.count < limit {
                index = (index - 1 + count) % count
                let entry = ring.slots[index]
                if vendor == nil || entry.vendor == vendor?.rawValue { result.append(entry) }
            }
            return result
        }
    }

    /// Forgets every entry.
    public func clear() {
        ring.withLock { $0 = Ring() }
    }
}
