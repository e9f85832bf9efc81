import Foundation
import GRDB

extension ZyloStore {
    /// `POST /v1/subscriptions/{id|-}/exportJobs`: snapshots the tenant's user data as CSV and starts a job that
    /// completes after ``ZyloSettings/exportDuration`` of virtual time. `nil` when the subscription is unknown.
    func createExportJob(tenant: String, scope: String) async throws -> ZyloExportJobRecord? {
        let now = environment.clock.now()
        try await finishDueImports(tenant: tenant)
        let id = environment.ids.id()
        let token = environment.ids.secret()
        // The snapshot is made in a read (WAL: it sees one committed state), so a large tenant's export does not hold
        // the one writer while its CSV is built.
        let csv: String? = try await database.writer.read { db in
            guard try scope == "-" || subscriptionExists(db, id: scope) else { return nil }
            let rows = try Self.users(db, tenant: tenant, scope: scope).map { entry in
                [entry.subscriptionId, entry.appName] + entry.user.csvFields
            }
            return CSV.write([["subscriptionId", "appName"] + ZyloUser.importColumns] + rows)
        }
        guard let csv else { return nil }
        return try await database.writer.write { db in
            try Self.settle(db, now: now, tenant: tenant, settings: settings)
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
        try await finishDueImports(tenant: tenant)
        return try await database.writer.write { db in
            try Self.settle(db, now: now, tenant: tenant, settings: settings)
            return try page(tenant: tenant, scope: "exportJobs/\(scope)", request: request) { cursor, limit in
                var jobs = ZyloExportJobRecord.filter(Column("tenant") == tenant && Column("seq") < cursor ?? Int64.max)
                if scope != "-" { jobs = jobs.filter(Column("scope") == scope) }
                return try jobs.order(Column("seq").desc).limit(limit).fetchAll(db).map { (key: $0.seq ?? 0, item: $0) }
            }
        }
    }

    /// `GET /v1/subscriptions/{id|-}/exportJobs/{jobId}`; `-` finds any of the tenant's export jobs.
    func exportJob(tenant: String, scope: String, id: String) async throws -> ZyloExportJobRecord? {
        let now = environment.clock.now()
        try await finishDueImports(tenant: tenant)
        return try await database.writer.write { db in
            try Self.settle(db, now: now, tenant: tenant, settings: settings)
            var job = ZyloExportJobRecord.filter(Column("id") == id && Column("tenant") == tenant)
            if scope != "-" { job = job.filter(Column("scope") == scope) }
            return try job.fetchOne(db)
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
        // Links carry no credential: the token's own job says whose jobs to settle.
        let owner = try await database.writer.read { db in
            try ZyloExportJobRecord.filter(Column("downloadToken") == token).fetchOne(db)?.tenant
                ?? ZyloImportJobRecord.filter(Column("downloadToken") == token).fetchOne(db)?.tenant
        }
        guard let tenant = owner else { return .notFound }
        try await finishDueImports(tenant: tenant)
        return try await database.writer.write { db in
            try Self.settle(db, now: now, tenant: tenant, settings: settings)
            let expired = { (finished: String?) in
                finished.flatMap(SandboxTime.parse).map { now > $0.addingTimeInterval(lifetime) } ?? true
            }
            if let job = try ZyloExportJobRecord.filter(Column("downloadToken") == token).fetchOne(db),
                job.status == ZyloJobStatus.complete
            {
                // An emptied file was dropped: its link expired, or newer exports replaced it.
                return expired(job.completeTime) || job.csv.isEmpty
                    ? .expired : .file(job.csv, name: "export-\(job.id).csv")
            }
            if let job = try ZyloImportJobRecord.filter(Column("downloadToken") == token).fetchOne(db),
                job.status == ZyloJobStatus.completeWithErrors
            {
                guard let report = job.errorReport, !expired(job.updateTime) else { return .expired }
                return .file(report, name: "import-errors-\(job.id).csv")
            }
            return .notFound
        }
    }
}
