import Foundation
import GRDB

extension UsageEngineStore {
    /// `GET /usage-metering/v1/meters`, in creation order, optionally filtered by `meterKey` and `meterTypeId`.
    func meters(tenant: String, meterKey: String?, meterTypeId: String?) async throws -> [UsageEngineWire.Meter] {
        try await database.writer.read { db in
            var request = UsageEngineMeter.filter(Column("tenant") == tenant)
            if let meterKey { request = request.filter(Column("meterKey") == meterKey) }
            if let meterTypeId { request = request.filter(Column("meterTypeId") == meterTypeId) }
            return try request.order(Column.rowID).fetchAll(db).map { try Self.wire(db, $0) }
        }
    }

    /// `GET /usage-metering/v1/meters/{id}`.
    func meter(tenant: String, id: String) async throws -> UsageEngineWire.Meter {
        try await database.writer.read { db in try Self.wire(db, try Self.meter(db, tenant: tenant, id: id)) }
    }

    /// `POST /usage-metering/v1/meters`: 404 when `meterTypeId` is not one of the tenant's types, 409 when the type
    /// already has a meter with that `meterKey`.
    func createMeter(tenant: String, body: UsageEngineWire.MeterBody) async throws -> UsageEngineWire.Meter {
        let now = UsageEngineWire.timestamp(environment.clock.now())
        let meter = try UsageEngineMeter.make(body, id: environment.ids.id(), tenant: tenant, now: now)
        return try await database.writer.write { db in
            let type: UsageEngineMeterType
            do {
                type = try Self.meterType(db, tenant: tenant, id: meter.meterTypeId)
            } catch is UsageEngineAPIError {
                throw UsageEngineAPIError.notFound(
                    "meterTypeId '\(meter.meterTypeId)' is not a meter type of this account")
            }
            let taken = try UsageEngineMeter.filter(
                Column("tenant") == tenant && Column("meterTypeId") == meter.meterTypeId
                    && Column("meterKey") == meter.meterKey
            ).fetchCount(db)
            guard taken == 0 else {
                throw UsageEngineAPIError.conflict(
                    "meter type '\(meter.meterTypeId)' already has a meter with meterKey '\(meter.meterKey)'")
            }
            try meter.insert(db)
            return UsageEngineWire.Meter(record: meter, type: type)
        }
    }

    /// `PUT` (`replacing`) or `PATCH` `/usage-metering/v1/meters/{id}`.
    func updateMeter(tenant: String, id: String, body: UsageEngineWire.MeterBody, replacing: Bool) async throws
        -> UsageEngineWire.Meter
    {
        let now = UsageEngineWire.timestamp(environment.clock.now())
        return try await database.writer.write { db in
            var meter = try Self.meter(db, tenant: tenant, id: id)
            try meter.apply(body, replacing: replacing)
            meter.updatedAt = now
            try meter.update(db)
            return try Self.wire(db, meter)
        }
    }

    /// `DELETE /usage-metering/v1/meters/{id}`.
    func deleteMeter(tenant: String, id: String) async throws {
        try await database.writer.write { db in _ = try Self.meter(db, tenant: tenant, id: id).delete(db) }
    }

    private static func meter(_ db: Database, tenant: String, id: String) throws -> UsageEngineMeter {
        guard let meter = try UsageEngineMeter.filter(Column("tenant") == tenant && Column("id") == id).fetchOne(db)
        else { throw UsageEngineAPIError.notFound("meter '\(id)' not found") }
        return meter
    }

    private static func wire(_ db: Database, _ meter: UsageEngineMeter) throws -> UsageEngineWire.Meter {
        UsageEngineWire.Meter(record: meter, type: try meterType(db, tenant: meter.tenant, id: meter.meterTypeId))
    }
}
