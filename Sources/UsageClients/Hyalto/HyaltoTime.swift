import Foundation

/// Hyalto's datetimes: `yyyy-mm-dd hh:mm:ss` (or with a `T`) in UTC, without a zone.
enum HyaltoTime {
    /// `date` as `2018-07-13 12:00:00` (or `2018-07-13T12:00:00` with `separator` `T`), in UTC, whole seconds.
    static func string(_ date: Date, separator: Character) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        let time = String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        return "\(day)\(separator)\(time)"
    }

    /// The instant `text` names: `yyyy-mm-dd hh:mm:ss` or `yyyy-mm-ddThh:mm:ss` read as UTC, or any ISO 8601
    /// date-time with a zone; `nil` for anything else.
    static func date(_ text: String) -> Date? {
        var normalized = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "T")
        let time = normalized.split(separator: "T").dropFirst().first ?? ""
        if !time.contains("Z"), !time.contains("+"), !time.contains("-") { normalized += "Z" }
        return (try? Date(normalized, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            ?? (try? Date(normalized, strategy: Date.ISO8601FormatStyle()))
    }
}
