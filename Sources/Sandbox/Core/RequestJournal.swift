import DequeModule
import Foundation
import HTTPTypes
import Synchronization

/// The last requests the sandbox answered, newest first, secrets redacted; served at `GET /__admin/requests`.
///
/// Bounded: it keeps at most `capacity` entries, at most `maxBytes` in all (the oldest go first), at most
/// ``RequestJournal/maxBodyCharacters`` of each body and ``RequestJournal/Record/maxHeaderBytes`` of each header
/// value; whatever is cut says so in the entry.
public final class RequestJournal: ResettableState {
    /// One answered request.
    public struct Entry: Codable, Sendable {
        /// Increases by one per recorded request: page back with `before`, poll with `after`.
        public var sequence: Int
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
        /// The listener the request came through: `http`, `https` or `proxy`.
        public var listener: String
        /// The id of the credential the request was made with, when the sandbox knows it (filled in as the admin
        /// API reads the journal, so the request path pays nothing for it).
        public var credential: String?
        /// That credential's label, or its vendor key when it has none and the key is public (Zylo `tokenId`,
        /// Hyalto `accessKey`, Usage Engine `clientId`; a Mason key is secret whole and never shown).
        public var credentialLabel: String?
    }

    /// The longest body excerpt kept per entry.
    public static let maxBodyCharacters = 4_096
    /// Bodies up to this size are redacted and excerpted; a larger one is shown as its size only (redacting
    /// megabytes of upload on the request path would cost more than answering it).
    public static let maxKeptBodyBytes = 64 * 1024

    /// One answered request as the request path hands it over: the raw head and body, not yet redacted.
    ///
    /// Redacting and formatting cost more than answering a small request, so they wait until someone reads the
    /// journal (``recent(limit:vendor:)``); nothing unredacted ever leaves the journal. A body longer than
    /// ``maxBodyCharacters`` is redacted at once, so the ring holds at most that much of each body either way.
    struct Record: Sendable {
        var sequence = 0
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
        var listener = Listener.http

        /// A request body: small ones raw (redacted when read), longer ones already redacted and cut.
        enum Body: Sendable {
            case raw(Data)
            case excerpt(String)
        }

        /// The journal's copy of a body of `size` bytes: `data` when it was kept (bodies up to
        /// ``RequestJournal/maxKeptBodyBytes``), else a marker naming the size.
        static func body(_ data: Data?, size: Int, contentType: String?) -> Body? {
            guard let data else {
                return size > 0 ? .excerpt("[body of \(size) bytes not kept]") : nil
            }
            if data.count <= RequestJournal.maxBodyCharacters { return .raw(data) }
            return .excerpt(Self.excerpt(data, contentType: contentType))
        }

        static func excerpt(_ data: Data, contentType: String?) -> String {
            let redacted = Redaction.body(data, contentType: contentType)
            guard redacted.count > RequestJournal.maxBodyCharacters else { return redacted }
            return String(redacted.prefix(RequestJournal.maxBodyCharacters)) + "…[truncated: \(data.count) bytes]"
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
                sequence: sequence,
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
                fault: fault,
                listener: listener.rawValue
            )
        }
    }

    private let capacity: Int
    private let maxBytes: Int

    /// The records, oldest first, with their sizes and the running total.
    private struct Ring {
        var records = Deque<Record>()
        var bytes = 0
        var nextSequence = 1
    }

    private let ring = Mutex(Ring())

    /// Creates a journal that keeps the last `capacity` requests, and at most `maxBytes` of them in all.
    public init(capacity: Int, maxBytes: Int = 16 * 1024 * 1024) {
        self.capacity = max(capacity, 1)
        self.maxBytes = max(maxBytes, 1)
    }

    /// Records `entry`, dropping the oldest while the journal is over its entry count or its byte budget.
    func record(_ entry: Record) {
        var entry = entry
        entry.truncateHeaders()
        let size = entry.approximateBytes
        ring.withLock { ring in
            entry.sequence = ring.nextSequence
            ring.nextSequence += 1
            ring.records.append(entry)
            ring.bytes += size
            while ring.records.count > capacity || (ring.bytes > maxBytes && ring.records.count > 1) {
                ring.bytes -= ring.records.removeFirst().approximateBytes
            }
        }
    }

    /// The newest `limit` entries, newest first, optionally for one vendor, older than sequence number `before`
    /// (to page back through the journal) and newer than `after` (to poll for what is new).
    public func recent(limit: Int, vendor: Vendor? = nil, before: Int? = nil, after: Int? = nil) -> [Entry] {
        records(limit: limit, vendor: vendor, before: before, after: after).map(\.entry)
    }

    /// The records ``recent(limit:vendor:before:after:)`` shows, not yet redacted: for readers inside the sandbox.
    func records(limit: Int, vendor: Vendor? = nil, before: Int? = nil, after: Int? = nil) -> [Record] {
        ring.withLock { ring in
            var result: [Record] = []
            for record in ring.records.reversed() {
                if result.count >= limit { break }
                if let after, record.sequence <= after { break }
                if let before, record.sequence >= before { continue }
                if vendor == nil || record.vendor == vendor { result.append(record) }
            }
            return result
        }
    }

    /// How many entries and bytes the journal holds now.
    public var usage: (entries: Int, bytes: Int) {
        ring.withLock { ($0.records.count, $0.bytes) }
    }

    /// Forgets every entry, as a reset does.
    public func reset() { clear() }

    /// How many entries it holds.
    public var count: Int { usage.entries }

    /// Forgets every entry; sequence numbers keep counting, so a reader polling with `after` misses nothing.
    public func clear() {
        ring.withLock { ring in
            ring.records.removeAll()
            ring.bytes = 0
        }
    }
}

extension RequestJournal.Record {
    /// The longest header value kept; longer ones are cut with a visible marker.
    static let maxHeaderBytes = 1_024

    /// Cuts long header values, so one 60 KB header costs the journal 1 KiB.
    mutating func truncateHeaders() {
        guard requestHeaders.contains(where: { $0.value.utf8.count > Self.maxHeaderBytes }) else { return }
        var fields = HTTPFields()
        for var field in requestHeaders {
            let count = field.value.utf8.count
            if count > Self.maxHeaderBytes {
                let kept = String(decoding: field.value.utf8.prefix(Self.maxHeaderBytes), as: UTF8.self)
                field.value = kept + "…[truncated: \(count) bytes]"
            }
            fields.append(field)
        }
        requestHeaders = fields
    }

    /// About what the record costs in memory: its strings and header bytes, plus a fixed overhead.
    var approximateBytes: Int {
        var total = 256 + path.utf8.count + (query?.utf8.count ?? 0)
        for field in requestHeaders { total += field.name.rawName.utf8.count + field.value.utf8.count + 16 }
        for field in responseHeaders { total += field.name.rawName.utf8.count + field.value.utf8.count + 16 }
        switch body {
        case .raw(let data)?: total += data.count
        case .excerpt(let text)?: total += text.utf8.count
        case nil: break
        }
        return total
    }
}
