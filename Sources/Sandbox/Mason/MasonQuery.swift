import Foundation

/// The validated query of an aggregate or time-series call; every invalid parameter is a 400 naming it.
struct MasonQuery: Sendable {
    enum Order: String, Sendable { case asc, desc }
    enum Column: String, Sendable { case total, upload, download }

    /// Aggregate calls: the month (`yyyymm`) holding `date`, ordering, optional marker, paging.
    struct Aggregate: Sendable {
        var month: Int
        var order = Order.desc
        var column = Column.total
        var marker: MasonMarker?
        var limit: Int
        var after: String?
        var before: String?
    }

    /// Time-series calls: days in `[start, end)`, optionally only where `marker` has `markerValue`.
    struct Series: Sendable {
        var startDay: Int
        var endDay: Int
        var marker: MasonMarker?
        var markerValue: String?
    }

    /// Reads `date`, `orderBy`, `orderByColumn`, `marker`, `limit`, `after` and `before`.
    static func aggregate(_ value: (String) -> String?, settings: MasonSettings, lenient: Bool) throws(MasonAPIError)
        -> Aggregate
    {
        guard let text = value("date"), !text.isEmpty else {
            throw .badRequest("date is required: an RFC 3339 date such as 2020-08-01T00:00:00Z")
        }
        guard let date = MasonDate.parse(text, lenient: lenient) else {
            throw .badRequest("date must be an RFC 3339 date such as 2020-08-01T00:00:00Z, got '\(text)'")
        }
        let day = MasonDay.components(Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
        var query = Aggregate(month: day.year * 100 + day.month, limit: settings.defaultLimit)
        if let text = value("orderBy") {
            guard let order = Order(rawValue: text) else {
                throw .badRequest("orderBy must be asc or desc, got '\(text)'")
            }
            query.order = order
        }
        if let text = value("orderByColumn") {
            guard let column = Column(rawValue: text) else {
                throw .badRequest("orderByColumn must be total, upload or download, got '\(text)'")
            }
            query.column = column
        }
        query.marker = try marker(value("marker"))
        if let text = value("limit") {
            guard let limit = Int(text), (1...settings.maxLimit).contains(limit) else {
                throw .badRequest("limit must be an integer from 1 to \(settings.maxLimit), got '\(text)'")
            }
            query.limit = limit
        }
        query.after = value("after")
        query.before = value("before")
        if query.after != nil && query.before != nil {
            throw .badRequest("after and before cannot be used together")
        }
        return query
    }

    /// Reads `start`, `end`, `marker` and `markerValue`.
    static func series(_ value: (String) -> String?, lenient: Bool) throws(MasonAPIError) -> Series {
        func day(_ name: String) throws(MasonAPIError) -> Int {
            guard let text = value(name), !text.isEmpty else {
                throw .badRequest("\(name) is required: an RFC 3339 time such as 2020-08-01T00:00:00Z")
            }
            guard let date = MasonDate.parse(text, lenient: lenient) else {
                throw .badRequest("\(name) must be an RFC 3339 time such as 2020-08-01T00:00:00Z, got '\(text)'")
            }
            // A day row counts when its start lies in [start, end): round a mid-day start up to the next day.
            return Int((date.timeIntervalSince1970 / 86_400).rounded(.up))
        }
        let start = try day("start")
        let end = try day("end")
        guard start < end else { throw .badRequest("start must be before end ([start, end) holds no day)") }
        let marker = try marker(value("marker"))
        let markerValue = value("markerValue")
        if marker != nil && markerValue == nil { throw .badRequest("markerValue is required when marker is given") }
        if marker == nil && markerValue != nil { throw .badRequest("marker is required when markerValue is given") }
        return Series(startDay: start, endDay: end, marker: marker, markerValue: markerValue)
    }

    private static func marker(_ text: String?) throws(MasonAPIError) -> MasonMarker? {
        guard let text else { return nil }
        guard let marker = MasonMarker(rawValue: text) else {
            throw .badRequest("marker must be one of \(MasonMarker.list), got '\(text)'")
        }
        return marker
    }
}

/// Mason's date parameters: RFC 3339, plus the forms the vendor's own examples use.
enum MasonDate {
    /// Parses `text`. Always accepted: the seed's `2020-08-01T0:00:00-00:00` (one-digit hour, `-00:00`).
    /// Lenient only: a date alone (`2020-08-01`) and the seed's stray character after `Z` (`…T00:00:00Z0`).
    static func parse(_ text: String, lenient: Bool) -> Date? {
        // A `+` offset sent unencoded arrives as a space.
        var text = text.utf8.contains(UInt8(ascii: " ")) ? String(text.map { $0 == " " ? "+" : $0 }) : text
        if lenient, text.count > 20, let z = text.lastIndex(of: "Z"), text.index(after: z) != text.endIndex,
            text[text.index(after: z)...].allSatisfy(\.isNumber)
        {
            text = String(text[...z])
        }
        if lenient, text.count == 10 { text += "T00:00:00Z" }
        // Pad a one-digit hour: 2020-08-01T0:00:00 → 2020-08-01T00:00:00.
        if let t = text.firstIndex(of: "T"), let colon = text[t...].firstIndex(of: ":"),
            text.distance(from: t, to: colon) == 2
        {
            text.insert("0", at: text.index(after: t))
        }
        if text.hasSuffix("-00:00") { text = String(text.dropLast(6)) + "Z" }
        return SandboxTime.parse(text)
    }
}
