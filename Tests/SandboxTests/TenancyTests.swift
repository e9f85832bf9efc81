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

@Suite("Tenants stay apart under concurrent load")
struct ConcurrentTenancyTests {
    @Test func eightTenantsCreatingJobsAtOnce_eachSeeOnlyTheirOwn() async throws {
        try await Harness.run { (h: Harness) async throws in
            var tokens: [String] = []
            for _ in 0..<8 { tokens.append(try await h.mintZyloToken()) }
            let created = try await withThrowingTaskGroup(of: (String, [String]).self) { group in
                for token in tokens {
                    group.addTask {
                        var ids: [String] = []
                        for _ in 0..<5 {
                            let job = try await h.post("/zylo/v1/subscriptions/-/exportJobs", token: token).json()
                            ids.append(job["id"] as? String ?? "")
                        }
                        return (token, ids)
                    }
                }
                var all: [String: [String]] = [:]
                for try await (token, ids) in group { all[token] = ids }
                return all
            }
            for token in tokens {
                let list = try await h.get("/zylo/v1/subscriptions/-/exportJobs?pageSize=100", token: token).json()
                let seen = (list["exportJobs"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
                #expect(Set(seen) == Set(created[token] ?? []))
            }
        }
    }

    @Test func journal_redactsSecretsOfScenarioAnsweredRequestsToo() async throws {
        try await Harness.run { (h: Harness) async throws in
            _ = try await h.post("/__admin/scenarios/bad-credentials/activate", token: nil)
            _ = try await h.get("/zylo/v1/subscriptions")
            _ = try await h.post(
                "/hyalto/accountManagement/auth/token", token: nil, json: Harness.hyaltoKeys)
            let journal = try await h.get("/__admin/requests", token: nil).text
            #expect(journal.contains("bad-credentials/unauthorized"))
            #expect(!journal.contains(DemoCredentials.zyloTokenSecret))
            #expect(!journal.contains(DemoCredentials.hyaltoSecretKey))
        }
    }
}
