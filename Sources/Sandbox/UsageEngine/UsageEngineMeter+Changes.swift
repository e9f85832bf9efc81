import Foundation
import UsageJSON

extension UsageEngineMeter {
    /// A new meter of `type` made from a `POST` body: `userId`, `meterKey` and `meterTypeId` are required;
    /// `customFields` defaults to `{}`, `deleteOnReset` to `false`, `capacity` and `thresholds` to the type's, and the
    /// first period starts now and ends at the type's next reset in the meter's time zone.
    static func make(
        _ body: UsageEngineWire.MeterBody, id: String, tenant: String, now: Date, type: UsageEngineMeterType
    ) throws -> Self {
        guard let meterTypeId = body.meterTypeId else {
            throw UsageEngineAPIError.badRequest("meterTypeId is required")
        }
        guard let meterKey = body.meterKey else { throw UsageEngineAPIError.badRequest("meterKey is required") }
        guard !meterKey.trimmingCharacters(in: .whitespaces).isEmpty, meterKey.utf8.count <= 256 else {
            throw UsageEngineAPIError.badRequest("meterKey must be a string of 1 to 256 bytes")
        }
        let stamp = SandboxTime.format(now)
        var meter = Self(
            id: id, tenant: tenant, meterTypeId: meterTypeId, meterKey: meterKey, userId: "", customFields: [:],
            deleteOnReset: false, createdAt: stamp, updatedAt: stamp, value: 0, capacity: type.capacity,
            thresholds: type.thresholds, groupBreakdowns: [], timezone: nil, periodStart: stamp, periodEnd: nil)
        try meter.apply(body, replacing: true, type: type)
        meter.periodEnd = meter.nextReset(after: now, type: type).map(SandboxTime.format)
        return meter
    }

    /// Applies `body`'s `userId`, `customFields`, `deleteOnReset`, `capacity`, `thresholds` and `timezone`: with
    /// `replacing` (`POST`, `PUT`) `userId` is required and the others go back to their defaults when absent; without
    /// it (`PATCH`) absent fields are kept. Every invalid field is a 400 naming it.
    ///
    /// Sandbox choice: `meterKey` and `meterTypeId` cannot change; sending them with other values is a 400. A
    /// meter's `value`, period and breakdowns change only through usage (``record(amount:fields:aggregation:now:)``)
    /// and resets; thresholds' `reachedAt` cannot be sent.
    mutating func apply(_ body: UsageEngineWire.MeterBody, replacing: Bool, type: UsageEngineMeterType) throws {
        if let meterKey = body.meterKey, meterKey != self.meterKey {
            throw UsageEngineAPIError.badRequest("meterKey cannot be changed; create a new meter instead")
        }
        if let meterTypeId = body.meterTypeId, meterTypeId != self.meterTypeId {
            throw UsageEngineAPIError.badRequest("meterTypeId cannot be changed; create a new meter instead")
        }
        if replacing {
            guard body.userId != nil else { throw UsageEngineAPIError.badRequest("userId is required") }
            customFields = [:]
            deleteOnReset = false
            capacity = type.capacity
            thresholds = type.thresholds
            timezone = nil
        }
        if let userId = body.userId {
            guard !userId.trimmingCharacters(in: .whitespaces).isEmpty, userId.utf8.count <= 256 else {
                throw UsageEngineAPIError.badRequest("userId must be a string of 1 to 256 bytes")
            }
            self.userId = userId
        }
        if let customFields = body.customFields {
            try Self.checkCustomFields(customFields, field: "customFields")
            self.customFields = customFields
        }
        if let deleteOnReset = body.deleteOnReset { self.deleteOnReset = deleteOnReset }
        if let capacity = body.capacity { self.capacity = try Self.capacity(capacity) }
        if let timezone = body.timezone {
            guard TimeZone(identifier: timezone) != nil else {
                throw UsageEngineAPIError.badRequest(
                    "timezone must be an IANA time zone such as Europe/Berlin, got '\(timezone.prefix(64))'")
            }
            self.timezone = timezone
        }
        if let thresholds = body.thresholds {
            self.thresholds = try UsageEngineThreshold.parse(thresholds, capacity: capacity)
        } else if capacity == nil, thresholds.contains(where: { $0.absoluteValue == nil }) {
            throw UsageEngineAPIError.badRequest(
                "capacity cannot be removed while thresholds use capacityPercentage")
        }
    }

    /// A `capacity` value: a number from 0 to 1e15, or `null` for none.
    static func capacity(_ value: JSONValue) throws -> Double? {
        switch value {
        case .null: return nil
        case .number(let number) where number.isFinite && number >= 0 && number <= 1e15: return number
        default: throw UsageEngineAPIError.badRequest("capacity must be a number from 0 to 1e15, or null")
        }
    }

    /// Sandbox limits on `customFields` (the vendor documents none): at most ``maxCustomFields`` entries, names of at
    /// most 256 bytes and values of at most 4 KiB when encoded, so one meter cannot make every later list of its
    /// tenant slow.
    static let maxCustomFields = 100

    static func checkCustomFields(_ fields: [String: JSONValue], field: String) throws {
        guard fields.count <= maxCustomFields else {
            throw UsageEngineAPIError.badRequest(
                "\(field) may have at most \(maxCustomFields) entries, got \(fields.count)")
        }
        for (name, value) in fields {
            guard name.utf8.count <= 256 else {
                throw UsageEngineAPIError.badRequest("\(field) names must be at most 256 bytes long")
            }
            let size = (try? JSONEncoder().encode(value).count) ?? Int.max
            guard size <= 4_096 else {
                throw UsageEngineAPIError.badRequest("\(field).\(name.prefix(64)) must be at most 4096 bytes long")
            }
        }
    }
}
