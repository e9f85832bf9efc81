import Foundation
import SandboxTesting
import Testing
import UsageClients

@Suite("ZyloClient subscriptions against the sandbox")
struct ZyloSubscriptionClientTests {
    @Test(arguments: [nil, 50, 7])
    func subscriptions_walksEveryPageToTheEnd(pageSize: Int?) async throws {
        try await TestSandbox.run { sandbox in
            let all = try await ZyloClient.make(sandbox).subscriptions(pageSize: pageSize).zyloCollect()
            #expect(all.count == 120)
            #expect(Set(all.map(\.id)).count == 120)
        }
    }

    @Test func subscription_byID_matchesTheListedOne() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let listed = try await zylo.subscriptions(pageSize: 3).zyloCollect()[2]
            let fetched = try await zylo.subscription(id: listed.id)
            #expect(fetched == listed)
            #expect(fetched.createTime?.isEmpty == false)
        }
    }

    @Test func licenseAggregates_countsUsersPerLicense() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let aggregates = try await zylo.licenseAggregates(subscriptionID: try await zylo.firstSubscriptionID())
            #expect(!aggregates.licenses.isEmpty)
            #expect(aggregates.licenses.allSatisfy { $0.name?.isEmpty == false })
            #expect(aggregates.raw.object != nil)
        }
    }
}
