import Foundation

/// The one timestamp format the sandbox writes: RFC 3339 in UTC with milliseconds, `2021-05-24T20:14:30.886Z`.
public enum SandboxTime {
    nonisolated(unsafe) private static let rfc3339 =
        /(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))/

    /// `date` as `2021-05-24T20:14:30.886Z`.
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// Parses RFC 3339 with or without fractional seconds, with `Z` or an offset; anything else is `nil`,
    /// including trailing characters and impossible dates such as `2020-02-30`, which Foundation's parser would
    /// skip or roll over.
    public static func parse(_ text: String) -> Date? {
        guard let match = text.wholeMatch(of: rfc3339),
            let year = Int(match.1), let month = Int(match.2), let day = Int(match.3),
            let hour = Int(match.4), let minute = Int(match.5), let second = Int(match.6),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour <= 23, minute <= 59, second <= 60,
            (match.9.flatMap { Int($0) } ?? 0) <= 23, (match.10.flatMap { Int($0) } ?? 0) <= 59
        else { return nil }
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }

    /// The number of days in `month` of `year` (Gregorian).
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
