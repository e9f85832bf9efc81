/// An asynchronous export of user-level usage, `IN_PROGRESS` until it is `COMPLETE` with a ``downloadUri``.
public struct ZyloExportJob: Decodable, Sendable, Hashable, Identifiable {
    /// The job's id.
    public let id: String
    /// The resource name, such as `subscriptions/*/exportJobs`.
    public let name: String?
    /// `IN_PROGRESS` or `COMPLETE`.
    public let status: ZyloJobStatus
    /// When the job was created, as the vendor wrote it (`+00:00` or `Z`).
    public let createTime: String?
    /// When the job last changed, if the vendor says.
    public let updateTime: String?
    /// The company the job belongs to.
    public let companyId: String?
    /// The pre-signed link to the CSV, present once the job is `COMPLETE` and valid for 7 days.
    public let downloadUri: String?
    /// Every field the vendor sent.
    public let fields: [String: JSONValue]

    /// Decodes a job; `id` and `status` are required, the rest may be absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ZyloAnyKey.self)
        id = try container.decode(String.self, forKey: ZyloAnyKey("id"))
        status = try container.decode(ZyloJobStatus.self, forKey: ZyloAnyKey("status"))
        name = container.lenient(String.self, "name")
        createTime = container.lenient(String.self, "createTime")
        updateTime = container.lenient(String.self, "updateTime")
        companyId = container.lenient(String.self, "companyId")
        downloadUri = container.lenient(String.self, anyOf: ["downloadUri", "downloadUrl", "downloadURI"])
        fields = container.allFields()
    }
}
