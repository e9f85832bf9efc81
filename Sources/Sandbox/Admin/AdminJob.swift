/// A vendor job as `GET /__admin/jobs` shows it, whatever the vendor.
struct AdminJob: Encodable, Sendable {
    let vendor: String
    /// `export`, `import` or `usageConnectImport`.
    let kind: String
    let id: String
    let tenant: String
    let status: String
    let createTime: String
    /// When the job finishes (or finished) on the virtual clock; `null` while it waits for input.
    let readyAt: String?
    let acceptedRows: Int?
    let rejectedRows: Int?
}
