import Foundation
import GRDB

extension ZyloStore {
    /// `POST /v1/subscriptions/{id}/importJob`: an `OPEN` job waiting for its file; `nil` for an unknown subscription.
    func createImportJob(tenant: String, subscriptionId: String) async throws -> ZyloImportJobRecord? {
        let now = SandboxTime.format(environment.clock.now())
        let job = ZyloImportJobRecord(
            seq: nil, id: environment.ids.id(), tenant: tenant, subscriptionId: subscriptionId, usageConnectId: nil,
            status: ZyloJobStatus.open, createTime: now, updateTime: now, readyAt: nil, upload: nil, errorReport: nil,
            downloadToken: environment.ids.secret(), acceptedRows: 0, rejectedRows: 0)
        return try await database.writer.write { db in
            guard try subscriptionExists(db, id: subscriptionId) else { return nil }
            var job = job
            try job.insert(db)
            return job
        }
    }

    /// `GET /v1/subscriptions/{id}/importJob`, newest first.
    func listImportJobs(tenant: String, subscriptionId: String, page request: PageRequest) async throws -> Page<
        ZyloImportJobRecord
    >? {
        let now = environment.clock.now()
        try await finishDueImports(tenant: tenant)
        return try await database.writer.write { db in
            guard try subscriptionExists(db, id: subscriptionId) else { return nil }
            try Self.settle(db, now: now, tenant: tenant, settings: settings)
            return try page(tenant: tenant, scope: "importJob/\(subscriptionId)", request: request) {
                cursor, limit in
                try ZyloImportJobRecord.filter(
                    Column("tenant") == tenant && Column("subscriptionId") == subscriptionId
                        && Column("seq") < cursor ?? Int64.max
                ).order(Column("seq").desc).limit(limit).fetchAll(db).map { (key: $0.seq ?? 0, item: $0) }
            }
        }
    }

    /// `GET /v1/subscriptions/{id}/importJob/{jobId}`.
    func importJob(tenant: String, subscriptionId: String, id: String) async throws -> ZyloImportJobRecord? {
        let now = environment.clock.now()
        try await finishDueImports(tenant: tenant)
        return try await database.writer.write { db in
            try Self.settle(db, now: now, tenant: tenant, settings: settings)
            return try ZyloImportJobRecord.filter(
                Column("id") == id && Column("tenant") == tenant && Column("subscriptionId") == subscriptionId
            ).fetchOne(db)
        }
    }

    /// `POST /v1/subscriptions/{id}/importJob/{jobId}` with a CSV: stores the file and starts processing.
    ///
    /// Throws 400 when the job is not `OPEN` or the file cannot be read as a whole; row errors do not throw,
    /// they end the job `COMPLETE_WITH_ERRORS`.
    func uploadImportFile(tenant: String, subscriptionId: String, id: String, file: Data) async throws
        -> ZyloImportJobRecord?
    {
        let checked = try ZyloImportFile(data: file)
        let now = environment.clock.now()
        try await finishDueImports(tenant: tenant)
        let duration = settings.importDuration
        return try await database.writer.write { db in
            try Self.settle(db, now: now, tenant: tenant, settings: settings)
            guard
                var job = try ZyloImportJobRecord.filter(
                    Column("id") == id && Column("tenant") == tenant && Column("subscriptionId") == subscriptionId
                ).fetchOne(db)
            else { return nil }
            guard job.status == ZyloJobStatus.open else {
                throw ZyloAPIError.badRequest(
                    "import job \(id) is \(job.status), not OPEN: a file can be uploaded once; create a new import job")
            }
            job.start(upload: file, rows: checked, now: now, duration: duration)
            try job.update(db)
            return job
        }
    }

    /// `POST /v1/usageconnect/{usageConnectId}/import/`: takes the CSV at once and processes it like a legacy import.
    func createUsageConnectImport(tenant: String, usageConnectId: String, file: Data) async throws
        -> ZyloImportJobRecord
    {
        let checked = try ZyloImportFile(data: file)
        let now = environment.clock.now()
        var job = ZyloImportJobRecord(
            seq: nil, id: environment.ids.id(), tenant: tenant, subscriptionId: nil, usageConnectId: usageConnectId,
            status: ZyloJobStatus.open, createTime: SandboxTime.format(now), updateTime: SandboxTime.format(now),
            readyAt: nil, upload: nil, errorReport: nil, downloadToken: environment.ids.secret(), acceptedRows: 0,
            rejectedRows: 0)
        job.start(upload: file, rows: checked, now: now, duration: settings.importDuration)
        return try await database.writer.write { [job] db in
            var job = job
            try job.insert(db)
            return job
        }
    }
}

extension ZyloImportJobRecord {
    /// Moves an `OPEN` job to `IN_PROGRESS` with its file.
    mutating func start(upload file: Data, rows: ZyloImportFile, now: Date, duration: TimeInterval) {
        upload = file
        status = ZyloJobStatus.inProgress
        updateTime = SandboxTime.format(now)
        readyAt = SandboxTime.format(now.addingTimeInterval(duration))
        acceptedRows = rows.users.count
        rejectedRows = rows.errors.count
    }
}
