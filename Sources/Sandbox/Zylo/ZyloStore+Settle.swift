import Foundation
import GRDB

extension ZyloStore {
    /// Good rows written per transaction when an import is applied.
    static let importChunkRows = 500

    /// Moves `tenant`'s jobs (every tenant's when `nil`) whose time has come to their final state, and drops the
    /// files no link can fetch any more; runs before any job is read, so progress is a pure function of the virtual
    /// clock and survives restarts. A request settles only its own tenant's jobs.
    ///
    /// Imports are normally applied before the request's transaction by ``finishDueImports(tenant:)``, in short
    /// transactions; whatever is still due here (a race with another request) is finished inline.
    static func settle(_ db: Database, now: Date, tenant: String?, settings: ZyloSettings) throws {
        let stamp = SandboxTime.format(now)
        let scope = tenant == nil ? "" : " AND tenant = ?"
        let arguments: (StatementArguments) -> StatementArguments = { base in
            base + StatementArguments(tenant.map { [$0] } ?? [])
        }
        try db.execute(
            sql: "UPDATE zyloExportJob SET status = ?, completeTime = readyAt WHERE status = ? AND readyAt <= ?"
                + scope,
            arguments: arguments([ZyloJobStatus.complete, ZyloJobStatus.inProgress, stamp]))
        var due = ZyloImportJobRecord.filter(Column("status") == ZyloJobStatus.inProgress && Column("readyAt") <= stamp)
        if let tenant { due = due.filter(Column("tenant") == tenant) }
        for var job in try due.fetchAll(db) { try finishImport(db, job: &job) }
        try dropUnreachableFiles(db, now: now, tenant: tenant, settings: settings)
    }

    /// Empties export files and error reports whose links have expired, and a tenant's oldest finished export files
    /// once its files add up to more than ``ZyloSettings/maxExportBytesPerTenant`` (so a tenant that exports in a
    /// loop cannot grow the database without bound). SQLite reuses the freed pages for later writes.
    private static func dropUnreachableFiles(_ db: Database, now: Date, tenant: String?, settings: ZyloSettings) throws
    {
        let expiredBefore = SandboxTime.format(now.addingTimeInterval(-settings.downloadLifetime))
        let scope = tenant == nil ? "" : " AND tenant = ?"
        let tenantArgument = StatementArguments(tenant.map { [$0] } ?? [])
        try db.execute(
            sql: "UPDATE zyloExportJob SET csv = x'' WHERE status = ? AND completeTime < ? AND length(csv) > 0" + scope,
            arguments: [ZyloJobStatus.complete, expiredBefore] + tenantArgument)
        try db.execute(
            sql: "UPDATE zyloImportJob SET errorReport = NULL WHERE errorReport IS NOT NULL AND updateTime < ?" + scope,
            arguments: [expiredBefore] + tenantArgument)
        try db.execute(
            sql: """
                UPDATE zyloExportJob SET csv = x'' WHERE seq IN (
                    SELECT seq FROM (
                        SELECT seq, sum(length(csv)) OVER (PARTITION BY tenant ORDER BY seq DESC) AS kept
                        FROM zyloExportJob WHERE status = ? AND length(csv) > 0\(scope))
                    WHERE kept > ?)
                """,
            arguments: [ZyloJobStatus.complete] + tenantArgument + [settings.maxExportBytesPerTenant])
    }

    /// Applies the due imports of `tenant` (every tenant's when `nil`) in transactions of ``importChunkRows`` rows,
    /// so a large import never holds the one writer for long, and each request does only its own tenant's work.
    func finishDueImports(tenant: String?) async throws {
        let stamp = SandboxTime.format(environment.clock.now())
        let due = try await database.writer.read { db in
            var due = ZyloImportJobRecord.filter(
                Column("status") == ZyloJobStatus.inProgress && Column("readyAt") <= stamp)
            if let tenant { due = due.filter(Column("tenant") == tenant) }
            return try due.fetchAll(db)
        }
        for job in due { try await apply(job) }
    }

    /// Writes `job`'s good rows a chunk at a time, then finishes it; stops early when another request is already
    /// applying the same job (each chunk checks where the job stands).
    private func apply(_ job: ZyloImportJobRecord) async throws {
        let users = try job.upload.map { try ZyloImportFile(data: $0) }?.users ?? []
        let target = job.target
        var start = job.appliedRows
        while start < users.count {
            let end = min(start + Self.importChunkRows, users.count)
            let applied = try await database.writer.write { [start] db in
                guard
                    try Int.fetchOne(
                        db, sql: "SELECT appliedRows FROM zyloImportJob WHERE id = ? AND status = ?",
                        arguments: [job.id, ZyloJobStatus.inProgress]) == start
                else { return false }
                for user in users[start..<end] {
                    try Self.upsert(db, user: user, tenant: job.tenant, subscriptionId: target)
                }
                try db.execute(
                    sql: "UPDATE zyloImportJob SET appliedRows = ? WHERE id = ?", arguments: [end, job.id])
                return true
            }
            guard applied else { return }
            start = end
        }
        let now = environment.clock.now()
        let settings = self.settings
        try await database.writer.write { db in
            try Self.settle(db, now: now, tenant: job.tenant, settings: settings)
        }
    }

    /// Applies an import's good rows not yet written and writes its error report; the uploaded file is not kept
    /// once applied.
    static func finishImport(_ db: Database, job: inout ZyloImportJobRecord) throws {
        let file = try job.upload.map { try ZyloImportFile(data: $0) }
        let users = file?.users ?? []
        for user in users.dropFirst(job.appliedRows) {
            try upsert(db, user: user, tenant: job.tenant, subscriptionId: job.target)
        }
        let rejected = file?.errors.count ?? 0
        job.status = rejected == 0 ? ZyloJobStatus.complete : ZyloJobStatus.completeWithErrors
        job.acceptedRows = users.count
        job.appliedRows = users.count
        job.rejectedRows = rejected
        job.errorReport = rejected == 0 ? nil : file?.errorReport
        job.updateTime = job.readyAt ?? job.updateTime
        job.upload = nil
        try job.update(db)
    }
}

extension ZyloImportJobRecord {
    /// Where the job's rows go: its subscription, or its Usage Connect integration.
    var target: String { subscriptionId ?? "usageconnect/\(usageConnectId ?? "")" }
}
