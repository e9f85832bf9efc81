import Foundation

/// A meter type's `resetSchedule` read as cron: when a meter's period ends and the next begins.
///
/// Each field takes `*` (or `?`), a number, a list (`1,15`), a range (`1-5`), a step (`*/4`, `1-12/3`) or a mix;
/// `day` also takes `L`, the month's last day; `weekday` counts 0–7 with 0 and 7 for Sunday, and `month` and
/// `weekday` take English abbreviations (`JAN`, `MON`). As in cron, when both `day` and `weekday` are restricted a day
/// matching either counts. Times are wall-clock times in the meter's time zone: a reset at a local time the clocks
/// skip (spring forward) moves forward by the gap (02:30 becomes 03:30), and one at a time they repeat happens at its
/// first occurrence, as Foundation's calendar resolves them.
///
/// ```swift
/// let schedule = try UsageEngineSchedule(day: "1", hour: "0", minute: "0", month: "*", weekday: "*")
/// schedule.next(after: created, in: TimeZone(identifier: "Europe/Berlin")!)   // next 1st of a month, 00:00 Berlin
/// ```
struct UsageEngineSchedule: Sendable, Equatable {
    /// A field that is not cron; the message names it.
    struct Invalid: Error {
        let field: String
        let value: String
    }

    let minutes: [Int]
    let hours: [Int]
    /// Days of the month; empty with ``lastDay`` alone.
    let days: Set<Int>
    let lastDay: Bool
    let months: Set<Int>
    /// 0 (Sunday) to 6.
    let weekdays: Set<Int>
    let dayRestricted: Bool
    let weekdayRestricted: Bool

    init(day: String, hour: String, minute: String, month: String, weekday: String) throws(Invalid) {
        minutes = try Self.values(minute, field: "minute", in: 0...59).sorted()
        hours = try Self.values(hour, field: "hour", in: 0...23).sorted()
        guard !day.isEmpty else { throw Invalid(field: "day", value: day) }
        let dayParts = day.uppercased().split(separator: ",").map(String.init)
        lastDay = dayParts.contains("L")
        let numericDays = dayParts.filter { $0 != "L" }.joined(separator: ",")
        days = numericDays.isEmpty ? [] : Set(try Self.values(numericDays, field: "day", in: 1...31))
        months = Set(try Self.values(month, field: "month", in: 1...12, names: Self.monthNames))
        weekdays = Set(try Self.values(weekday, field: "weekday", in: 0...7, names: Self.weekdayNames).map { $0 % 7 })
        dayRestricted = !Self.isWildcard(day)
        weekdayRestricted = !Self.isWildcard(weekday)
    }

    init(_ schedule: UsageEngineMeterType.ResetSchedule) throws(Invalid) {
        try self.init(
            day: schedule.day, hour: schedule.hour, minute: schedule.minute, month: schedule.month,
            weekday: schedule.weekday)
    }

    /// The first reset strictly after `instant`, in `zone`; `nil` when none falls in the next eight years (a
    /// schedule such as the 31st of February).
    func next(after instant: Date, in zone: TimeZone) -> Date? {
        search(from: instant, in: zone, forward: true)
    }

    /// The last reset at or before `instant`, in `zone`; `nil` when none falls in the eight years before.
    func previous(atOrBefore instant: Date, in zone: TimeZone) -> Date? {
        search(from: instant, in: zone, forward: false)
    }

    private func search(from instant: Date, in zone: TimeZone, forward: Bool) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = calendar.dateComponents([.year, .month, .day], from: instant)
        guard let year = start.year, let month = start.month, let day = start.day else { return nil }
        let firstDay = SandboxTime.days(fromCivil: Int64(year), Int64(month), Int64(day))
        let span: Int64 = 8 * 366
        // A day's resets may fall on the day before or after in UTC terms; one day of slack covers every zone.
        let days =
            forward ? Array((firstDay - 1)...(firstDay + span)) : Array(((firstDay - span)...(firstDay + 1)).reversed())
        for number in days {
            let (y, m, d) = SandboxTime.civil(fromDays: number)
            guard months.contains(Int(m)), matches(day: Int(d), month: Int(m), year: Int(y), dayNumber: number)
            else { continue }
            for hour in forward ? hours : hours.reversed() {
                for minute in forward ? minutes : minutes.reversed() {
                    let components = DateComponents(
                        year: Int(y), month: Int(m), day: Int(d), hour: hour, minute: minute)
                    guard let candidate = calendar.date(from: components) else { continue }
                    if forward ? candidate > instant : candidate <= instant { return candidate }
                }
            }
        }
        return nil
    }

    private func matches(day: Int, month: Int, year: Int, dayNumber: Int64) -> Bool {
        let isLast = day == SandboxTime.daysIn(month: month, year: year)
        let dayMatches = days.contains(day) || (lastDay && isLast)
        // 1970-01-01 was a Thursday (4).
        let weekday = Int(((dayNumber % 7) + 11) % 7)
        let weekdayMatches = weekdays.contains(weekday)
        switch (dayRestricted, weekdayRestricted) {
        case (true, true): return dayMatches || weekdayMatches
        case (true, false): return dayMatches
        case (false, true): return weekdayMatches
        case (false, false): return true
        }
    }

    private static let monthNames = [
        "JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11,
        "DEC": 12,
    ]
    private static let weekdayNames = ["SUN": 0, "MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6]

    private static func isWildcard(_ text: String) -> Bool { text == "*" || text == "?" }

    /// The values one cron field stands for.
    private static func values(
        _ text: String, field: String, in range: ClosedRange<Int>, names: [String: Int] = [:]
    ) throws(Invalid) -> [Int] {
        let invalid = Invalid(field: field, value: text)
        guard !text.isEmpty, text.count <= 100 else { throw invalid }
        var result = Set<Int>()
        for part in text.uppercased().split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { throw invalid }
            var step = 1
            if pieces.count == 2 {
                guard let value = Int(pieces[1]), value >= 1, value <= range.upperBound else { throw invalid }
                step = value
            }
            func number(_ text: Substring) throws(Invalid) -> Int {
                guard let value = Int(text) ?? names[String(text)], range.contains(value) else { throw invalid }
                return value
            }
            let bounds: ClosedRange<Int>
            if pieces[0] == "*" || pieces[0] == "?" {
                bounds = range
            } else if let dash = pieces[0].firstIndex(of: "-") {
                let low = try number(pieces[0][..<dash])
                let high = try number(pieces[0][pieces[0].index(after: dash)...])
                guard low <= high else { throw invalid }
                bounds = low...high
            } else {
                let value = try number(pieces[0])
                bounds = value...(pieces.count == 2 ? range.upperBound : value)
            }
            result.formUnion(stride(from: bounds.lowerBound, through: bounds.upperBound, by: step))
        }
        return Array(result)
    }
}
