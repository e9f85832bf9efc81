import Foundation
import GRDB

extension ZyloStore {
    /// The fixture company as loaded: subscriptions in list order with their app names, and the fixture users
    /// (not a tenant's imports) in the order they were written.
    static func exportFixtures(_ db: Database) throws -> [ZyloFixtures.Entry] {
        var users: [String: [ZyloUser]] = [:]
        for record in try ZyloUserRecord.filter(Column("tenant") == "").order(Column.rowID).fetchAll(db) {
            users[record.subscriptionId, default: []].append(record.user)
        }
        return try ZyloSubscriptionRecord.order(Column("position")).fetchAll(db).map { record in
            ZyloFixtures.Entry(
                appName: record.appName, subscription: try decodeSubscription(record.json),
                users: users[record.id] ?? [])
        }
    }
}
