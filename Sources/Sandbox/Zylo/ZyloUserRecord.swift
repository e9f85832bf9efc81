import Foundation
import GRDB

/// A row of `zyloUser`: a subscription's user under a tenant (tenant `''` holds the fixture users every company
/// sees; an import writes under the importing tenant).
struct ZyloUserRecord: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "zyloUser"

    var tenant: String
    var subscriptionId: String
    var firstName: String
    var lastName: String
    var lastActivityDate: String
    var daysActiveOfLast30: Int
    var licenseNames: String
    var isPaidUser: Bool

    init(_ user: ZyloUser, tenant: String, subscriptionId: String) {
        self.tenant = tenant
        self.subscriptionId = subscriptionId
        firstName = user.firstName
        lastName = user.lastName
        lastActivityDate = user.lastActivityDate
        daysActiveOfLast30 = user.daysActiveOfLast30
        licenseNames = user.licenseNames
        isPaidUser = user.isPaidUser
    }

    /// The user without its tenant and subscription.
    var user: ZyloUser {
        ZyloUser(
            firstName: firstName, lastName: lastName, lastActivityDate: lastActivityDate,
            daysActiveOfLast30: daysActiveOfLast30, licenseNames: licenseNames, isPaidUser: isPaidUser)
    }
}
