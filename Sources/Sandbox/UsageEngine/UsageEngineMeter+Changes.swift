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
        if let customFields = body.customFields { self.customFields = customFields }
        if let deleteOnReset = body.deleteOnReset { self.deleteOnReset = deleteOnReset }
    }
}
