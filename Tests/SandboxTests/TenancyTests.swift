import Testing

@testable import Sandbox

@Suite("Each credential is its own tenant")
struct TenancyTests {
    @Test func twoCredentialsDoNotSeeEachOthersJobsOrPageTokens() async throws {
        try await Harness.run { h in
            let other = try await h.mintZyloToken()
            let sub = try await h.firstSubscriptionID()
            let export = try await h.post("/zylo/v1/subscriptions/-/exportJobs").json()["id"] as? String ?? ""
            let imported = try await h.post("/zylo/v1/subscriptions/\(sub)/importJob").json()["id"] as? String ?? ""
            #expect(try await h.get("/zylo/v1/subscriptions/-/exportJobs/\(export)", token: other).status == .notFound)
            #expect(
                try await h.get("/zylo/v1/subscriptions/\(sub)/importJob/\(imported)", token: other).status == .notFound
            )
            let list = try await h.get("/zylo/v1/subscriptions/-/exportJobs", token: other).json()
            #expect((list["exportJobs"] as? [Any])?.isEmpty == true)
            let token = try await h.get("/zylo/v1/subscriptions?pageSize=5").json()["nextPageToken"] as? String ?? ""
            #expect(try await h.get("/zylo/v1/subscriptions?pageToken=\(token)", token: other).status == .badRequest)
        }
    }

    @Test func importsOfOneTenantDoNotChangeAnotherTenantsExport() async throws {
        try await Harness.run { h in
            let other = try await h.mintZyloToken()
            let sub = try await h.firstSubscriptionID()
            let id = try await h.post("/zylo/v1/subscriptions/\(sub)/importJob").json()["id"] as? String ?? ""
            _ = try await h.upload(
                "/zylo/v1/subscriptions/\(sub)/importJob/\(id)",
                csv: "\(ZyloImportJobTests.header)\nOnly,Mine,2024-01-01,5,Pro,true\n")
            h.advanceClock(by: 10)
            let aggregate = { (token: String) in
                try await h.get("/zylo/v1/subscriptions/\(sub)/users/aggregates/licenses", token: token).json()[
                    "totalUsers"]
                    as? Int ?? 0
            }
            #expect(try await aggregate(Harness.demoToken) == (try await aggregate(other)) + 1)
        }
    }
}
