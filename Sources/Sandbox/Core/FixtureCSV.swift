import Foundation

/// Reading and writing the CSV tables of fixture files: a header row naming the columns, then one record a line.
enum FixtureCSV {
    /// One record of a fixture CSV, with its line for error messages.
    struct Row {
        let path: String
        let line: Int
        let values: [String: String]

        subscript(column: String) -> String { values[column] ?? "" }

        /// An error naming this record's file, line and `column`.
        func error(_ column: String, _ expected: String) -> FixtureError {
            FixtureError(path: path, field: "line \(line), \(column)", expected: expected)
        }

        /// A whole number of bytes, zero or more.
        func bytes(_ column: String) throws -> Int64 {
            guard let value = Int64(self[column]), value >= 0 else {
                throw error(column, "a whole number of bytes, 0 or more, got '\(self[column])'")
            }
            return value
        }

        /// Any finite number.
        func number(_ column: String) throws -> Double {
            guard let value = Double(self[column]), value.isFinite else {
                throw error(column, "a number, got '\(self[column])'")
            }
            return value
        }
    }

    /// The records of the file at `path` (`[]` when it is missing); its header must name every column of `columns`.
    static func rows(at path: String, columns: [String]) throws -> [Row] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let table: [[String]]
        do {
            table = try CSV.parse(String(decoding: data, as: UTF8.self))
        } catch let error as CSV.SyntaxError {
            throw FixtureError(path: path, field: "line \(error.line)", expected: error.reason)
        }
        guard let header = table.first else { return [] }
        if let missing = columns.first(where: { !header.contains($0) }) {
            throw FixtureError(
                path: path, field: "line 1, \(missing)",
                expected: "a header naming the columns \(columns.joined(separator: ","))")
        }
        return table.dropFirst().enumerated().map { offset, fields in
            var values: [String: String] = [:]
            for (name, value) in zip(header, fields) { values[name] = value }
            return Row(path: path, line: offset + 2, values: values)
        }
    }

    /// Writes a header and rows, atomically.
    static func write(header: [String], rows: [[String]], to path: String) throws {
        try Data(CSV.write([header] + rows).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The day number of `2020-08-01`, or `nil` when the text is not such a date.
    static func day(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let number = SandboxTime.days(fromCivil: Int64(year), Int64(month), Int64(day))
        // 2021-02-30 would roll over to March: refuse it rather than move it.
        let civil = SandboxTime.civil(fromDays: number)
        guard Int(civil.year) == year, Int(civil.month) == month, Int(civil.day) == day else { return nil }
        return Int(number)
    }

    /// `2020-08-01` for a day number.
    static func day(_ number: Int) -> String {
        let civil = SandboxTime.civil(fromDays: Int64(number))
        return String(format: "%04d-%02d-%02d", Int(civil.year), Int(civil.month), Int(civil.day))
    }

    /// A number as the files write it: whole numbers without a fraction, others in Swift's shortest exact form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
