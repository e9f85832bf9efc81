import Foundation

/// Usage Engine's timestamps: RFC 3339, such as `2023-07-26T09:00:15.690+00:00`.
enum UsageEngineTime {
    /// `date` in UTC with milliseconds, such as `2024-01-01T00:00:00.000Z`.
    ///
    /// The milliseconds are those of the nearest tenth of a millisecond: `.373` read from the vendor is
    /// 0.37299999... in binary, which Foundation's `ISO8601FormatStyle` alone would write back as `.372`, moving a
    /// time the app only passed on.
    static func string(_ date: Date) -> String {
        let time = date.timeIntervalSince1970
        guard time.isFinite else { return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)) }
        var seconds = time.rounded(.down)
        var milliseconds = Int(((time - seconds) * 10_000).rounded()) / 10
        if milliseconds == 1000 {
            seconds += 1
            milliseconds = 0
        }
        let whole = Date(timeIntervalSince1970: seconds).formatted(Date.ISO8601FormatStyle())
        return whole.dropLast() + "." + String(format: "%03d", milliseconds) + "Z"
    }

    /// The instant `text` names, with or without fractional seconds; `nil` when it is not RFC 3339.
    static func date(_ text: String) -> Date? {
        (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle()))
    }
}
