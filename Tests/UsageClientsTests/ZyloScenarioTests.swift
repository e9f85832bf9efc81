import Foundation
import Sandbox
import SandboxTesting
import Testing
import UsageClients

/// The shipped Zylo scenarios, each driven through ZyloClient.
@Suite("Zylo scenarios")
struct ZyloScenarioTests {
    static let covered = [
        "zylo-subscription-not-found", "zylo-empty-subscriptions", "zylo-bad-page-size", "zylo-import-upload-rejected",
        "zylo-page-token-stale", "zylo-small-pages", "zylo-export-takes-3-polls", "zylo-export-fails",
        "zylo-import-with-errors", "zylo-download-expired",
    ]

    @Test func subscriptionNotFound_is404WithTheMessage() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let id = try await zylo.firstSubscriptionID()
            try await sandbox.activateScenario("zylo-subscription-not-found")
            let error = try await #require(throws: UsageClientError.self) { _ = try await zylo.subscription(id: id) }
            #expect(error.kind == .http(status: 404))
            #expect(error.errorBody == ["statusCode": "404", "message": "Subscription not found"])
            #expect(error.requestID != nil)
        }
    }

    @Test func emptySubscriptions_endsPagingAtOnce() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("zylo-empty-subscriptions")
            #expect(try await ZyloClient.make(sandbox).subscriptions().zyloCollect().isEmpty)
            #expect(sandbox.answered(by: "zylo-empty-subscriptions").map(\.status) == [200])
        }
    }

    @Test(arguments: [
        ("zylo-bad-page-size", "pageSize"), ("zylo-import-upload-rejected", "CSV"),
    ])
    func documented400_reachesTheAppWithZylosMessage(scenario: String, word: String) async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let id = try await zylo.firstSubscriptionID()
            try await sandbox.activateScenario(scenario)
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await zylo.subscriptions().zyloCollect()
                _ = try await zylo.runImport(subscriptionID: id, rows: [.make()])
            }
            #expect(error.kind == .http(status: 400))
            #expect(error.errorBody?["statusCode"] == "400")
            #expect(error.errorBody?["message"]?.contains(word) == true)
        }
    }

    @Test func pageTokenStale_failsTheSecondPageWithTheRealInvalidTokenError() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("zylo-page-token-stale")
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await ZyloClient.make(sandbox).subscriptions(pageSize: 2).zyloCollect()
            }
            #expect(error.kind == .http(status: 400))
            #expect(error.errorBody?["message"]?.hasPrefix("pageToken is invalid") == true)
            #expect(sandbox.answered(by: "zylo-page-token-stale").map(\.status) == [400])
        }
    }

    @Test func smallPages_reachTheSameItemsInPagesOfTwo() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let all = try await zylo.subscriptions(pageSize: 50).zyloCollect().map(\.id)
            try await sandbox.activateScenario("zylo-small-pages")
            sandbox.sandbox.journal.clear()
            #expect(try await zylo.subscriptions(pageSize: 50).zyloCollect().map(\.id) == all)
            #expect(sandbox.journal().count == (all.count + 1) / 2)
        }
    }

    @Test func exportTakesThreePolls_completesOnTheFourthWhateverTheClock() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("zylo-export-takes-3-polls")
            let rows = try await ZyloClient.make(sandbox).runExport(
                pollInterval: .seconds(60), deadline: .seconds(3_600))
            #expect(!rows.isEmpty)
            let polls = sandbox.journal().filter { $0.method == "GET" && $0.path.contains("/exportJobs/") }
            #expect(polls.count == 4)
            #expect(
                sandbox.answered(by: "zylo-export-takes-3-polls").map(\.matchedScenario) == [
                    "zylo-export-takes-3-polls/hold", "zylo-export-takes-3-polls/hold",
                    "zylo-export-takes-3-polls/hold",
                    "zylo-export-takes-3-polls/release",
                ])
        }
    }

    @Test func exportFails_endsTheClientsPollWithJobFailed_notADecodingError() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("zylo-export-fails")
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await ZyloClient.make(sandbox).runExport()
            }
            #expect(error.kind == .jobFailed)
            #expect(error.message.contains("FAILED"))
        }
    }

    @Test func importFails_endsTheClientsPollWithJobFailed_notADecodingError() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let id = try await zylo.firstSubscriptionID()
            try await PostedScenario(
                name: "zylo-import-fails",
                rules: [
                    .init(
                        name: "fail", vendor: "zylo", path: "/v1/subscriptions/*/importJob/*", calls: .first(1),
                        job: "fail")
                ]
            ).activate(on: sandbox)
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await zylo.runImport(subscriptionID: id, rows: [.make()])
            }
            #expect(error.kind == .jobFailed && error.operation.hasPrefix("import job"))
        }
    }

    @Test func importWithErrors_reportsEveryRowRejected() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let id = try await zylo.firstSubscriptionID()
            try await sandbox.activateScenario("zylo-import-with-errors")
            let result = try await zylo.runImport(subscriptionID: id, rows: [.make(), .make(firstName: "Grace")])
            #expect(result.job.status == .completeWithErrors)
            #expect(result.errors.count == 2)
            #expect(result.errors.allSatisfy { $0.message.contains("rejected by a QA scenario") })
        }
    }

    @Test func downloadExpired_is403ForTheExportLink() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("zylo-download-expired")
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await ZyloClient.make(sandbox).runExport()
            }
            #expect(error.kind == .http(status: 403))
            #expect(error.errorBody?["message"] == "Download link has expired")
        }
    }
}
