/// One user to import, with the columns Zylo's legacy import documents.
///
/// ```swift
/// let row = ZyloImportRow(
///     firstName: "Ada", lastName: "Lovelace", lastActivityDate: "2024-05-31",
///     daysActiveOfLast30: 12, licenseNames: ["Pro", "Admin"], isPaidUser: true)
/// ```
public struct ZyloImportRow: Sendable, Hashable {
    /// The CSV header, in the documented order.
    public static let columns = [
        "firstName", "lastName", "lastActivityDate", "daysActiveOfLast30", "licenseNames", "isPaidUser",
    ]

    /// The user's first name.
    public var firstName: String
    /// The user's last name.
    public var lastName: String
    /// The last activity, an ISO-8601 date such as `2024-05-31` (a date-time also works).
    public var lastActivityDate: String
    /// Days active in the last 30.
    public var daysActiveOfLast30: Int
    /// The licenses the user holds.
    public var licenseNames: [String]
    /// Whether the user is paid for.
    public var isPaidUser: Bool

    /// A row with these values.
    public init(
        firstName: String, lastName: String, lastActivityDate: String, daysActiveOfLast30: Int,
        licenseNames: [String], isPaidUser: Bool
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.lastActivityDate = lastActivityDate
        self.daysActiveOfLast30 = daysActiveOfLast30
        self.licenseNames = licenseNames
        self.isPaidUser = isPaidUser
    }

    /// The row's fields in ``columns`` order, as the CSV writes them.
    var csvFields: [String] {
        [
            firstName, lastName, lastActivityDate, String(daysActiveOfLast30), licenseNames.joined(separator: ","),
            isPaidUser ? "true" : "false",
        ]
    }

    /// A CSV file of `rows` with the documented header.
    static func csv(_ rows: [ZyloImportRow]) -> String {
        ZyloCSV.line(columns) + rows.map { ZyloCSV.line($0.csvFields) }.joined()
    }
}
