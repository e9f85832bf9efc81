import Foundation
import Testing

@testable import Sandbox

@Suite("Zylo import jobs")
struct ZyloImportJobTests {
    static let header = "firstName,lastName,lastActivityDate,daysActiveOfLast30,licenseNames,isPaidUser"

    @Test func importJob_goesOpenInProgressCompleteWithErrors_andReportsEachBadRow() async throws {
        try await Harness.run { h in
            let sub = try await h.firstSubscriptionID()
            let created = try await h.post("/zylo/v1/subscriptions/\(sub)/importJob")
            #expect(created.status == .created)
            let job = try created.json()
            let id = try #require(job["id"] as? String)
            #expect(job["status"] as? String == "OPEN")
            #expect(job["name"] as? String == "subscriptions/\(sub)/importJob")
            #expect(job["subscriptionId"] as? String == sub)
            let csv = """
                \(Self.header)
                Ada,Lovelace,2024-05-01,12,"Pro,Business+",true
                Bad,Date,2024-02-30,3,Pro,false
                Too,Many,2024-05-01,31,Pro,TRUE
                """
            let uploaded = try await h.upload("/zylo/v1/subscriptions/\(sub)/importJob/\(id)", csv: csv)
            #expect(try uploaded.json()["status"] as? String == "IN_PROGRESS")
            h.advanceClock(by: 10)
            let done = try await h.get("/zylo/v1/subscriptions/\(sub)/importJob/\(id)").json()
            #expect(done["status"] as? String == "COMPLETE_WITH_ERRORS")
            let report = try await h.get(URL(string: done["errorDownloadUri"] as? String ?? "")?.path ?? "", token: nil)
            let lines = report.text.split(separator: "\r\n")
            #expect(lines.count == 3)
            #expect(lines[1].hasPrefix("3,Bad,Date,") && lines[1].contains("lastActivityDate"))
            #expect(
                lines[2].hasPrefix("4,Too,Many,") && lines[2].contains("daysActiveOfLast30")
                    && lines[2].contains("isPaidUser"))
        }
    }

    @Test func importedRows_appearInLaterExports_andAllGoodFileCompletes() async throws {
        try await Harness.run { h in
            let sub = try await h.firstSubscriptionID()
            let id = try await h.post("/zylo/v1/subscriptions/\(sub)/importJob").json()["id"] as? String ?? ""
            let csv = "\(Self.header)\r\nGrace,Hopper,2024-06-01T09:30:00Z,30,Enterprise,true\r\n"
            _ = try await h.upload("/zylo/v1/subscriptions/\(sub)/importJob/\(id)", csv: csv)
            h.advanceClock(by: 10)
            let done = try await h.get("/zylo/v1/subscriptions/\(sub)/importJob/\(id)").json()
            #expect(done["status"] as? String == "COMPLETE")
            #expect(done["errorDownloadUri"] == nil)
            let export = try await h.post("/zylo/v1/subscriptions/\(sub)/exportJobs").json()["id"] as? String ?? ""
            h.advanceClock(by: 30)
            let uri = try await h.get("/zylo/v1/subscriptions/-/exportJobs/\(export)").json()["downloadUri"] as? String
            let csvOut = try await h.get(URL(string: uri ?? "")?.path ?? "", token: nil).text
            #expect(csvOut.contains("\(sub),") && csvOut.contains("Grace,Hopper,2024-06-01,30,Enterprise,true"))
        }
    }

    @Test(
        "an unreadable upload is a 400 naming the problem, and the job stays OPEN",
        arguments: [
            ("", "empty"), ("firstName,lastName\nA,B\n", "lastActivityDate"),
            ("\(header)\n\"Ada,Lovelace,2024-05-01,1,Pro,true\n", "never closed"),
        ])
    func upload_rejectsUnreadableFiles(csv: String, expected: String) async throws {
        try await Harness.run { h in
            let sub = try await h.firstSubscriptionID()
            let id = try await h.post("/zylo/v1/subscriptions/\(sub)/importJob").json()["id"] as? String ?? ""
            let response = try await h.upload("/zylo/v1/subscriptions/\(sub)/importJob/\(id)", csv: csv)
            #expect(response.status == .badRequest)
            #expect(response.text.contains(expected))
            #expect(
                try await h.get("/zylo/v1/subscriptions/\(sub)/importJob/\(id)").json()["status"] as? String == "OPEN")
        }
    }

    @Test func upload_needsMultipartWithAFilePart_andOnlyOnce() async throws {
        try await Harness.run { h in
            let sub = try await h.firstSubscriptionID()
            let id = try await h.post("/zylo/v1/subscriptions/\(sub)/importJob").json()["id"] as? String ?? ""
            let path = "/zylo/v1/subscriptions/\(sub)/importJob/\(id)"
            let notMultipart = try await h.post(path, json: "{}")
            #expect(notMultipart.status == .badRequest && notMultipart.text.contains("multipart/form-data"))
            let wrongField = try await h.upload(path, csv: "\(Self.header)\n", field: "data")
            #expect(wrongField.status == .badRequest && wrongField.text.contains("'file'"))
            #expect(try await h.upload(path, csv: "\(Self.header)\n").status == .created)
            let again = try await h.upload(path, csv: "\(Self.header)\n")
            #expect(again.status == .badRequest && again.text.contains("not OPEN"))
        }
    }

    @Test func importJobs_listAndGetAre404ForUnknownSubscriptionOrJob() async throws {
        try await Harness.run { h in
            let sub = try await h.firstSubscriptionID()
            let id = try await h.post("/zylo/v1/subscriptions/\(sub)/importJob").json()["id"] as? String ?? ""
            let list = try await h.get("/zylo/v1/subscriptions/\(sub)/importJob").json()
            #expect((list["importJobs"] as? [[String: Any]])?.first?["id"] as? String == id)
            #expect(list["nextPageToken"] as? String == "")
            #expect(try await h.get("/zylo/v1/subscriptions/nope/importJob").status == .notFound)
            #expect(try await h.post("/zylo/v1/subscriptions/-/importJob").status == .notFound)
            #expect(try await h.get("/zylo/v1/subscriptions/\(sub)/importJob/\(sub)").status == .notFound)
        }
    }

    @Test func usageConnectImport_takesMultipartOrRawCSV_andCompletesOnTheClock() async throws {
        try await Harness.run { h in
            let connection = "3f1c1c2e-9d1a-4c59-a4b5-8a3c2b1d0e9f"
            let multipart = try await h.upload("/zylo/v1/usageconnect/\(connection)/import/", csv: "\(Self.header)\n")
            #expect(multipart.status == .created)
            #expect(try multipart.json()["name"] as? String == "usageconnect/\(connection)/import")
            let raw = try await h.request(
                .post, "/zylo/v1/usageconnect/\(connection)/import", headers: [.contentType: "text/csv"],
                body: .init(string: "\(Self.header)\nA,B,2024-01-01,1,Pro,true\n"))
            #expect(try raw.json()["status"] as? String == "IN_PROGRESS")
            h.advanceClock(by: 10)
            let jobs = try await h.get("/__admin/jobs", token: nil).json()["jobs"] as? [[String: Any]] ?? []
            #expect(
                jobs.filter { $0["kind"] as? String == "usageConnectImport" }.allSatisfy {
                    $0["status"] as? String == "COMPLETE"
                })
            #expect(try await h.upload("/zylo/v1/usageconnect/not-a-uuid/import", csv: "x").status == .notFound)
        }
    }
}
