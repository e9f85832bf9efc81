import Foundation
import GRDB
import UsageJSON

/// One meter as stored: a customer's (`userId`) counter of one meter type, found by its `meterKey`, with its current
/// period, value, thresholds and group breakdowns.
struct UsageEngineMeter: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "usageEngineMeter"

    var id: String
    /// The owning account, the token's `accountId`.
    var tenant: String
    var meterTypeId: String
    var meterKey: String
    var userId: String
    /// Any JSON values (the vendor's exported meters mix strings and numbers).
    var customFields: [String: JSONValue]
    var deleteOnReset: Bool
    var createdAt: String
    var updatedAt: String
    /// The value of the current period, aggregated as the meter type says.
    var value: Double
    var capacity: Double?
    var thresholds: [UsageEngineThreshold]
    var groupBreakdowns: [UsageEngineGroupBreakdown]
    /// The meter's own time zone; `nil` follows its type's.
    var timezone: String?
    var periodStart: String
    /// `nil` when the type's schedule never comes round (the 31st of February).
    var periodEnd: String?
}
