import Foundation

extension UsageEngineMeter {
    /// A new meter made from a `POST` body: `userId`, `meterKey` and `meterTypeId` are required;
    /// `customFields` defaults to `{}` and `deleteOnReset` to `false`.
    static func make(_ body: UsageEngineWire.MeterBody, id: String, tenant: String, now: String) throws -> Self {
        guard let meterTypeId = body.meterTypeId else {
            throw UsageEngineAPIError.badRequest("meterTypeId is required")
        }
        guard let meterKey = body.meterKey else { throw UsageEngineAPIError.badRequest("meterKey is required") }
        guard !meterKey.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageEngineAPIError.badRequest("meterKey must not be empty")
        }
        var meter = Self(
            id: id, tenant: tenant, meterTypeId: meterTypeId, meterKey: meterKey, userId: "", customFields: [:],
            deleteOnReset: false, createdAt: now, updatedAt: now)
        try meter.apply(body, replacing: true)
        return meter
    }

    /// Applies `body`'s `userId`, `customFields` and `deleteOnReset`: with `replacing` (`POST`, `PUT`) `userId` is
    /// required and the others go back to their defaults when absent; without it (`PATCH`) absent fields are kept.
    ///
    /// Sandbox choice: `meterKey` and `meterTypeId` cannot change; sending them with other values is a 400.
    mutating func apply(_ body: UsageEngineWire.MeterBody, replacing: Bool) throws {
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
        }
        if let userId = body.userId {
            guard !userId.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw UsageEngineAPIError.badRequest("userId must not be empty")
            }
            self.userId = userId
        }
        if let customFields = body.customFields {
            try Self.checkCustomFields(customFields)
            self.customFields = customFields
        }
        if let deleteOnReset = body.deleteOnReset { self.deleteOnReset = deleteOnReset }
    }

    /// Sandbox limits on `customFields` (the vendor documents none): at most ``maxCustomFields`` entries, names of at
    /// most 256 bytes and values of at most 4 KiB, so one meter cannot make every later list of its tenant slow.
    static let maxCustomFields = 100

    static func checkCustomFields(_ fields: [String: String]) throws {
        guard fields.count <= maxCustomFields else {
            throw UsageEngineAPIError.badRequest(
                "customFields may have at most \(maxCustomFields) entries, got \(fields.count)")
        }
        for (name, value) in fields {
            guard name.utf8.count <= 256 else {
                throw UsageEngineAPIError.badRequest("customFields names must be at most 256 bytes long")
            }
            guard value.utf8.count <= 4_096 else {
                throw UsageEngineAPIError.badRequest("customFields.\(name.prefix(64)) must be at most 4096 bytes long")
            }
        }
    }
}
