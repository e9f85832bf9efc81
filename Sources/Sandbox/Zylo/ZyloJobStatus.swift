/// The job states Zylo documents.
enum ZyloJobStatus {
    static let open = "OPEN"
    static let inProgress = "IN_PROGRESS"
    static let complete = "COMPLETE"
    static let completeWithErrors = "COMPLETE_WITH_ERRORS"
}
