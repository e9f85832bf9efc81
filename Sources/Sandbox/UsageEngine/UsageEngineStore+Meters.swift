import Foundation
import GRDB

extension UsageEngineStore {
    /// `GET /usage-metering/v1/meters`, in creation order, optionally filtered by `meterKey` and `meterTypeId`.
    func meters(tenant: String, meterKey: String?, meterTypeId: String?) async throws -> [UsageEngineWire.Meter] {
        let now = environment.clock.now()
        return try await database.writer.write { db in
            var request = UsageEngineMeter.filter(Column("tenant") == tenant)
            if let meterKey { request = request.filter(Column("meterKey") == meterKey) }
            if let meterTypeId { request = request.filter(Column("meterTypeId") == meterTypeId) }
            return try request.order(Column.rowID).fetchAll(db).compactMap { try Self.settled(db, $0, now: now) }
        }
    }

    /// `GET /usage-metering/v1/meters/{id}`.
    func meter(tenant: String, id: String) async throws -> UsageEngineWire.Meter {
        let now = environment.clock.now()
        return try await database.writer.write { db in
            guard let meter = try Self.settled(db, try Self.meter(db, tenant: tenant, id: id), now: now) else {
                throw UsageEngineAPIError.notFound("meter '\(id)' not found")
            }
            return meter
        }
    }

    /// `POST /usage-metering/v1/meters`: 404 when `meterTypeId` is not one of the tenant's types.
    ///
    /// Any number of meters may share a `meterKey`, of one type or several: the vendor's own example stream
    /// (printing-as-a-service-with-metering) gives five customers one key and one type.
    func createMeter(tenant: String, body: UsageEngineWire.MeterBody) async throws -> UsageEngineWire.Meter {
        let now = environment.clock.now()
        let id = environment.ids.id()
        return try await database.writer.write { db in
            guard let typeId = body.meterTypeId else {
                throw UsageEngineAPIError.badRequest("meterTypeId is required")
            }
            let type: UsageEngineMeterType
            do {
                type = try Self.meterType(db, tenant: tenant, id: typeId)
            } catch is UsageEngineAPIError {
                throw UsageEngineAPIError.notFound("meterTypeId '\(typeId)' is not a meter type of this account")
            }
            let meter = try UsageEngineMeter.make(body, id: id, tenant: tenant, now: now, type: type)
            try meter.insert(db)
            return UsageEngineWire.Meter(record: meter, type: type)
        }
    }

    /// `PUT` (`replacing`) or `PATCH` `/usage-metering/v1/meters/{id}`.
    func updateMeter(tenant: String, id: String, body: UsageEngineWire.MeterBody, replacing: Bool) async throws
        -> UsageEngineWire.Meter
    {
        let now = environment.clock.now()
        return try await database.writer.write { db in
            let stored = try Self.meter(db, tenant: tenant, id: id)
            guard try Self.settled(db, stored, now: now) != nil else {
                throw UsageEngineAPIError.notFound("meter '\(id)' not found")
            }
            var meter = try Self.meter(db, tenant: tenant, id: id)
            let type = try Self.meterType(db, tenant: tenant, id: meter.meterTypeId)
            let zone = meter.timezone
            try meter.apply(body, replacing: replacing, type: type)
            // A new time zone moves the end of the current period to the next reset in that zone.
            if meter.timezone != zone, let start = SandboxTime.parse(meter.periodStart) {
                meter.periodEnd = meter.nextReset(after: max(start, now), type: type).map(SandboxTime.format)
            }
            meter.updatedAt = SandboxTime.format(now)
            try meter.update(db)
            return UsageEngineWire.Meter(record: meter, type: type)
        }
    }

    /// `DELETE /usage-metering/v1/meters/{id}`.
    func deleteMeter(tenant: String, id: String) async throws {
        try await database.writer.write { db in _ = try Self.meter(db, tenant: tenant, id: id).delete(db) }
    }

    /// `POST /__admin/usage-engine/meters/{id}/usage` (a sandbox route): usage recorded into meter `id` of any
    /// tenant, as a stream would; `nil` when there is no such meter.
    func recordUsage(meterId id: String, amount: Double, fields: [String: String]) async throws
        -> UsageEngineWire.Meter?
    {
        let now = environment.clock.now()
        return try await database.writer.write { db in
            guard let stored = try UsageEngineMeter.fetchOne(db, key: id),
                try Self.settled(db, stored, now: now) != nil,
                var meter = try UsageEngineMeter.fetchOne(db, key: id)
            else { return nil }
            let type = try Self.meterType(db, tenant: meter.tenant, id: meter.meterTypeId)
            meter.record(amount: amount, fields: fields, aggregation: type.aggregation, now: now)
            try meter.update(db)
            return UsageEngineWire.Meter(record: meter, type: type)
        }
    }

    /// Usage that takes meter `id` of any tenant to its capacity (a QA scenario's `meter: fill`); nothing for a meter
    /// without capacity or already there.
    func fillMeter(id: String) async throws {
        let now = environment.clock.now()
        try await database.writer.write { db in
            guard let stored = try UsageEngineMeter.fetchOne(db, key: id),
                try Self.settled(db, stored, now: now) != nil,
                var meter = try UsageEngineMeter.fetchOne(db, key: id), let capacity = meter.capacity,
                meter.value < capacity
            else { return }
            meter.record(amount: capacity - meter.value, fields: [:], aggregation: "sum", now: now)
            try meter.update(db)
        }
    }

    private static func meter(_ db: Database, tenant: String, id: String) throws -> UsageEngineMeter {
        guard let meter = try UsageEngineMeter.filter(Column("tenant") == tenant && Column("id") == id).fetchOne(db)
        else { throw UsageEngineAPIError.notFound("meter '\(id)' not found") }
        return meter
    }

    /// The meter as the virtual clock has it now: rolled over (and saved) when its period ended, `nil` when that
    /// deleted it (`deleteOnReset`).
    private static func settled(_ db: Database, _ meter: UsageEngineMeter, now: Date) throws -> UsageEngineWire.Meter? {
        var meter = meter
        let type = try meterType(db, tenant: meter.tenant, id: meter.meterTypeId)
        switch meter.rollOver(now: now, type: type) {
        case .unchanged: break
        case .reset: try meter.update(db)
        case .deleted:
            try meter.delete(db)
            return nil
        }
        return UsageEngineWire.Meter(record: meter, type: type)
    }
}
