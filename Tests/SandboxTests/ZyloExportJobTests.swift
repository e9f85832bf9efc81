import Foundation
import Testing

@testable import Sandbox

@Suite("Zylo export jobs")
struct ZyloExportJobTests {
    @Test func exportJob_isInProgressThenCompleteWithDownloadUriAfterVirtualTime() async throws {
        try await Harness.run { h in
            let created = try await h.post("/zylo/v1/subscriptions/-/exportJobs")
            #expect(created.status == .created)
            let job = try created.json()
            let id = try #require(job["id"] as? String)
            #expect(job["name"] as? String == "subscriptions/*/exportJobs")
            #expect(job["status"] as? String == "IN_PROGRESS")
            #expect(job["downloadUri"] == nil)
            #expect(job["companyId"] is String && job["createTime"] is String)
            h.advanceClock(by: 29)
            #expect(
                try await h.get("/zylo/v1/subscriptions/-/exportJobs/\(id)").json()["status"] as? String
                    == "IN_PROGRESS")
            h.advanceClock(by: 1)
            let done = try await h.get("/zylo/v1/subscriptions/-/exportJobs/\(id)").json()
            #expect(done["status"] as? String == "COMPLETE")
            #expect((done["downloadUri"] as? String)?.contains("/zylo/__sandbox/downloads/") == true)
        }
    }

    @Test func downloadUri_servesTheCSVForSevenDaysThenExpires() async throws {
        try await Harness.run { h in
            let id = try await h.post("/zylo/v1/subscriptions/-/exportJobs").json()["id"] as? String ?? ""
            h.advanceClock(by: 30)
            let uri = try await h.get("/zylo/v1/subscriptions/-/exportJobs/\(id)").json()["downloadUri"] as? String
            let path = try #require(uri.flatMap { URL(string: $0)?.path })
            let csv = try await h.get(path, token: nil)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = csv.text.split(separator: "\r\n")
            #expect(
                lines.first
                    == "subscriptionId,appName,firstName,lastName,lastActivityDate,daysActiveOfLast30,licenseNames,isPaidUser"
            )
            #expect(lines.count > ZyloFixtures.subscriptionCount)
            h.advanceClock(by: 7 * 86_400)
            #expect(try await h.get(path, token: nil).status == .ok)
            h.advanceClock(by: 1)
            let expired = try await h.get(path, token: nil)
            #expect(expired.status == .forbidden)
            #expect(try expired.json()["statusCode"] as? Int == 403)
        }
    }

    @Test func exportJob_forOneSubscriptionIsNamedAfterItAndExportsOnlyIt() async throws {
        try await Harness.run { h in
            let sub = try await h.firstSubscriptionID()
            let job = try await h.post("/zylo/v1/subscriptions/\(sub)/exportJobs").json()
            #expect(job["name"] as? String == "subscriptions/\(sub)/exportJobs")
            h.advanceClock(by: 30)
            let id = job["id"] as? String ?? ""
            let uri = try await h.get("/zylo/v1/subscriptions/\(sub)/exportJobs/\(id)").json()["downloadUri"] as? String
            let csv = try await h.get(URL(string: uri ?? "")?.path ?? "", token: nil).text
            let rows = csv.split(separator: "\r\n").dropFirst()
            #expect(!rows.isEmpty && rows.allSatisfy { $0.hasPrefix(sub) })
            #expect(try await h.post("/zylo/v1/subscriptions/nope/exportJobs").status == .notFound)
        }
    }

    @Test func getExportJobByID_acceptsTheSeedsLeaked2FPrefixOnlyWhenLenient() async throws {
        try await Harness.run { h in
            let id = try await h.post("/zylo/v1/subscriptions/-/exportJobs").json()["id"] as? String ?? ""
            #expect(try await h.get("/zylo/v1/subscriptions/-/exportJobs/2F\(id)").json()["id"] as? String == id)
            #expect(try await h.get("/zylo/v1/subscriptions/-/exportJobs/\(id)?pageSize=5&pageToken=x").status == .ok)
        }
        try await Harness.run(configure: { $0.fidelity = .strict }) { h in
            let id = try await h.post("/zylo/v1/subscriptions/-/exportJobs").json()["id"] as? String ?? ""
            #expect(try await h.get("/zylo/v1/subscriptions/-/exportJobs/2F\(id)").status == .notFound)
        }
    }

    @Test func listExportJobs_pagesNewestFirstAndFiltersBySubscription() async throws {
        try await Harness.run { h in
            let sub = try await h.firstSubscriptionID()
            var created: [String] = []
            for index in 0..<5 {
                let path =
                    index == 0 ? "/zylo/v1/subscriptions/\(sub)/exportJobs" : "/zylo/v1/subscriptions/-/exportJobs"
                created.append(try await h.post(path).json()["id"] as? String ?? "")
            }
            let first = try await h.get("/zylo/v1/subscriptions/-/exportJobs?pageSize=3").json()
            let token = try #require(first["nextPageToken"] as? String)
            let second = try await h.get("/zylo/v1/subscriptions/-/exportJobs?pageToken=\(token)").json()
            let ids =
                ((first["exportJobs"] as? [[String: Any]] ?? []) + (second["exportJobs"] as? [[String: Any]] ?? []))
                .compactMap { $0["id"] as? String }
            #expect(ids == created.reversed())
            #expect(second["nextPageToken"] as? String == "")
            let one =
                try await h.get("/zylo/v1/subscriptions/\(sub)/exportJobs").json()["exportJobs"] as? [[String: Any]]
            #expect(one?.compactMap { $0["id"] as? String } == [created[0]])
        }
    }

    @Test func exportJob_unknownIDIs404() async throws {
        try await Harness.run { h in
            let response = try await h.get("/zylo/v1/subscriptions/-/exportJobs/8f42b1f6-06a4-465a-aff2-83be8fcf0886")
            #expect(response.status == .notFound)
            #expect(try response.json()["statusCode"] as? Int == 404)
        }
    }
}
