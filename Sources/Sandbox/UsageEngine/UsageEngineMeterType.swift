import Foundation
import GRDB

/// One meter type as stored: a tenant's definition of what its meters count and when they reset.
struct UsageEngineMeterType: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "usageEngineMeterType"

    /// The cron-like reset schedule, each field a string as the vendor sends it (`"day":"L"` is the month's last).
    struct ResetSchedule: Codable, Sendable, Equatable {
        var day = "1"
        var hour = "0"
        var minute = "0"
        var month = "*"
        var weekday = "*"
    }

    var id: String
    /// The owning account, the token's `accountId`.
    var tenant: String
    var name: String
    var description: String?
    var unit: String?
    var category: String?
    /// `sum`, `increment`, `max` or `last`.
    var aggregation: String
    var resetSchedule: ResetSchedule
    var timezone: String
    var activeFrom: String
    var activeTo: String?
    var externalRef: String?
    /// The capacity new meters of this type start with.
    var capacity: Double?
    /// The thresholds new meters of this type start with.
    var thresholds: [UsageEngineThreshold] = []
    var createdAt: String
    var updatedAt: String
}
