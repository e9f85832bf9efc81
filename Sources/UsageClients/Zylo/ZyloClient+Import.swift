import Foundation

extension ZyloClient {
    /// Opens a legacy import job for a subscription; upload its file next.
    ///
    /// ```swift
    /// let job = try await zylo.createImportJob(subscriptionID: id)
    /// _ = try await zylo.uploadImportFile(subscriptionID: id, jobID: job.id, csv: file)
    /// ```
    public func createImportJob(subscriptionID: String) async throws -> ZyloImportJob {
        try await executor.json(
            ZyloImportJob.self, "POST", "/v1/subscriptions/\(Self.segment(subscriptionID))/importJob",
            headers: [(name: "Accept", value: "application/json")])
    }

    /// Uploads the CSV of an `OPEN` import job, as multipart field `file` named `import.csv`.
    ///
    /// ```swift
    /// let csv = Data("firstName,lastName,lastActivityDate,daysActiveOfLast30,licenseNames,isPaidUser\n".utf8)
    /// let job = try await zylo.uploadImportFile(subscriptionID: id, jobID: opened.id, csv: csv)
    /// ```
    /// A file Zylo cannot read at all is a 400 ``UsageClientError``; bad rows surface later in the job's report.
    public func uploadImportFile(subscriptionID: String, jobID: String, csv: Data) async throws -> ZyloImportJob {
        let path = "/v1/subscriptions/\(Self.segment(subscriptionID))/importJob/\(Self.segment(jobID))"
        let form = ZyloMultipartForm(file: csv)
        let response = try await executor.send(
            "POST", path,
            headers: [(name: "Content-Type", value: form.contentType), (name: "Accept", value: "application/json")],
            body: form.body)
        // Zylo documents no body for the upload: when there is none, read the job back.
        guard !response.body.isEmpty else { return try await importJob(subscriptionID: subscriptionID, id: jobID) }
        return try executor.decode(ZyloImportJob.self, from: response, operation: "POST \(path)")
    }

    /// An import job's current state.
    ///
    /// ```swift
    /// let job = try await zylo.importJob(subscriptionID: id, id: jobID)
    /// print(job.status, job.errorDownloadUri ?? "")
    /// ```
    public func importJob(subscriptionID: String, id: String) async throws -> ZyloImportJob {
        try await executor.json(
            ZyloImportJob.self, "GET", "/v1/subscriptions/\(Self.segment(subscriptionID))/importJob/\(Self.segment(id))"
        )
    }

    /// Every import job of a subscription, a page at a time.
    public func importJobs(subscriptionID: String, pageSize: Int? = nil) -> PagedSequence<ZyloImportJob> {
        pages(ZyloImportJob.self, "/v1/subscriptions/\(Self.segment(subscriptionID))/importJob", pageSize: pageSize)
    }

    /// Imports users into a subscription and answers how it went: writes the CSV, creates a job, uploads, polls
    /// until `COMPLETE` or `COMPLETE_WITH_ERRORS`, and reads the error report, all within one deadline.
    ///
    /// ```swift
    /// let result = try await zylo.runImport(subscriptionID: id, rows: [
    ///     ZyloImportRow(firstName: "Ada", lastName: "Lovelace", lastActivityDate: "2024-05-31",
    ///                   daysActiveOfLast30: 12, licenseNames: ["Pro"], isPaidUser: true)
    /// ])
    /// for error in result.errors { print(error.rowNumber ?? 0, error.message) }
    /// ```
    /// - Parameters:
    ///   - pollInterval: the first wait between polls; later waits grow to at most 16 times it.
    ///   - deadline: how long the whole import may take; `options.deadline` when `nil` (see
    ///     ``runExport(subscriptionID:pollInterval:deadline:)``).
    public func runImport(
        subscriptionID: String, rows: [ZyloImportRow], pollInterval: Duration = .seconds(2), deadline: Duration? = nil
    ) async throws -> ZyloImportResult {
        try await runImport(
            subscriptionID: subscriptionID, csv: Data(ZyloImportRow.csv(rows).utf8), pollInterval: pollInterval,
            deadline: deadline)
    }

    /// Imports a ready-made CSV file (the documented columns) into a subscription; see
    /// ``runImport(subscriptionID:rows:pollInterval:deadline:)``.
    public func runImport(
        subscriptionID: String, csv: Data, pollInterval: Duration = .seconds(2), deadline: Duration? = nil
    ) async throws -> ZyloImportResult {
        try await asOneOperation(deadline: deadline) {
            let opened = try await createImportJob(subscriptionID: subscriptionID)
            let uploaded = try await uploadImportFile(subscriptionID: subscriptionID, jobID: opened.id, csv: csv)
            let job = try await poll(
                "import", uploaded, id: uploaded.id, status: \.status, interval: pollInterval,
                isFinished: \.isFinished, next: { try await importJob(subscriptionID: subscriptionID, id: uploaded.id) }
            )
            return ZyloImportResult(job: job, errors: try await rowErrors(of: job))
        }
    }

    /// Imports a CSV file through a Usage Connect connection (`POST /v1/usageconnect/{id}/import/`).
    ///
    /// ```swift
    /// let job = try await zylo.createUsageConnectImport(connectionID: connection, csv: file)
    /// print(job.id, job.status)
    /// ```
    /// Zylo documents neither the body nor the answer of this route: the file is sent as multipart field `file`
    /// and the answer is read as an import job.
    public func createUsageConnectImport(connectionID: String, csv: Data) async throws -> ZyloImportJob {
        let form = ZyloMultipartForm(file: csv)
        return try await executor.json(
            ZyloImportJob.self, "POST", "/v1/usageconnect/\(Self.segment(connectionID))/import/",
            headers: [(name: "Content-Type", value: form.contentType), (name: "Accept", value: "application/json")],
            body: form.body)
    }

    /// The rows a finished job rejected, from its error report when it links one.
    func rowErrors(of job: ZyloImportJob) async throws -> [ZyloImportRowError] {
        guard let link = job.errorDownloadUri, !link.isEmpty else { return [] }
        return try await downloadCSV(link, operation: "download import errors \(job.id)")
            .map(ZyloImportRowError.init(values:))
    }
}
