import Foundation
import GRDB

/// One meter as stored: a customer's (`userId`) counter of one meter type, found by its `meterKey`.
struct UsageEngineMeter: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "usageEngineMeter"

    var id: String
    /// The owning account, the token's `accountId`.
    var tenant: String
    var meterTypeId: String
    var meterKey: String
    var userId: String
    var customFields: [String: String]
    var deleteOnReset: Bool
    var createdAt: String
    var updatedAt: String
}
