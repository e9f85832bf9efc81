import Foundation

extension UsageEngineMeter {
    /// The time zone the meter's resets are read in: its own, else its type's, else UTC.
    func zone(type: UsageEngineMeterType) -> TimeZone {
        TimeZone(identifier: timezone ?? type.timezone) ?? TimeZone(identifier: "UTC") ?? .current
    }

    /// The type's first reset after `instant`; `nil` when its schedule never comes round.
    func nextReset(after instant: Date, type: UsageEngineMeterType) -> Date? {
        (try? UsageEngineSchedule(type.resetSchedule))?.next(after: instant, in: zone(type: type))
    }

    /// What ``rollOver(now:type:)`` did.
    enum RollOver: Equatable {
        case unchanged
        case reset
        /// A `deleteOnReset` meter whose period ended.
        case deleted
    }

    /// Starts a new period when the virtual clock has passed `periodEnd`: `value` 0, breakdowns emptied, every
    /// threshold's `reachedAt` cleared, the period from the last reset at or before `now` to the next one (periods
    /// skipped while nobody looked are not replayed). A `deleteOnReset` meter is deleted instead.
    mutating func rollOver(now: Date, type: UsageEngineMeterType) -> RollOver {
        guard let end = periodEnd.flatMap(SandboxTime.parse), end <= now else { return .unchanged }
        if deleteOnReset { return .deleted }
        let zone = zone(type: type)
        let schedule = try? UsageEngineSchedule(type.resetSchedule)
        let start = schedule?.previous(atOrBefore: now, in: zone).map { max($0, end) } ?? end
        periodStart = SandboxTime.format(start)
        periodEnd = schedule?.next(after: start, in: zone).map(SandboxTime.format)
        value = 0
        groupBreakdowns = []
        for index in thresholds.indices { thresholds[index].reachedAt = nil }
        updatedAt = periodStart
        return .reset
    }

    /// Records usage as a stream would: `amount` aggregated into `value` by the type's aggregation (`sum` adds,
    /// `increment` counts one, `max` keeps the larger, `last` replaces), the same into the group of each usage
    /// field in `fields`, and every threshold the new value reaches stamped with `now`, once per period.
    mutating func record(amount: Double, fields: [String: String], aggregation: String, now: Date) {
        func aggregate(_ current: Double) -> Double {
            switch aggregation {
            case "increment": current + 1
            case "max": max(current, amount)
            case "last": amount
            default: current + amount
            }
        }
        value = aggregate(value)
        for (name, fieldValue) in fields.sorted(by: { $0.key < $1.key }) {
            let key = "\(name):\(fieldValue)"
            var breakdown =
                groupBreakdowns.first { $0.name == name } ?? UsageEngineGroupBreakdown(name: name, groups: [])
            if let index = breakdown.groups.firstIndex(where: { $0.key == key }) {
                breakdown.groups[index].value = aggregate(breakdown.groups[index].value)
            } else {
                breakdown.groups.append(.init(key: key, fields: [name: fieldValue], value: aggregate(0)))
            }
            if let index = groupBreakdowns.firstIndex(where: { $0.name == name }) {
                groupBreakdowns[index] = breakdown
            } else {
                groupBreakdowns.append(breakdown)
            }
        }
        let stamp = SandboxTime.format(now)
        for index in thresholds.indices where thresholds[index].reachedAt == nil {
            if let level = thresholds[index].level(capacity: capacity), value >= level {
                thresholds[index].reachedAt = stamp
            }
        }
        updatedAt = stamp
    }
}
