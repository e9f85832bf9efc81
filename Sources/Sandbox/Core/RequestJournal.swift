import Foundation
import HTTPTypes
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

    /// One answered request as the request path hands it over: the raw head and body, not yet redacted.
    ///
    /// Redacting and formatting cost more than answering a small request, so they wait until someone reads the
    /// journal (``recent(limit:vendor:)``); nothing unredacted ever leaves the journal. A body longer than
    /// ``maxBodyCharacters`` is redacted at once, so the ring holds at most that much of each body either way.
    struct Record: Sendable {
        var id: String
        var time: Date
        var vendor: Vendor?
        var method: HTTPRequest.Method
        var path: String
        var query: String?
        var status: Int
        var duration: Duration
        var requestHeaders: HTTPFields
        var body: Body?
        var responseHeaders: HTTPFields
        var matchedScenario: String?
        var fault: String?

        /// A request body: small ones raw (redacted when read), longer ones already redacted and cut.
        enum Body: Sendable {
            case raw(Data)
            case excerpt(String)
        }

        static func body(_ data: Data?, contentType: String?) -> Body? {
            guard let data else { return nil }
            if data.count <= RequestJournal.maxBodyCharacters { return .raw(data) }
            return .excerpt(Self.excerpt(data, contentType: contentType))
        }

        static func excerpt(_ data: Data, contentType: String?) -> String {
            String(Redaction.body(data, contentType: contentType).prefix(RequestJournal.maxBodyCharacters))
        }

        /// The entry as the admin API shows it: secrets masked, time in RFC 3339.
        var entry: Entry {
            var requestFields: [String: String] = [:]
            for field in requestHeaders {
                requestFields[field.name.canonicalName] = Redaction.header(
                    name: field.name.canonicalName, value: field.value)
            }
            var responseFields: [String: String] = [:]
            for field in responseHeaders { responseFields[field.name.canonicalName] = field.value }
            let requestBody: String? =
                switch body {
                case .raw(let data): Self.excerpt(data, contentType: requestHeaders[.contentType])
                case .excerpt(let text): text
                case nil: nil
                }
            return Entry(
                id: id,
                time: SandboxTime.format(time),
                vendor: vendor?.rawValue,
                method: method.rawValue,
                path: path,
                query: query.map(Redaction.query),
                status: status,
                durationMs: Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1e3,
                requestHeaders: requestFields,
                requestBody: requestBody,
                responseHeaders: responseFields,
                matchedScenario: matchedScenario,
                fault: fault
            )
        }
    }

    private let capacity: Int
    /// A ring: `slots[next]` is the oldest entry once the journal is full. Recording is O(1) at any capacity.
    private struct Ring {
        var slots: [Record] = []
        var next = 0
    }

    private let ring = Mutex(Ring())

    /// Creates a journal that keeps the last `capacity` requests.
    public init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// Records `entry`, replacing the oldest when full.
    func record(_ entry: Record) {
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
        let records = ring.withLock { ring in
            let count = ring.slots.count
            var result: [Record] = []
            var index = ring.next
            for _ in 0..<count where result.count < limit {
                index = (index - 1 + count) % count
                let record = ring.slots[index]
                if vendor == nil || record.vendor == vendor { result.append(record) }
            }
            return result
        }
        return records.map(\.entry)
    }

    /// Forgets every entry.
    public func clear() {
        ring.withLock { $0 = Ring() }
    }
}
