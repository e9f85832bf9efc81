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

    /// How often a check looks at a job, and how much time it lets pass between looks.
    static let maxLooks = 40
    static let step = 15.0

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
        let zylo = try c.zyloClient()
        var current = try await zylo.exportJob(id: id)
        var looks = 0
        while current.status != .complete && looks < maxLooks {
            c.expect(current.status == .inProgress, "export \(id) is IN_PROGRESS until COMPLETE, got \(current.status)")
            try await c.letTimePass(seconds: step)
            current = try await zylo.exportJob(id: id)
            looks += 1
        }
        c.observe("export paging states", current.status.rawValue)
        guard c.expectStatus(try await c.get("/v1/subscriptions/-/exportJobs/\(id)"), 200, "GET the export job"),
            current.status == .complete
        else { return c.fail("export \(id) did not complete, last status \(current.status)") }
        c.expect(current.downloadUri != nil, "a COMPLETE export has a downloadUri")
        let finished = try await c.get("/v1/subscriptions/-/exportJobs/\(id)")
        c.observe(finished, as: "export-complete")
        let rows = try await zylo.downloadExport(current)
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
        // The seed's columns, written out here rather than by the client, so the check tests the documented file.
        let csv = """
            firstName,lastName,lastActivityDate,daysActiveOfLast30,licenseNames,isPaidUser
            Contract,Check,2024-05-31,3,"Standard,Pro",true

            """
        let zylo = try c.zyloClient()
        var current = try await zylo.uploadImportFile(
            subscriptionID: subscription, jobID: id, csv: Data(csv.utf8))
        var looks = 0
        while !current.isFinished && looks < maxLooks {
            try await c.letTimePass(seconds: step)
            current = try await zylo.importJob(subscriptionID: subscription, id: id)
            looks += 1
        }
        c.observe("import paging states", current.status.rawValue)
        c.expect(current.status == ZyloJobStatus.complete, "a valid one-row file ends COMPLETE, got \(current.status)")
        let finished = try await c.get("/v1/subscriptions/\(subscription)/importJob/\(id)")
        c.observe(finished, as: "import-finished")
    }
}
