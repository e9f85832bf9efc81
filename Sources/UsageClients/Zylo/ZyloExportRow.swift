import Foundation

/// One user row of an export CSV, keyed by the CSV's header.
///
/// Zylo does not document the export's columns beyond saying a file exported from a subscription shows the
/// import format, so the import columns have typed accessors and every column is readable by name.
public struct ZyloExportRow: Sendable, Hashable {
    /// Every column of the row, by header name.
    public let values: [String: String]

    /// A row with these values.
    public init(values: [String: String]) {
        self.values = values
    }

    /// The value in column `column`, or `nil` when the export has no such column.
    public subscript(column: String) -> String? { values[column] }

    /// The `subscriptionId` column, when the export has it.
    public var subscriptionId: String? { values["subscriptionId"] }
    /// The `firstName` column.
    public var firstName: String? { values["firstName"] }
    /// The `lastName` column.
    public var lastName: String? { values["lastName"] }
    /// The `lastActivityDate` column (ISO-8601).
    public var lastActivityDate: String? { values["lastActivityDate"] }
    /// The `daysActiveOfLast30` column as a number.
    public var daysActiveOfLast30: Int? { values["daysActiveOfLast30"].flatMap { Int($0) } }
    /// The `licenseNames` column split at its commas.
    public var licenseNames: [String] {
        (values["licenseNames"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
    /// The `isPaidUser` column.
    public var isPaidUser: Bool? { values["isPaidUser"].flatMap { Bool($0.lowercased()) } }
}
