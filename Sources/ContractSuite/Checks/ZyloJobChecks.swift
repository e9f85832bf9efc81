import Foundation
import UsageClients

/// Zylo's export and import job state machines (seed `002`); both create jobs, so they are writing checks.
enum ZyloJobChecks {
    static let all: [ContractCheck] = [
        ContractCheck(
            "zylo.export-job.runs-to-complete", .zylo, .seed, writes: true,
            "an export job of - starts IN_PROGRESS as subscriptions/*/exportJobs and ends COMPLETE with a downloadUri",
            body: exportRunsToComplete),
        ContractCheck(
            "zylo.import-job.open-upload-complete", .zylo, .seed, writes: true,
            "an import job starts OPEN, takes a multipart CSV and ends COMPLETE", body: importRunsToComplete),
    ]

    /// An export job's documented lifecycle: `IN_PROGRESS` until `COMPLETE` (seed `002`).
    static let exportStates = CheckContext.JobStates(documented: ["IN_PROGRESS", "COMPLETE"], final: ["COMPLETE"])

    /// An import job's lifecycle: `OPEN`, then `COMPLETE` or `COMPLETE_WITH_ERRORS` (seed `002`). The state while
    /// an uploaded file is read is not documented; `IN_PROGRESS`, the vendor's word for a running export, is
    /// accepted there.
    static let importStates = CheckContext.JobStates(
        documented: ["OPEN", "IN_PROGRESS", "COMPLETE", "COMPLETE_WITH_ERRORS"],
        final: ["COMPLETE", "COMPLETE_WITH_ERRORS"])

    static func exportRunsToComplete(_ c: CheckContext) async throws {
        let created = try await c.http.send(
            "POST", "/v1/subscriptions/-/exportJobs", headers: try await c.authorization())
        c.observe(created, as: "export-created", headers: ["zylo-request-id"])
        guard created.status / 100 == 2, let job = created.json, let id = job["id"]?.string else {
            c.fail("creating an export job: expected 2xx with an id, got \(created.status): \(created.snippet)")
            return
        }
        c.expect(job["status"]?.string == "IN_PROGRESS", "a new export is IN_PROGRESS, got \(created.snippet)")
        c.expect(job["name"]?.string == "subscriptions/*/exportJobs", "name is subscriptions/*/exportJobs")
        for key in ["createTime", "companyId"] { c.expect(job[key]?.string != nil, "the job has \(key)") }
        guard
            let finished = try await c.followJob(
                "/v1/subscriptions/-/exportJobs/\(id)", states: exportStates, what: "export \(id)")
        else { return }
        c.observe("export paging states", finished.json?["status"]?.string ?? "none")
        c.observe(finished, as: "export-complete")
        guard let link = finished.json?["downloadUri"]?.string, !link.isEmpty else {
            return c.fail("a COMPLETE export has a downloadUri, got \(finished.snippet)")
        }
        let zylo = try c.zyloClient()
        let rows = try await zylo.downloadExport(try await zylo.exportJob(id: id))
        c.observe("export download", rows.isEmpty ? "empty" : "rows")
    }

    static func importRunsToComplete(_ c: CheckContext) async throws {
        let list = try await c.get("/v1/subscriptions?pageSize=1")
        guard let subscription = ZyloChecks.ids(list).first else { throw ContractSkip("no subscription to import to") }
        let created = try await c.http.send(
            "POST", "/v1/subscriptions/\(subscription)/importJob",
            headers: try await c.authorization() + [(name: "accept", value: "application/json")], body: Data())
        c.observe(created, as: "import-created", headers: ["zylo-request-id"])
        guard created.status / 100 == 2, let job = created.json, let id = job["id"]?.string else {
            return c.fail("creating an import job: expected 2xx with an id, got \(created.status): \(created.snippet)")
        }
        c.expect(job["status"]?.string == "OPEN", "a new import job is OPEN, got \(created.snippet)")
        c.expect(job["subscriptionId"]?.string == subscription, "subscriptionId is the path's \(subscription)")
        c.expect(
            job["name"]?.string == "subscriptions/\(subscription)/importJob", "name is subscriptions/<id>/importJob")
        for key in ["companyId", "createTime", "updateTime"] { c.expect(job[key]?.string != nil, "the job has \(key)") }
        let path = "/v1/subscriptions/\(subscription)/importJob/\(id)"
        // A file the vendor cannot read is a 400 that changes nothing: the job is still OPEN for a good file.
        let rejected = try await ZyloChecks.uploadMalformed(c, to: path)
        c.observe(rejected, as: "import-malformed", headers: ["zylo-request-id"])
        ZyloChecks.expectBadRequest(c, rejected, "a malformed upload to an OPEN import job")
        let after = try await c.get(path)
        c.expect(after.json?["status"]?.string == "OPEN", "a rejected upload leaves the job OPEN, got \(after.snippet)")
        // The seed's columns, written out here rather than by the client, so the check tests the documented file.
        let csv = """
            firstName,lastName,lastActivityDate,daysActiveOfLast30,licenseNames,isPaidUser
            Contract,Check,2024-05-31,3,"Standard,Pro",true

            """
        let uploaded = try await c.zyloClient().uploadImportFile(
            subscriptionID: subscription, jobID: id, csv: Data(csv.utf8))
        c.expect(
            importStates.documented.contains(uploaded.status.rawValue),
            "the upload answers a documented status, got \(uploaded.status)")
        guard let finished = try await c.followJob(path, states: importStates, what: "import \(id)") else { return }
        let status = finished.json?["status"]?.string ?? "none"
        c.observe("import paging states", status)
        c.expect(status == "COMPLETE", "a valid one-row file ends COMPLETE, got \(status)")
        c.observe(finished, as: "import-finished")
    }
}
