import Foundation

/// Usage Engine's timestamps: RFC 3339, such as `2023-07-26T09:00:15.690+00:00`.
enum UsageEngineTime {
    /// `date` in UTC with milliseconds, such as `2024-01-01T00:00:00.000Z`.
    static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// The instant `text` names, with or without fractional seconds; `nil` when it is not RFC 3339.
    static func date(_ text: String) -> Date? {
        (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle()))
    }
}
