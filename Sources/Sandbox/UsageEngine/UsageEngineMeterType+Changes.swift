import Foundation

extension UsageEngineMeterType {
    /// The aggregations a meter type may use.
    static let aggregations = ["sum", "increment", "max", "last"]

    /// A new meter type made from a `POST` body, with the defaults the vendor's provisioning example sends:
    /// aggregation `sum`, reset at 00:00 on the 1st of every month, timezone `Etc/UTC`.
    ///
    /// Sandbox choice: `activeFrom` defaults to the creation time (the vendor's example shows a millisecond
    /// timestamp there).
    static func make(_ body: UsageEngineWire.MeterTypeBody, id: String, tenant: String, now: String) throws -> Self {
        var type = Self(
            id: id, tenant: tenant, name: "", aggregation: "sum", resetSchedule: ResetSchedule(), timezone: "Etc/UTC",
            activeFrom: now, createdAt: now, updatedAt: now)
        try type.apply(body, replacing: true)
        return type
    }

    /// Applies `body`: with `replacing` (`POST`, `PUT`) absent fields go back to their defaults and `name` is
    /// required; without it (`PATCH`) absent or `null` fields are kept. Every invalid field is a 400 naming it.
    mutating func apply(_ body: UsageEngineWire.MeterTypeBody, replacing: Bool) throws {
        if replacing {
            guard body.name != nil else { throw UsageEngineAPIError.badRequest("name is required") }
            self = Self(
                id: id, tenant: tenant, name: name, aggregation: "sum", resetSchedule: ResetSchedule(),
                timezone: "Etc/UTC", activeFrom: createdAt, createdAt: createdAt, updatedAt: updatedAt)
        }
        if let name = body.name {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw UsageEngineAPIError.badRequest("name must not be empty")
            }
            self.name = name
        }
        if let description = body.description { self.description = description }
        if let unit = body.unit { self.unit = unit }
        if let category = body.category { self.category = category }
        if let externalRef = body.externalRef { self.externalRef = externalRef }
        if let aggregation = body.aggregation {
            guard let type = aggregation.type else {
                throw UsageEngineAPIError.badRequest("aggregation.type is required")
            }
            guard Self.aggregations.contains(type) else {
                throw UsageEngineAPIError.badRequest(
                    "aggregation.type must be one of \(Self.aggregations.joined(separator: ", ")), got '\(type)'")
            }
            self.aggregation = type
        }
        if let schedule = body.resetSchedule { try apply(schedule) }
        if let capacity = body.capacity { self.capacity = try UsageEngineMeter.capacity(capacity) }
        if let thresholds = body.thresholds {
            self.thresholds = try UsageEngineThreshold.parse(thresholds, capacity: capacity)
        }
        if let timezone = body.timezone {
            guard TimeZone(identifier: timezone) != nil else {
                throw UsageEngineAPIError.badRequest(
                    "timezone must be an IANA time zone such as Etc/UTC, got '\(timezone)'")
            }
            self.timezone = timezone
        }
        if let activeFrom = body.activeFrom { self.activeFrom = try Self.timestamp(activeFrom, field: "activeFrom") }
        if let activeTo = body.activeTo { self.activeTo = try Self.timestamp(activeTo, field: "activeTo") }
        if let activeTo, let end = SandboxTime.parse(activeTo), let start = SandboxTime.parse(activeFrom), end <= start
        {
            throw UsageEngineAPIError.badRequest("activeTo must be later than activeFrom (\(activeFrom))")
        }
    }

    private mutating func apply(_ schedule: UsageEngineWire.MeterTypeBody.ResetSchedule) throws {
        let fields: [(String, String?, WritableKeyPath<ResetSchedule, String>)] = [
            ("day", schedule.day, \.day), ("hour", schedule.hour, \.hour), ("minute", schedule.minute, \.minute),
            ("month", schedule.month, \.month), ("weekday", schedule.weekday, \.weekday),
        ]
        for (_, value, path) in fields {
            guard let value else { continue }
            resetSchedule[keyPath: path] = value
        }
        do {
            _ = try UsageEngineSchedule(resetSchedule)
        } catch {
            throw UsageEngineAPIError.badRequest(
                "resetSchedule.\(error.field) must be a cron field (a number, *, a list such as 1,15, a range such as "
                    + "1-5, a step such as */4, or L for the last day), got '\(error.value.prefix(64))'")
        }
    }

    /// `text` as the vendor writes timestamps, or a 400 naming `field`.
    private static func timestamp(_ text: String, field: String) throws -> String {
        guard let date = SandboxTime.parse(text) else {
            throw UsageEngineAPIError.badRequest("\(field) must be an RFC 3339 date-time, got '\(text)'")
        }
        return UsageEngineWire.timestamp(date)
    }
}
