import Foundation
import GRDB

extension ZyloStore {
    /// Status of a job a scenario failed: a sandbox extension, since Zylo documents no failure state.
    static let failedStatus = "FAILED"

    /// Applies a scenario's job effect to the jobs whose id or download token is one of `references` (the request
    /// path's segments); answers how many jobs changed.
    @discardableResult
    func applyScenario(_ effect: ScenarioEffects.Job, references: [String]) async throws -> Int {
        let now = environment.clock.now()
        let stamp = SandboxTime.format(now)
        let stale = SandboxTime.format(now.addingTimeInterval(-settings.downloadLifetime - 1))
        let held = SandboxTime.format(now.addingTimeInterval(10 * 365 * 86_400))
        return try await database.writer.write { db in
            // Progress is settled lazily, when a job is read: a job whose time has come is still IN_PROGRESS here,
            // so `hold` and `fail` win over the clock. Only an expiring link needs the job finished first.
            if effect == .expireDownload { try Self.settle(db, now: now, tenant: nil, settings: settings) }
            let ids = Column("id") == references.first ?? ""
            let match = references.dropFirst().reduce(ids) { $0 || Column("id") == $1 }
            let byToken = references.reduce(Column("downloadToken") == "") { $0 || Column("downloadToken") == $1 }
            var changed = 0
            for var job in try ZyloExportJobRecord.filter(match || byToken).fetchAll(db) {
                switch effect {
                case .hold where job.status == ZyloJobStatus.inProgress: job.readyAt = held
                case .complete where job.status == ZyloJobStatus.inProgress: job.readyAt = stamp
                case .fail where job.status == ZyloJobStatus.inProgress: job.status = Self.failedStatus
                case .expireDownload where job.status == ZyloJobStatus.complete: job.completeTime = stale
                default: continue
                }
                try job.update(db)
                changed += 1
            }
            for var job in try ZyloImportJobRecord.filter(match || byToken).fetchAll(db) {
                switch effect {
                case .hold where job.status == ZyloJobStatus.inProgress: job.readyAt = held
                case .complete where job.status == ZyloJobStatus.inProgress: job.readyAt = stamp
                case .fail where job.status != ZyloJobStatus.complete: job.status = Self.failedStatus
                case .rejectRows where job.status == ZyloJobStatus.inProgress:
                    try Self.rejectEveryRow(db, job: &job, now: now)
                case .expireDownload where job.status == ZyloJobStatus.completeWithErrors: job.updateTime = stale
                default: continue
                }
                try job.update(db)
                changed += 1
            }
            try Self.settle(db, now: now, tenant: nil, settings: settings)
            return changed
        }
    }

    /// Finishes an import with none of its rows applied and each listed in the error report.
    private static func rejectEveryRow(_ db: Database, job: inout ZyloImportJobRecord, now: Date) throws {
        let file = try job.upload.map { try ZyloImportFile(data: $0) }
        let reason = "rejected by a QA scenario"
        let rejected =
            zip(file?.userRows ?? [], file?.users ?? []).map { row, user in
                [String(row), user.firstName, user.lastName, reason]
            }
            + (file?.errors ?? []).map {
                [String($0.row), $0.firstName, $0.lastName, ($0.reasons + [reason]).joined(separator: "; ")]
            }
        let rows = rejected.count
        let report =
            [["rowNumber", "firstName", "lastName", "errors"]] + rejected.sorted { Int($0[0]) ?? 0 < Int($1[0]) ?? 0 }
        job.status = ZyloJobStatus.completeWithErrors
        job.acceptedRows = 0
        job.rejectedRows = rows
        job.errorReport = Data(CSV.write(report).utf8)
        job.updateTime = SandboxTime.format(now)
        job.readyAt = job.updateTime
    }

    /// Forgets the page tokens of `tenant` (every tenant's when `nil`).
    func forgetPageTokens(tenant: String?) async throws {
        try await pageTokens.forget(vendor: .zylo, tenant: tenant, database: database)
        subscriptionCache.forgetPages()
    }
}
