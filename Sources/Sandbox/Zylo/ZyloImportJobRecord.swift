import Foundation
import GRDB

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
