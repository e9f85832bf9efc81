import Foundation

/// RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF line ends, an optional UTF-8 byte-order mark.
enum CSV {
    /// Why a file could not be read as CSV.
    struct SyntaxError: Error, Equatable, CustomStringConvertible {
        let line: Int
        let reason: String
        var description: String { "CSV syntax error on line \(line): \(reason)" }
    }

    /// The rows of `text`; blank lines are skipped.
    ///
    /// Works on UTF-8 bytes: a multi-megabyte upload parses in milliseconds even in a debug build.
    static func parse(_ text: String) throws -> [[String]] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var quotedField = false
        var line = 1
        var index = 0

        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quotedField = false
        }
        func endRow() {
            let blank = row.isEmpty && field.isEmpty && !quotedField
            endField()
            if !blank { rows.append(row) }
            row = []
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case quote:
                guard field.isEmpty && !quotedField else {
                    throw SyntaxError(line: line, reason: "a quote inside an unquoted field")
                }
                quotedField = true
                var closed = false
                while index < bytes.count {
                    let inner = bytes[index]
                    index += 1
                    if inner == quote {
                        if index < bytes.count && bytes[index] == quote {
                            field.append(quote)
                            index += 1
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        if inner == lf { line += 1 }
                        field.append(inner)
                    }
                }
                if !closed { throw SyntaxError(line: line, reason: "a quoted field is never closed") }
            case comma:
                endField()
            case cr where index < bytes.count && bytes[index] == lf:
                continue
            case lf, cr:
                endRow()
                line += 1
            default:
                guard !quotedField else { throw SyntaxError(line: line, reason: "text after a closing quote") }
                field.append(byte)
            }
        }
        if !field.isEmpty || !row.isEmpty || quotedField { endRow() }
        return rows
    }

    /// `rows` as CSV text with CRLF line ends, quoting fields that need it.
    static func write(_ rows: [[String]]) -> String {
        rows.map { row in row.map(escape).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
