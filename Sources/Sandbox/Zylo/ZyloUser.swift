/// One user row of a subscription: what the legacy import takes and the export gives back.
struct ZyloUser: Codable, Sendable, Equatable {
    /// The columns of the legacy import file, in the seed's order.
    static let importColumns = [
        "firstName", "lastName", "lastActivityDate", "daysActiveOfLast30", "licenseNames", "isPaidUser",
    ]

    var firstName: String
    var lastName: String
    /// An ISO-8601 date, `2024-05-01`.
    var lastActivityDate: String
    var daysActiveOfLast30: Int
    /// License names separated by commas.
    var licenseNames: String
    var isPaidUser: Bool

    /// The user's fields in ``importColumns`` order, as CSV text.
    var csvFields: [String] {
        [
            firstName, lastName, lastActivityDate, String(daysActiveOfLast30), licenseNames,
            isPaidUser ? "true" : "false",
        ]
    }
}
