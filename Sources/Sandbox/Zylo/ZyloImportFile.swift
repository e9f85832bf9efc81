import Foundation

/// A legacy import CSV, checked row by row as the seed describes: header `firstName,lastName,lastActivityDate,
/// daysActiveOfLast30,licenseNames,isPaidUser`; unknown extra columns are ignored, so an export re-imports.
struct ZyloImportFile: Sendable {
    /// A row that could not be imported, and every reason why.
    struct RowError: Sendable, Equatable {
        /// The line's number in the file, the header being line 1.
        let row: Int
        let firstName: String
        let lastName: String
        let reasons: [String]
    }

    let users: [ZyloUser]
    /// The line number of each user in ``users``.
    let userRows: [Int]
    /// The values of the `extraColumns` asked for, one dictionary per user in ``users``.
    let extras: [[String: String]]
    let errors: [RowError]

    /// Reads `data`; throws ``ZyloAPIError`` (400) when the file as a whole cannot be read.
    ///
    /// - Parameter extraColumns: further required columns whose values are kept in ``extras`` (the fixture
    ///   file's `subscriptionId`).
    init(data: Data, extraColumns: [String] = []) throws(ZyloAPIError) {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .badRequest("file must be UTF-8 encoded CSV text")
        }
        let rows: [[String]]
        do {
            rows = try CSV.parse(text)
        } catch {
            throw .badRequest("file is not valid CSV: \(error)")
        }
        guard let header = rows.first else {
            throw .badRequest("file is empty: expected a header row \(ZyloUser.importColumns.joined(separator: ","))")
        }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        let missing = (ZyloUser.importColumns + extraColumns).filter { !names.contains($0) }
        guard missing.isEmpty else {
            throw .badRequest("file header is missing required column(s): \(missing.joined(separator: ", "))")
        }
        let columns = Columns(names: names)
        let extraPositions = extraColumns.compactMap { column in names.firstIndex(of: column).map { (column, $0) } }
        var users: [ZyloUser] = []
        var userRows: [Int] = []
        var extras: [[String: String]] = []
        var errors: [RowError] = []
        users.reserveCapacity(rows.count)
        for (offset, fields) in rows.dropFirst().enumerated() {
            switch Self.user(fields, columns: columns) {
            case .success(let user):
                users.append(user)
                userRows.append(offset + 2)
                if !extraPositions.isEmpty {
                    extras.append(Dictionary(uniqueKeysWithValues: extraPositions.map { ($0.0, fields[$0.1]) }))
                }
            case .failure(let failure):
                errors.append(
                    RowError(
                        row: offset + 2, firstName: columns.value(.firstName, in: fields),
                        lastName: columns.value(.lastName, in: fields), reasons: failure.reasons))
            }
        }
        self.users = users
        self.userRows = userRows
        self.extras = extras
        self.errors = errors
    }

    /// The error report behind `errorDownloadUri`: one line per rejected row.
    var errorReport: Data {
        let lines =
            [["rowNumber", "firstName", "lastName", "errors"]]
            + errors.map { [String($0.row), $0.firstName, $0.lastName, $0.reasons.joined(separator: "; ")] }
        return Data(CSV.write(lines).utf8)
    }

    private struct Reasons: Error { let reasons: [String] }

    /// Where each required column sits in the header.
    private struct Columns {
        enum Name: String, CaseIterable {
            case firstName, lastName, lastActivityDate, daysActiveOfLast30, licenseNames, isPaidUser
        }

        let count: Int
        private let positions: [Name: Int]

        init(names: [String]) {
            count = names.count
            positions = Dictionary(
                uniqueKeysWithValues: Name.allCases.compactMap { name in
                    names.firstIndex(of: name.rawValue).map { (name, $0) }
                })
        }

        /// The column's value in `fields`, without surrounding spaces; `""` when the row is short.
        func value(_ name: Name, in fields: [String]) -> String {
            guard let position = positions[name], position < fields.count else { return "" }
            let field = fields[position]
            guard field.first == " " || field.last == " " || field.first == "\t" || field.last == "\t" else {
                return field
            }
            return field.trimmingCharacters(in: .whitespaces)
        }
    }

    private static func user(_ fields: [String], columns: Columns) -> Result<ZyloUser, Reasons> {
        guard fields.count == columns.count else {
            return .failure(Reasons(reasons: ["row has \(fields.count) fields but the header has \(columns.count)"]))
        }
        var reasons: [String] = []
        let firstName = columns.value(.firstName, in: fields)
        let lastName = columns.value(.lastName, in: fields)
        if firstName.isEmpty { reasons.append("firstName is required") }
        if lastName.isEmpty { reasons.append("lastName is required") }
        let date = columns.value(.lastActivityDate, in: fields)
        let activity = ZyloDates.isoDate(date)
        if activity == nil {
            reasons.append("lastActivityDate must be an ISO-8601 date such as 2024-05-31, got '\(date)'")
        }
        let daysText = columns.value(.daysActiveOfLast30, in: fields)
        let days = Int(daysText) ?? Double(daysText).flatMap { $0 == $0.rounded() ? Int(exactly: $0) : nil }
        let validDays = days.flatMap { (0...30).contains($0) ? $0 : nil }
        if validDays == nil {
            reasons.append("daysActiveOfLast30 must be a whole number from 0 to 30, got '\(daysText)'")
        }
        let paid = columns.value(.isPaidUser, in: fields)
        if paid != "true" && paid != "false" {
            reasons.append("isPaidUser must be true or false (lowercase), got '\(paid)'")
        }
        guard reasons.isEmpty, let activity, let validDays else { return .failure(Reasons(reasons: reasons)) }
        return .success(
            ZyloUser(
                firstName: firstName, lastName: lastName, lastActivityDate: activity, daysActiveOfLast30: validDays,
                licenseNames: columns.value(.licenseNames, in: fields), isPaidUser: paid == "true"))
    }
}

/// Date handling for Zylo's CSV columns.
enum ZyloDates {
    /// `text` as a `yyyy-MM-dd` date when it is an ISO-8601 date (`2024-05-31`) or date-time
    /// (`2024-05-31T10:00:00Z`), else `nil`. Checked by hand: a date-format parser per row would make a 40,000-row
    /// upload take seconds.
    static func isoDate(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), day >= 1, day <= SandboxTime.daysIn(month: month, year: year)
        else { return nil }
        if bytes.count > 10, bytes[10] != UInt8(ascii: "T") || SandboxTime.parse(text) == nil { return nil }
        return String(decoding: bytes[0..<10], as: UTF8.self)
    }
}
