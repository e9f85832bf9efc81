/// A legacy import of user data into a subscription: `OPEN` until a file is uploaded, then `COMPLETE` or
/// `COMPLETE_WITH_ERRORS` with a link to an error report.
public struct ZyloImportJob: Decodable, Sendable, Hashable, Identifiable {
    /// The job's id.
    public let id: String
    /// The resource name, such as `subscriptions/<id>/importJob`.
    public let name: String?
    /// The company the job belongs to.
    public let companyId: String?
    /// The subscription imported into (absent for Usage Connect imports).
    public let subscriptionId: String?
    /// `OPEN`, `IN_PROGRESS`, `COMPLETE` or `COMPLETE_WITH_ERRORS`.
    public let status: ZyloJobStatus
    /// When the job was created, as the vendor wrote it (`+00:00` or `Z`).
    public let createTime: String?
    /// When the job last changed.
    public let updateTime: String?
    /// The link to the error report of a `COMPLETE_WITH_ERRORS` job. Zylo does not document the field's name;
    /// `errorDownloadUri` and the likely alternatives are read.
    public let errorDownloadUri: String?
    /// Every field the vendor sent.
    public let fields: [String: JSONValue]

    static let errorLinkKeys = [
        "errorDownloadUri", "errorDownloadUrl", "errorFileUri", "errorFileUrl", "errorUri", "errorUrl",
        "errorsUri", "errorReportUri", "errorReportUrl",
    ]

    /// Decodes a job; `id` and `status` are required, the rest may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ZyloAnyKey.self)
        id = try container.decode(String.self, forKey: ZyloAnyKey("id"))
        status = try container.decode(ZyloJobStatus.self, forKey: ZyloAnyKey("status"))
        name = container.lenient(String.self, "name")
        companyId = container.lenient(String.self, "companyId")
        subscriptionId = container.lenient(String.self, "subscriptionId")
        createTime = container.lenient(String.self, "createTime")
        updateTime = container.lenient(String.self, "updateTime")
        errorDownloadUri = container.lenient(String.self, anyOf: Self.errorLinkKeys)
        fields = container.allFields()
    }

    /// Whether the job has finished processing its file.
    public var isFinished: Bool { status == .complete || status == .completeWithErrors }
}
