import Foundation
import GRDB

extension ZyloStore {
    /// `POST /v1/subscriptions/{id|-}/exportJobs`: snapshots the tenant's user data as CSV and starts a job that
    /// completes after ``ZyloSettings/exportDuration`` of virtual time. `nil` when the subscription is unknown.
    func createExportJob(tenant: String, scope: String) async throws -> ZyloExportJobRecord? {
        let now = environment.clock.now()
        let id = environment.ids.id()
        let token = environment.ids.secret()
        return try await database.writer.write { db in
            guard try scope == "-" || subscriptionExists(db, id: scope) else { return nil }
            try Self.settle(db, now: now)
            let rows = try Self.users(db, tenant: tenant, scope: scope).map { entry in
                [entry.subscriptionId, entry.appName] + entry.user.csvFields
            }
            let csv = CSV.write([["subscriptionId", "appName"] + ZyloUser.importColumns] + rows)
            var job = ZyloExportJobRecord(
                seq: nil, id: id, tenant: tenant, scope: scope, status: ZyloJobStatus.inProgress,
                createTime: SandboxTime.format(now),
                readyAt: SandboxTime.format(now.addingTimeInterval(settings.exportDuration)), completeTime: nil,
                downloadToken: token, csv: Data(csv.utf8))
            try job.insert(db)
            return job
        }
    }

    /// `GET /v1/subscriptions/{id|-}/exportJobs`, newest first; `-` lists every export job of the tenant.
    func listExportJobs(tenant: String, scope: String, page request: PageRequest) async throws -> Page<
        ZyloExportJobRecord
    > {
        let now = environment.clock.now()
        return try await database.writer.write { db in
            try Self.settle(db, now: now)
            return try page(tenant: tenant, scope: "exportJobs/\(scope)", request: request) { cursor, limit in
                try ZyloExportJobRecord.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM zyloExportJob WHERE tenant = ? AND (? = '-' OR scope = ?) AND seq < ?
                        ORDER BY seq DESC LIMIT ?
                        """,
                    arguments: [tenant, scope, scope, cursor ?? Int64.max, limit]
                ).map { (key: $0.seq ?? 0, item: $0) }
            }
        }
    }

    /// `GET /v1/subscriptions/{id|-}/exportJobs/{jobId}`; `-` finds any of the tenant's export jobs.
    func exportJob(tenant: String, scope: String, id: String) async throws -> ZyloExportJobRecord? {
        let now = environment.clock.now()
        return try await database.writer.write { db in
            try Self.settle(db, now: now)
            return try ZyloExportJobRecord.fetchOne(
                db, sql: "SELECT * FROM zyloExportJob WHERE id = ? AND tenant = ? AND (? = '-' OR scope = ?)",
                arguments: [id, tenant, scope, scope])
        }
    }

    /// What a download link serves.
    enum Download: Sendable {
        case file(Data, name: String)
        case expired
        case notFound
    }

    /// `GET {downloadUri}`: an export's CSV or an import's error report, for ``ZyloSettings/downloadLifetime``
    /// after the job finished. Links need no credential, like a pre-signed storage URL.
    func download(token: String) async throws -> Download {
        let now = environment.clock.now()
        let lifetime = settings.downloadLifetime
        return try await database.writer.write { db in
            try Self.settle(db, now: now)
            let expired = { (finished: String?) in
                finished.flatMap(SandboxTime.parse).map { now > $0.addingTimeInterval(lifetime) } ?? true
            }
            if let job = try ZyloExportJobRecord.filter(Column("downloadToken") == token).fetchOne(db),
                job.status == ZyloJobStatus.complete
            {
                return expired(job.completeTime) ? .expired : .file(job.csv, name: "export-\(job.id).csv")
            }
            if let job = try ZyloImportJobRecord.filter(Column("downloadToken") == token).fetchOne(db),
                job.status == ZyloJobStatus.completeWithErrors, let report = job.errorReport
            {
                return expired(job.updateTime) ? .expired : .file(report, name: "import-errors-\(job.id).csv")
            }
            return .notFound
        }
    }

    /// Moves every job whose time has come to its final state; runs before any job is read, so progress is a pure
    /// function of the virtual clock and survives restarts.
    static func settle(_ db: Database, now: Date) throws {
        let stamp = SandboxTime.format(now)
        try db.execute(
            sql: """
                UPDATE zyloExportJob SET status = ?, completeTime = readyAt
                WHERE status = ? AND readyAt <= ?
                """,
            arguments: [ZyloJobStatus.complete, ZyloJobStatus.inProgress, stamp])
        let due = try ZyloImportJobRecord.filter(
            Column("status") == ZyloJobStatus.inProgress && Column("readyAt") <= stamp
        ).fetchAll(db)
        for var job in due { try finishImport(db, job: &job) }
    }
}
