import Foundation
import GRDB

/// A row of `zyloExportJob`.
struct ZyloExportJobRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "zyloExportJob"

    var seq: Int64?
    var id: String
    var tenant: String
    /// `-` for all subscriptions, or one subscription id.
    var scope: String
    var status: String
    var createTime: String
    var readyAt: String
    var completeTime: String?
    var downloadToken: String
    var csv: Data

    mutating func didInsert(_ inserted: InsertionSuccess) { seq = inserted.rowID }

    /// The job as Zylo renders it; `baseURL` is where this client reaches the sandbox's Zylo API.
    func wire(baseURL: String) -> ZyloWire.ExportJob {
        ZyloWire.ExportJob(
            id: id, name: "subscriptions/\(scope == "-" ? "*" : scope)/exportJobs", status: status,
            createTime: createTime, companyId: tenant,
            downloadUri: status == ZyloJobStatus.complete ? "\(baseURL)/__sandbox/downloads/\(downloadToken)" : nil)
    }
}
