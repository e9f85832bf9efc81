/// The state of a Zylo export or import job; values the documents do not name are kept as they come.
public struct ZyloJobStatus: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The vendor's spelling, such as `IN_PROGRESS`.
    public let rawValue: String

    /// A status from the vendor's spelling.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// An import job waiting for its file.
    public static let open = ZyloJobStatus(rawValue: "OPEN")
    /// The job is running.
    public static let inProgress = ZyloJobStatus(rawValue: "IN_PROGRESS")
    /// The job finished; an export has its `downloadUri`.
    public static let complete = ZyloJobStatus(rawValue: "COMPLETE")
    /// An import finished but rejected some rows; the job links to an error report.
    public static let completeWithErrors = ZyloJobStatus(rawValue: "COMPLETE_WITH_ERRORS")

    /// Decodes the bare string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the bare string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Whether the job has stopped for good: complete, or a failure state the documents do not name.
    var isFailure: Bool {
        ["FAIL", "ERROR", "CANCEL", "EXPIRED"].contains { rawValue.uppercased().contains($0) }
            && self != .completeWithErrors
    }

    /// The vendor's spelling.
    public var description: String { rawValue }
}
