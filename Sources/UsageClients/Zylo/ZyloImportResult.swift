/// How an import ended: the finished job and the rows it rejected.
public struct ZyloImportResult: Sendable, Hashable {
    /// The job as last read: `COMPLETE` or `COMPLETE_WITH_ERRORS`.
    public let job: ZyloImportJob
    /// The rejected rows; empty for a `COMPLETE` job.
    public let errors: [ZyloImportRowError]

    /// Whether every row was imported.
    public var succeeded: Bool { job.status == .complete && errors.isEmpty }
}
