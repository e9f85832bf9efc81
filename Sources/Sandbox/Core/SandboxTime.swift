import Foundation

/// The one timestamp format the sandbox writes: RFC 3339 in UTC with milliseconds, `2021-05-24T20:14:30.886Z`.
public enum SandboxTime {
    /// `date` as `2021-05-24T20:14:30.886Z`.
    ///
    /// Written by hand from the civil calendar (no formatter, no locale): every response and journal entry stamps
    /// times, and Foundation's `ISO8601FormatStyle` showed in the request-path profile.
    public static func format(_ date: Date) -> String {
        // To the nearest tenth of a millisecond first, then milliseconds truncated: `.373` parsed is 0.37299999...
        // in binary (a microsecond below, far from 1970), and truncating that at once (as Foundation's
        // `ISO8601FormatStyle` does) would write `.372`, a time the client never sent. Clamped to years 0001-9999,
        // so no instant, however absurd, can trap the arithmetic.
        let raw = date.timeIntervalSince1970
        let interval = raw.isNaN ? 0 : min(max(raw, -62_135_596_800), 253_402_300_799.999)
        let seconds = interval.rounded(.down)
        let tenths = Int64(((interval - seconds) * 10_000).rounded())
        let milliseconds = Int64(seconds) * 1000 + tenths / 10
        let (days, msOfDay) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let dayNumber = msOfDay < 0 ? days - 1 : days
        let ms = msOfDay < 0 ? msOfDay + 86_400_000 : msOfDay
        let (year, month, day) = civil(fromDays: dayNumber)
        var text = ""
        text.reserveCapacity(24)
        func pad(_ value: Int64, _ width: Int) {
            let digits = String(value)
            if digits.count < width { text += String(repeating: "0", count: width - digits.count) }
            text += digits
        }
        pad(year, 4)
        text += "-"
        pad(month, 2)
        text += "-"
        pad(day, 2)
        text += "T"
        pad(ms / 3_600_000, 2)
        text += ":"
        pad(ms / 60_000 % 60, 2)
        text += ":"
        pad(ms / 1000 % 60, 2)
        text += "."
        pad(ms % 1000, 3)
        text += "Z"
        return text
    }

    /// The proleptic Gregorian year, month and day of `days` since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Parses RFC 3339 with or without fractional seconds, with `Z` or an offset; anything else is `nil`,
    /// including trailing characters and impossible dates such as `2020-02-30`, which Foundation's parser would
    /// skip or roll over.
    ///
    /// A hand-written scanner: Mason parses a date on every call, and the `Regex` and `ISO8601FormatStyle` it replaced
    /// were a tenth of the request path's profile.
    public static func parse(_ text: String) -> Date? {
        if LibraryChoice.rfc3339 { return libraryParse(text) }
        var scanner = Scanner(Array(text.utf8))
        guard let year = scanner.digits(4), scanner.take("-"), let month = scanner.digits(2), scanner.take("-"),
            let day = scanner.digits(2), scanner.take("T") || scanner.take("t"), let hour = scanner.digits(2),
            scanner.take(":"), let minute = scanner.digits(2), scanner.take(":"), let second = scanner.digits(2)
        else { return nil }
        var fraction = 0.0
        if scanner.take(".") {
            var scale = 0.1
            var count = 0
            while let digit = scanner.digit() {
                fraction += Double(digit) * scale
                scale /= 10
                count += 1
            }
            guard (1...9).contains(count) else { return nil }
        }
        var offset = 0
        if scanner.take("Z") || scanner.take("z") {
            offset = 0
        } else if let sign = scanner.sign(), let hours = scanner.digits(2), scanner.take(":"),
            let minutes = scanner.digits(2), hours <= 23, minutes <= 59
        {
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard scanner.atEnd, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour <= 23,
            minute <= 59, second <= 60
        else { return nil }
        let days = days(fromCivil: Int64(year), Int64(month), Int64(day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// ``parse(_:)`` through Foundation's `ISO8601FormatStyle`, with the same answers: the text is upper-cased
    /// (Foundation wants `T` and `Z`), must end in `Z` or a `±hh:mm` offset, and must read back with the same date and
    /// time in that offset (Foundation rolls `2020-02-30` or `24:00` over instead of refusing them).
    static func libraryParse(_ text: String) -> Date? {
        let upper = text.uppercased()
        let utf8 = Array(upper.utf8)
        guard utf8.count >= 20, utf8[10] == UInt8(ascii: "T") else { return nil }
        var offset = 0
        if utf8.last != UInt8(ascii: "Z") {
            let zone = utf8.suffix(6)
            guard zone.count == 6, zone.first == UInt8(ascii: "+") || zone.first == UInt8(ascii: "-"),
                let hours = Int(String(decoding: zone.dropFirst().prefix(2), as: UTF8.self)),
                zone[zone.startIndex + 3] == UInt8(ascii: ":"),
                let minutes = Int(String(decoding: zone.suffix(2), as: UTF8.self)), hours <= 23, minutes <= 59
            else { return nil }
            offset = (zone.first == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        guard let date = (try? fractionalStyle.parse(upper)) ?? (try? wholeStyle.parse(upper)),
            let zone = TimeZone(secondsFromGMT: offset)
        else { return nil }
        let readBack = Date.ISO8601FormatStyle(timeZone: zone).format(date)
        guard readBack.utf8.prefix(19).elementsEqual(utf8.prefix(19)) else { return nil }
        return date
    }

    private static let fractionalStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let wholeStyle = Date.ISO8601FormatStyle()

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Reads ASCII digits and punctuation off the front of a timestamp.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int? {
            guard index < bytes.count, (48...57).contains(bytes[index]) else { return nil }
            index += 1
            return Int(bytes[index - 1] - 48)
        }

        mutating func digits(_ count: Int) -> Int? {
            var value = 0
            for _ in 0..<count {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }

        mutating func sign() -> Int? {
            if take("+") { return 1 }
            if take("-") { return -1 }
            return nil
        }
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
