import Foundation

extension ZyloClient {
    /// Starts an export of user-level usage; `"-"` (the default) exports every subscription.
    ///
    /// ```swift
    /// let job = try await zylo.createExportJob()
    /// print(job.id, job.status)   // IN_PROGRESS
    /// ```
    public func createExportJob(subscriptionID: String = "-") async throws -> ZyloExportJob {
        try await executor.json(
            ZyloExportJob.self, "POST", "/v1/subscriptions/\(Self.segment(subscriptionID))/exportJobs")
    }

    /// An export job's current state; `downloadUri` is set once it is `COMPLETE`.
    ///
    /// ```swift
    /// let job = try await zylo.exportJob(id: created.id)
    /// if job.status == .complete { let rows = try await zylo.downloadExport(job) }
    /// ```
    public func exportJob(id: String, subscriptionID: String = "-") async throws -> ZyloExportJob {
        try await executor.json(
            ZyloExportJob.self, "GET",
            "/v1/subscriptions/\(Self.segment(subscriptionID))/exportJobs/\(Self.segment(id))")
    }

    /// Every export job of a subscription (`"-"`: of every subscription), a page at a time.
    public func exportJobs(subscriptionID: String = "-", pageSize: Int? = nil) -> PagedSequence<ZyloExportJob> {
        pages(ZyloExportJob.self, "/v1/subscriptions/\(Self.segment(subscriptionID))/exportJobs", pageSize: pageSize)
    }

    /// The rows of a `COMPLETE` export, fetched from its pre-signed `downloadUri` without credentials.
    ///
    /// ```swift
    /// let rows = try await zylo.downloadExport(job)
    /// print(rows.first?.firstName ?? "")
    /// ```
    public func downloadExport(_ job: ZyloExportJob) async throws -> [ZyloExportRow] {
        guard let link = job.downloadUri else {
            throw UsageClientError(
                kind: .decoding, vendor: "zylo", operation: "download export \(job.id)",
                message: "export job \(job.id) has no downloadUri (status \(job.status))")
        }
        let rows = try await downloadCSV(link, operation: "download export \(job.id)")
        return rows.map(ZyloExportRow.init(values:))
    }

    /// Exports usage and answers its rows: creates a job, polls it with backoff until `COMPLETE`, downloads and
    /// parses the CSV, all within one deadline.
    ///
    /// ```swift
    /// let rows = try await zylo.runExport(subscriptionID: "-", deadline: .seconds(600))
    /// for row in rows { print(row.firstName ?? "", row.lastActivityDate ?? "") }
    /// ```
    /// - Parameters:
    ///   - pollInterval: the first wait between polls; later waits grow to at most 16 times it.
    ///   - deadline: how long the whole export may take, creation, polls, waits and download included;
    ///     `options.deadline` when `nil`. When the next poll would come after it, the export ends with
    ///     `.deadlineExceeded` at once.
    /// - Throws: `.jobFailed` when the job stops in a failure state; `.decoding` when the file is empty (Zylo
    ///   documents a CSV with a header row) or not CSV.
    public func runExport(
        subscriptionID: String = "-", pollInterval: Duration = .seconds(2), deadline: Duration? = nil
    ) async throws -> [ZyloExportRow] {
        try await asOneOperation(deadline: deadline) {
            let created = try await createExportJob(subscriptionID: subscriptionID)
            let job = try await poll(
                "export", created, id: created.id, status: \.status, interval: pollInterval,
                isFinished: { $0.status == .complete },
                next: { try await exportJob(id: created.id, subscriptionID: subscriptionID) })
            return try await downloadExport(job)
        }
    }

    /// The rows of the CSV at `link` (absolute, or relative to the base URL), fetched without credentials.
    func downloadCSV(_ link: String, operation: String) async throws -> [[String: String]] {
        guard let url = URL(string: link, relativeTo: executor.baseURL)?.absoluteURL else {
            throw UsageClientError(
                kind: .decoding, vendor: "zylo", operation: operation, message: "the link '\(link)' is not a URL")
        }
        let downloader = RequestExecutor(
            vendor: "zylo", baseURL: url, options: options, authorizer: .fixed([]), requestIDHeader: "zylo-request-id")
        let response: HTTPResponseData
        do {
            response = try await downloader.send("GET", "", authorized: false)
        } catch let error as UsageClientError {
            // Name the download, not the link: a pre-signed link's signature is a credential.
            throw error.located(vendor: "zylo", operation: operation)
        }
        let text = String(decoding: response.body, as: UTF8.self)
        // Zylo documents no empty export: even a company without users gets a header row.
        guard !text.allSatisfy(\.isWhitespace) else {
            throw UsageClientError(
                kind: .decoding, vendor: "zylo", operation: operation, requestID: response.header("zylo-request-id"),
                message: "the file is empty: a CSV with at least a header row was expected")
        }
        do {
            return try ZyloCSV.rows(text)
        } catch {
            throw UsageClientError(
                kind: .decoding, vendor: "zylo", operation: operation,
                requestID: response.header("zylo-request-id"), message: "the file is not valid CSV: \(error)")
        }
    }
}
