import Foundation
import GRDB

/// Usage Engine's state in SQLite: each tenant's meter types and meters.
///
/// Every method takes the tenant (the token's `accountId`): another account's ids are simply not found.
struct UsageEngineStore: Sendable {
    let database: SandboxDatabase
    let environment: SandboxEnvironment
    /// The token endpoint's per-client buckets, in memory; a reset empties them.
    let rateLimiter: UsageEngineRateLimiter

    init(database: SandboxDatabase, environment: SandboxEnvironment) {
        self.database = database
        self.environment = environment
        rateLimiter = environment.memory.register(UsageEngineRateLimiter())
    }

    // MARK: Meter types

    /// `GET /usage-metering/v1/meter-types`, in creation order, optionally only the one named `name`.
    func meterTypes(tenant: String, name: String?) async throws -> [UsageEngineWire.MeterType] {
        let now = SandboxTime.format(environment.clock.now())
        return try await database.writer.read { db in
            var request = UsageEngineMeterType.filter(Column("tenant") == tenant)
            if let name { request = request.filter(Column("name") == name) }
            return try request.order(Column.rowID).fetchAll(db).map { try Self.wire(db, $0, now: now) }
        }
    }

    /// `GET /usage-metering/v1/meter-types/{id}`.
    func meterType(tenant: String, id: String) async throws -> UsageEngineWire.MeterType {
        let now = SandboxTime.format(environment.clock.now())
        return try await database.writer.read { db in
            try Self.wire(db, try Self.meterType(db, tenant: tenant, id: id), now: now)
        }
    }

    /// `POST /usage-metering/v1/meter-types`: 409 when the tenant already has a type of that name.
    func createMeterType(tenant: String, body: UsageEngineWire.MeterTypeBody) async throws
        -> UsageEngineWire.MeterType
    {
        let now = UsageEngineWire.timestamp(environment.clock.now())
        let stamp = SandboxTime.format(environment.clock.now())
        let type = try UsageEngineMeterType.make(body, id: environment.ids.id(), tenant: tenant, now: now)
        return try await database.writer.write { db in
            try Self.requireUniqueName(db, type)
            try type.insert(db)
            return try Self.wire(db, type, now: stamp)
        }
    }

    /// `PUT` (`replacing`) or `PATCH` `/usage-metering/v1/meter-types/{id}`.
    func updateMeterType(tenant: String, id: String, body: UsageEngineWire.MeterTypeBody, replacing: Bool)
        async throws -> UsageEngineWire.MeterType
    {
        let now = UsageEngineWire.timestamp(environment.clock.now())
        let stamp = SandboxTime.format(environment.clock.now())
        return try await database.writer.write { db in
            var type = try Self.meterType(db, tenant: tenant, id: id)
            try type.apply(body, replacing: replacing)
            type.updatedAt = now
            try Self.requireUniqueName(db, type)
            try type.update(db)
            return try Self.wire(db, type, now: stamp)
        }
    }

    /// `DELETE /usage-metering/v1/meter-types/{id}`: 409 while the type still has meters.
    func deleteMeterType(tenant: String, id: String) async throws {
        let stamp = SandboxTime.format(environment.clock.now())
        try await database.writer.write { db in
            let type = try Self.meterType(db, tenant: tenant, id: id)
            // A deleteOnReset meter whose period has ended is gone, whether or not anyone read it since.
            try UsageEngineMeter.filter(
                Column("tenant") == tenant && Column("meterTypeId") == id && Column("deleteOnReset")
                    && Column("periodEnd") != nil && Column("periodEnd") <= stamp
            ).deleteAll(db)
            let meters = try Self.numberOfMeters(db, type, now: stamp)
            guard meters == 0 else {
                throw UsageEngineAPIError.conflict(
                    "meter type '\(id)' still has \(meters) meter(s): delete them before the meter type")
            }
            try type.delete(db)
        }
    }

    static func meterType(_ db: Database, tenant: String, id: String) throws -> UsageEngineMeterType {
        guard
            let type = try UsageEngineMeterType.filter(Column("tenant") == tenant && Column("id") == id).fetchOne(db)
        else { throw UsageEngineAPIError.notFound("meter type '\(id)' not found") }
        return type
    }

    private static func requireUniqueName(_ db: Database, _ type: UsageEngineMeterType) throws {
        let taken = try UsageEngineMeterType.filter(
            Column("tenant") == type.tenant && Column("name") == type.name && Column("id") != type.id
        ).fetchCount(db)
        guard taken == 0 else { throw UsageEngineAPIError.conflict("a meter type named '\(type.name)' already exists") }
    }

    /// The type's meters, leaving out `deleteOnReset` meters whose period ended before `now` (RFC 3339 text).
    private static func numberOfMeters(_ db: Database, _ type: UsageEngineMeterType, now: String) throws -> Int {
        try UsageEngineMeter.filter(
            Column("tenant") == type.tenant && Column("meterTypeId") == type.id
                && !(Column("deleteOnReset") && Column("periodEnd") != nil && Column("periodEnd") <= now)
        ).fetchCount(db)
    }

    private static func wire(_ db: Database, _ type: UsageEngineMeterType, now: String) throws
        -> UsageEngineWire.MeterType
    {
        UsageEngineWire.MeterType(record: type, numberOfMeters: try numberOfMeters(db, type, now: now))
    }
}
