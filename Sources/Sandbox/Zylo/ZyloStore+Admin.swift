import Foundation
import GRDB

extension ZyloStore {
    /// Every Zylo job of every tenant, newest first, for `GET /__admin/jobs`.
    func adminJobs() async throws -> [AdminJob] {
        let now = environment.clock.now()
        return try await database.writer.write { db in
            try Self.settle(db, now: now, tenant: nil, settings: settings)
            let exports = try ZyloExportJobRecord.order(Column("seq").desc).fetchAll(db).map(Self.adminJob)
            let imports = try ZyloImportJobRecord.order(Column("seq").desc).fetchAll(db).map(Self.adminJob)
            return (exports + imports).sorted { $0.createTime > $1.createTime }
        }
    }

    /// Forces job `id` towards `status`; `nil` when no Zylo job has that id.
    func forceJob(id: String, status: String) async throws -> AdminJob? {
        let now = environment.clock.now()
        let stamp = SandboxTime.format(now)
        let restart = SandboxTime.format(now.addingTimeInterval(settings.exportDuration))
        return try await database.writer.write { db in
            try Self.settle(db, now: now, tenant: nil, settings: settings)
            if var job = try ZyloExportJobRecord.filter(Column("id") == id).fetchOne(db) {
                switch status {
                case ZyloJobStatus.complete where job.status == ZyloJobStatus.inProgress:
                    job.readyAt = stamp
                case ZyloJobStatus.complete: break
                case ZyloJobStatus.inProgress:
                    job.status = ZyloJobStatus.inProgress
                    job.readyAt = restart
                    job.completeTime = nil
                default:
                    throw AdminError.badRequest(
                        "an export job can be forced to COMPLETE or IN_PROGRESS, not '\(status)'")
                }
                try job.update(db)
            } else if var job = try ZyloImportJobRecord.filter(Column("id") == id).fetchOne(db) {
                guard [ZyloJobStatus.complete, ZyloJobStatus.completeWithErrors].contains(status) else {
                    throw AdminError.badRequest(
                        "an import job can be forced to COMPLETE or COMPLETE_WITH_ERRORS, not '\(status)'")
                }
                guard job.status != ZyloJobStatus.open else {
                    throw AdminError.conflict("import job \(id) is OPEN: upload its file first")
                }
                if job.status == ZyloJobStatus.inProgress {
                    job.readyAt = stamp
                    try job.update(db)
                }
            } else {
                return nil
            }
            try Self.settle(db, now: now, tenant: nil, settings: settings)
            if let job = try ZyloExportJobRecord.filter(Column("id") == id).fetchOne(db) { return Self.adminJob(job) }
            return try ZyloImportJobRecord.filter(Column("id") == id).fetchOne(db).map(Self.adminJob)
        }
    }

    private static func adminJob(_ job: ZyloExportJobRecord) -> AdminJob {
        AdminJob(
            vendor: "zylo", kind: "export", id: job.id, tenant: job.tenant, status: job.status,
            createTime: job.createTime, readyAt: job.readyAt, acceptedRows: nil, rejectedRows: nil)
    }

    private static func adminJob(_ job: ZyloImportJobRecord) -> AdminJob {
        AdminJob(
            vendor: "zylo", kind: job.subscriptionId == nil ? "usageConnectImport" : "import", id: job.id,
            tenant: job.tenant, status: job.status, createTime: job.createTime, readyAt: job.readyAt,
            acceptedRows: job.status == ZyloJobStatus.open ? nil : job.acceptedRows,
            rejectedRows: job.status == ZyloJobStatus.open ? nil : job.rejectedRows)
    }
}
