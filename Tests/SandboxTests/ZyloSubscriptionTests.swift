import Foundation
import Testing

@testable import Sandbox

@Suite("Zylo subscriptions")
struct ZyloSubscriptionTests {
    @Test func listSubscriptions_pagesThroughEveryFixtureOnceAndEndsWithEmptyToken() async throws {
        try await Harness.run { h in
            var ids: [String] = []
            var token = ""
            var pages = 0
            repeat {
                let page = try await h.get("/zylo/v1/subscriptions?pageToken=\(token)").json()
                ids += (page["subscriptions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                token = page["nextPageToken"] as? String ?? ""
                pages += 1
            } while !token.isEmpty && pages < 10
            #expect(pages == 3)
            #expect(ids.count == ZyloFixtures.subscriptionCount)
            #expect(Set(ids).count == ids.count)
        }
    }

    @Test func listSubscriptions_defaultsToFiftyAndKeepsTheTokensPageSize() async throws {
        try await Harness.run { h in
            let first = try await h.get("/zylo/v1/subscriptions").json()
            #expect((first["subscriptions"] as? [Any])?.count == 50)
            let small = try await h.get("/zylo/v1/subscriptions?pageSize=7").json()
            let token = try #require(small["nextPageToken"] as? String)
            let next = try await h.get("/zylo/v1/subscriptions?pageToken=\(token)").json()
            #expect((next["subscriptions"] as? [Any])?.count == 7)
        }
    }

    /// Answered pages are remembered, but never past a token's life: a page asked for again is the same page, the
    /// same token is refused to another tenant, and once a scenario makes tokens stale the remembered page is not
    /// served (the stale token gets Zylo's 400) while a fresh listing hands out a new token that works.
    @Test func listSubscriptions_rememberedPagesFollowTenantsAndStaleTokens() async throws {
        try await Harness.run { h in
            let first = try await h.get("/zylo/v1/subscriptions?pageSize=7").json()
            let token = try #require(first["nextPageToken"] as? String)
            let second = try await h.get("/zylo/v1/subscriptions?pageToken=\(token)")
            #expect(second.status == .ok)
            #expect(try await h.get("/zylo/v1/subscriptions?pageToken=\(token)").text == second.text)
            let other = try await h.mintZyloToken()
            #expect(try await h.get("/zylo/v1/subscriptions?pageToken=\(token)", token: other).status == .badRequest)

            _ = try await h.post("/__admin/scenarios/zylo-page-token-stale/activate", token: nil)
            let stale = try await h.get("/zylo/v1/subscriptions?pageToken=\(token)")
            #expect(stale.status == .badRequest)
            #expect(stale.text.contains("pageToken"))
            let again = try await h.get("/zylo/v1/subscriptions?pageSize=7").json()
            let fresh = try #require(again["nextPageToken"] as? String)
            #expect(fresh != token)
            let ids = { (page: [String: Any]) in
                (page["subscriptions"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
            }
            let resumed = try await h.get("/zylo/v1/subscriptions?pageToken=\(fresh)").json()
            #expect(ids(resumed) == ids(try second.json()))
            #expect(ids(resumed)?.count == 7)
        }
    }

    @Test(arguments: ["0", "101", "-1", "ten", "2.5"])
    func listSubscriptions_rejectsBadPageSize(pageSize: String) async throws {
        try await Harness.run { h in
            let response = try await h.get("/zylo/v1/subscriptions?pageSize=\(pageSize)")
            #expect(response.status == .badRequest)
            #expect(try response.json()["statusCode"] as? Int == 400)
            #expect((try response.json()["message"] as? String)?.contains("pageSize") == true)
        }
    }

    @Test func listSubscriptions_rejectsUnknownTokenAndChangedPageSize() async throws {
        try await Harness.run { h in
            let unknown = try await h.get("/zylo/v1/subscriptions?pageToken=8f42b1f6-06a4-465a-aff2-83be8fcf0886")
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains("pageToken"))
            let token = try await h.get("/zylo/v1/subscriptions?pageSize=10").json()["nextPageToken"] as? String ?? ""
            let changed = try await h.get("/zylo/v1/subscriptions?pageSize=20&pageToken=\(token)")
            #expect(changed.status == .badRequest)
            #expect(changed.text.contains("pageSize"))
            #expect(try await h.get("/zylo/v1/subscriptions?pageSize=10&pageToken=\(token)").status == .ok)
        }
    }

    @Test func getSubscriptionByID_returnsTheUnwrappedObjectWithItsDocumentedFields() async throws {
        try await Harness.run { h in
            let id = try await h.firstSubscriptionID()
            let subscription = try await h.get("/zylo/v1/subscriptions/\(id)").json()
            #expect(subscription["id"] as? String == id)
            #expect(subscription["name"] as? String == "subscription/\(id)")
            #expect((subscription["appId"] as? String)?.hasPrefix("application/") == true)
            let spend = (subscription["primaryCostCenter"] as? [String: Any])?["annualSpend"] as? [String: Any]
            #expect(spend?["currencyCode"] as? String == "USD")
            #expect(spend?["amount"] is String)
            #expect((subscription["usageStats"] as? [String: Any])?["percentActiveUsers"] is String)
        }
    }

    @Test(arguments: ["00000000-0000-4000-8000-000000000000", "-", "not-an-id"])
    func getSubscriptionByID_unknownIDIsZylo404(id: String) async throws {
        try await Harness.run { h in
            let response = try await h.get("/zylo/v1/subscriptions/\(id)")
            #expect(response.status == .notFound)
            #expect(try response.json()["statusCode"] as? Int == 404)
            #expect(response.headers[.sandboxNotEmulated] == nil)
        }
    }

    @Test func licenseAggregates_countEveryUserOfTheSubscription() async throws {
        try await Harness.run { h in
            let id = try await h.firstSubscriptionID()
            let aggregates = try await h.get("/zylo/v1/subscriptions/\(id)/users/aggregates/licenses").json()
            let subscription = try await h.get("/zylo/v1/subscriptions/\(id)").json()
            let provisioned = (subscription["usageStats"] as? [String: Any])?["provisionedUsers"] as? Int
            #expect(aggregates["totalUsers"] as? Int == provisioned)
            let licenses = aggregates["licenses"] as? [[String: Any]] ?? []
            #expect(!licenses.isEmpty)
            let counted = licenses.compactMap { $0["provisionedUsers"] as? Int }.reduce(0, +)
            #expect(counted >= provisioned ?? .max)
            let missing = try await h.get("/zylo/v1/subscriptions/nope/users/aggregates/licenses")
            #expect(missing.status == .notFound)
        }
    }
}
