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
    private let entries = Mutex<[Entry]>([])

    /// Creates a journal that keeps the last `capacity` requests.
    public init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// Records `entry`, dropping the oldest when full.
    func record(_ entry: Entry) {
        entries.withLock { entries in
            entries.append(entry)
            if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        }
    }

    /// The newest `limit` entries, newest first, optionally for one vendor.
    public func recent(limit: Int, vendor: Vendor? = nil) -> [Entry] {
        entries.withLock { entries in
            Array(entries.reversed().lazy.filter { vendor == nil || $0.vendor == vendor?.rawValue }.prefix(limit))
        }
    }

    /// Forgets every entry.
    public func clear() {
        entries.withLock { $0.removeAll() }
    }
}
