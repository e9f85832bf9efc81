import Foundation

/// Hyalto's datetime parameters: `yyyy-mm-dd hh:mm:ss` in UTC, the separator a space, `+`, `%20` or `T`
/// (percent-decoding has happened already), or a bare date meaning midnight.
enum HyaltoDate {
    /// Seconds since 1970 for `text`, or `nil` when it is not such a datetime.
    static func parse(_ text: String) -> Int64? {
        let normalized = text.replacingOccurrences(of: "+", with: " ").replacingOccurrences(of: "T", with: " ")
        let parts = normalized.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let time =
            parts.count == 2
            ? parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) } : [0, 0, 0]
        guard date.count == 3, time.count == 3, parts[0].count == 10,
            let year = date[0], let month = date[1], let day = date[2],
            let hour = time[0], let minute = time[1], let second = time[2],
            (1...12).contains(month), day >= 1, day <= SandboxTime.daysIn(month: month, year: year),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        return SandboxTime.days(fromCivil: Int64(year), Int64(month), Int64(day)) * 86_400
            + Int64(hour * 3_600 + minute * 60 + second)
    }

    /// `2018-07-13 12:00:00` for seconds since 1970.
    static func format(_ seconds: Int64) -> String {
        let day = Int(seconds.quotientAndRemainder(dividingBy: 86_400).quotient)
        let rest = Int(seconds - Int64(day) * 86_400)
        let parts = SandboxTime.civil(fromDays: Int64(day))
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", Int(parts.year), Int(parts.month), Int(parts.day), rest / 3_600,
            rest / 60 % 60,
            rest % 60)
    }
}
