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

/// A row of `zyloImportJob`: a legacy import (`subscriptionId`) or a Usage Connect import (`usageConnectId`).
struct ZyloImportJobRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "zyloImportJob"

    var seq: Int64?
    var id: String
    var tenant: String
    var subscriptionId: String?
    var usageConnectId: String?
    var status: String
    var createTime: String
    var updateTime: String
    var readyAt: String?
    /// The uploaded file, kept as received so nothing is lost across a restart.
    var upload: Data?
    var errorReport: Data?
    var downloadToken: String
    var acceptedRows: Int
    var rejectedRows: Int
    /// How many of the file's good rows are already written: a large import is applied in short transactions, so
    /// other tenants' requests never wait behind it, and a kill in the middle resumes where it stopped.
    var appliedRows = 0

    mutating func didInsert(_ inserted: InsertionSuccess) { seq = inserted.rowID }

    func wire(baseURL: String) -> ZyloWire.ImportJob {
        let name =
            subscriptionId.map { "subscriptions/\($0)/importJob" } ?? "usageconnect/\(usageConnectId ?? "")/import"
        return ZyloWire.ImportJob(
            id: id, name: name, companyId: tenant, subscriptionId: subscriptionId, usageConnectId: usageConnectId,
            status: status, createTime: createTime, updateTime: updateTime,
            errorDownloadUri: status == ZyloJobStatus.completeWithErrors
                ? "\(baseURL)/__sandbox/downloads/\(downloadToken)" : nil)
    }
}

/// The job states Zylo documents.
enum ZyloJobStatus {
    static let open = "OPEN"
    static let inProgress = "IN_PROGRESS"
    static let complete = "COMPLETE"
    static let completeWithErrors = "COMPLETE_WITH_ERRORS"
}
