/// One row an import rejected, read from the job's error report.
public struct ZyloImportRowError: Sendable, Hashable {
    /// The row's line in the uploaded file (the header is line 1), when the report gives it.
    public let rowNumber: Int?
    /// The rejected row's first name, when the report repeats it.
    public let firstName: String?
    /// The rejected row's last name, when the report repeats it.
    public let lastName: String?
    /// Why the row was rejected.
    public let message: String
    /// Every column of the report's row, by header name.
    public let values: [String: String]

    /// The error a report row describes; its column names are undocumented, so the likely ones are read.
    init(values: [String: String]) {
        func first(_ keys: [String]) -> String? { keys.lazy.compactMap { values[$0] }.first }
        self.values = values
        rowNumber = first(["rowNumber", "row", "line", "lineNumber"]).flatMap { Int($0) }
        firstName = values["firstName"]
        lastName = values["lastName"]
        message = first(["errors", "error", "message", "errorMessage", "reason"]) ?? ""
    }
}
