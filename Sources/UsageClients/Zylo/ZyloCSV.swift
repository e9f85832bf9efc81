import Foundation

/// Reads and writes RFC 4180 CSV: quoted fields, doubled quotes inside them, and CRLF or LF line ends.
enum ZyloCSV {
    /// Why a CSV document could not be read.
    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    /// The records of `text`, each a list of fields; a final empty line is not a record.
    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var afterQuote = false
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending = iterator.next()
        func endField() {
            record.append(String(field))
            field = String.UnicodeScalarView()
            afterQuote = false
        }
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r", pending == "\n" { pending = iterator.next() }
                endField()
                records.append(record)
                record = []
            default:
                guard !afterQuote else {
                    throw ParseError(description: "line \(records.count + 1) has text after a closing quote")
                }
                field.append(scalar)
            }
        }
        guard !quoted else { throw ParseError(description: "line \(records.count + 1) has an unterminated quote") }
        if !field.isEmpty || !record.isEmpty || afterQuote {
            endField()
            records.append(record)
        }
        return records
    }

    /// The rows of `text` after its header row, each keyed by the header's column names.
    static func rows(_ text: String) throws -> [[String: String]] {
        let records = try parse(text)
        guard let header = records.first else { return [] }
        return records.dropFirst().filter { $0 != [""] }.map { record in
            var row: [String: String] = [:]
            for (index, column) in header.enumerated() where index < record.count { row[column] = record[index] }
            return row
        }
    }

    /// One CSV line (CRLF-terminated), quoting the fields that hold a comma, a quote, a line break or edge spaces.
    static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    private static func quote(_ field: String) -> String {
        let needsQuotes =
            field.contains { $0 == "," || $0 == "\"" || $0.isNewline }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
