import Foundation

/// The one timestamp format the sandbox writes: RFC 3339 in UTC with milliseconds, `2021-05-24T20:14:30.886Z`.
public enum SandboxTime {
    /// `date` as `2021-05-24T20:14:30.886Z`.
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// Parses RFC 3339 with or without fractional seconds, with `Z` or an offset.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
