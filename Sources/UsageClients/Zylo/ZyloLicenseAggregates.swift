/// Per-license user counts of one subscription (`GET /v1/subscriptions/{id}/users/aggregates/licenses`).
///
/// Zylo does not document this response; the typed fields read the likely names and ``fields`` keeps all of it.
public struct ZyloLicenseAggregates: Decodable, Sendable, Hashable {
    /// One license's counts.
    public struct License: Decodable, Sendable, Hashable {
        /// The license's name.
        public let name: String?
        /// Users holding the license.
        public let provisionedUsers: Int?
        /// Users active in the last 30 days.
        public let activeUsers: Int?
        /// Users marked paid.
        public let paidUsers: Int?
        /// Every field the vendor sent.
        public let fields: [String: JSONValue]

        /// Decodes a license entry, tolerating absent or differently typed fields.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: ZyloAnyKey.self)
            name = container.lenient(String.self, anyOf: ["name", "licenseName", "license"])
            provisionedUsers = container.lenient(Int.self, anyOf: ["provisionedUsers", "users", "count"])
            activeUsers = container.lenient(Int.self, "activeUsers")
            paidUsers = container.lenient(Int.self, "paidUsers")
            fields = container.allFields()
        }
    }

    /// The subscription the counts are for.
    public let subscriptionId: String?
    /// Users of the subscription, licensed or not.
    public let totalUsers: Int?
    /// The counts per license.
    public let licenses: [License]
    /// The whole response.
    public let raw: JSONValue

    /// Decodes an object, an array of licenses, or anything else (kept in ``raw``).
    public init(from decoder: any Decoder) throws {
        raw = try JSONValue(from: decoder)
        if let container = try? decoder.container(keyedBy: ZyloAnyKey.self) {
            subscriptionId = container.lenient(String.self, "subscriptionId")
            totalUsers = container.lenient(Int.self, "totalUsers")
            licenses = container.lenient([License].self, anyOf: ["licenses", "aggregates", "data"]) ?? []
        } else {
            subscriptionId = nil
            totalUsers = nil
            licenses = (try? [License](from: decoder)) ?? []
        }
    }
}
