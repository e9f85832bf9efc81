import Foundation
import GRDB

/// A row of `zyloSubscription`: one fixture subscription, kept as the vendor's own JSON document (its key order
/// included, so list pages are spliced together from it) with the columns the store looks it up by.
struct ZyloSubscriptionRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "zyloSubscription"

    var id: String
    /// The subscription's place in list order.
    var position: Int64
    var appName: String
    /// The subscription as the vendor writes it.
    var json: String
}
