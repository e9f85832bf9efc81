import Foundation
import GRDB

extension ZyloStore {
    /// The fixture company as loaded: subscriptions in list order with their app names, and the fixture users
    /// (not a tenant's imports) in the order they were written.
    static func exportFixtures(_ db: Database) throws -> [ZyloFixtures.Entry] {
        var users: [String: [ZyloUser]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM zyloUser WHERE tenant = '' ORDER BY rowid") {
            let user = ZyloUser(
                firstName: row["firstName"], lastName: row["lastName"], lastActivityDate: row["lastActivityDate"],
                daysActiveOfLast30: row["daysActiveOfLast30"], licenseNames: row["licenseNames"],
                isPaidUser: row["isPaidUser"])
            users[row["subscriptionId"], default: []].append(user)
        }
        return try Row.fetchAll(db, sql: "SELECT id, appName, json FROM zyloSubscription ORDER BY position").map {
            row in
            let id: String = row["id"]
            return ZyloFixtures.Entry(
                appName: row["appName"], subscription: try decodeSubscription(row["json"]), users: users[id] ?? [])
        }
    }
}
