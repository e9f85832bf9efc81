/// When a meter type's meters reset: cron-like fields, each a string (`L` is a month's last day, `*` any).
///
/// On create, a field left `nil` takes the vendor's default (day `1`, hour `0`, minute `0`, month `*`,
/// weekday `*`: monthly at midnight).
///
/// ```swift
/// var new = UsageEngineNewMeterType(name: "Pay-Per-Print")
/// new.resetSchedule = UsageEngineMeterResetSchedule(day: "L", hour: "23", minute: "59")
/// ```
public struct UsageEngineMeterResetSchedule: Sendable, Hashable, Codable {
    /// Day of the month.
    public var day: String?
    /// Hour of the day.
    public var hour: String?
    /// Minute of the hour.
    public var minute: String?
    /// Month of the year.
    public var month: String?
    /// Day of the week.
    public var weekday: String?

    /// A schedule; `nil` fields take the vendor's defaults.
    public init(
        day: String? = nil, hour: String? = nil, minute: String? = nil, month: String? = nil, weekday: String? = nil
    ) {
        self.day = day
        self.hour = hour
        self.minute = minute
        self.month = month
        self.weekday = weekday
    }

    enum CodingKeys: String, CodingKey {
        case day, hour, minute, month, weekday
    }

    /// Decodes tolerantly: a missing, `null` or mistyped optional field becomes `nil` (or empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        day = Self.field(container, .day)
        hour = Self.field(container, .hour)
        minute = Self.field(container, .minute)
        month = Self.field(container, .month)
        weekday = Self.field(container, .weekday)
    }

    /// A field written as a string or, tolerantly, as a number.
    private static func field(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) -> String? {
        container.tolerant(String.self, forKey: key)
            ?? container.tolerant(Int.self, forKey: key).map(String.init)
    }
}
