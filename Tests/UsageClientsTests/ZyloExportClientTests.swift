import Foundation
import SandboxTesting
import Testing
import UsageClients

@Suite("ZyloClient export jobs")
struct ZyloExportClientTests {
    @Test func runExport_pollsUntilCompleteAndParsesTheCSV() async throws {
        try await TestSandbox.run { sandbox in
            let rows = try await ZyloClient.make(sandbox).runExport()
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0.firstName?.isEmpty == false && $0.lastName?.isEmpty == false })
            #expect(rows.contains { $0.licenseNames.count > 1 })
            #expect(Set(rows.compactMap(\.subscriptionId)).count == 120)
        }
    }

    @Test func runExport_ofOneSubscription_hasOnlyItsRows() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let subscription = try await zylo.firstSubscriptionID()
            let rows = try await zylo.runExport(subscriptionID: subscription, pollInterval: .seconds(5))
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0.subscriptionId == subscription })
        }
    }

    @Test func exportJob_isInProgressUntilTheClockMovesThenLinksItsFile() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let created = try await zylo.createExportJob()
            #expect(created.status == .inProgress)
            #expect(created.downloadUri == nil)
            sandbox.advanceClock(by: 3_600)
            let done = try await zylo.exportJob(id: created.id)
            #expect(done.status == .complete)
            #expect(try await zylo.downloadExport(done).count > 0)
        }
    }

    @Test func exportJobs_listsTheCreatedJobs() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let first = try await zylo.createExportJob()
            let second = try await zylo.createExportJob()
            let listed = try await zylo.exportJobs(pageSize: 1).zyloCollect()
            #expect(Set(listed.map(\.id)) == [first.id, second.id])
        }
    }

    @Test func downloadExport_ofAnUnfinishedJob_throwsWithoutARequest() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let job = try await zylo.createExportJob()
            let error = try await #require(throws: UsageClientError.self) { _ = try await zylo.downloadExport(job) }
            #expect(error.kind == .decoding)
        }
    }

    @Test func runExport_whoseWaitsDoNotSleep_stillStopsWhenTheWaitsReachTheDeadline() async throws {
        try await TestSandbox.run { sandbox in
            try await PostedScenario.zyloExportsNeverFinish.activate(on: sandbox)
            let zylo = ZyloClient(
                baseURL: sandbox.url(vendor: .zylo), tokenID: "zylo-demo-token", tokenSecret: "zylo-demo-secret",
                options: ClientOptions(deadline: .seconds(60), sleep: { _ in }))
            let error = try await #require(throws: UsageClientError.self) { _ = try await zylo.runExport() }
            #expect(error.kind == .deadlineExceeded)
            // Waits of 2, 4, 8 and 16 s fit in 60 s; the next, 32 s, would not.
            let polls = sandbox.journal().filter { $0.method == "GET" && $0.path.contains("/exportJobs/") }
            #expect(polls.count == 4)
        }
    }

    @Test func runExport_deadline_boundsTheWholeExportWhateverTheClientsDeadline() async throws {
        try await TestSandbox.run { sandbox in
            // The deadline's own error (not the cap's) shows the deadline ended the export. The time bound is loose:
            // with the whole suite running alongside on two cores, a call that ended at its deadline was seen to
            // return 12 s later. Without the deadline the export would poll until the cap.
            let deadline = Duration.seconds(4)
            try await PostedScenario.zyloExportsNeverFinish.activate(on: sandbox)
            let zylo = ZyloClient(
                baseURL: sandbox.url(vendor: .zylo), tokenID: "zylo-demo-token", tokenSecret: "zylo-demo-secret")
            let timed = await Timed.run(cap: deadline * 8) {
                try await zylo.runExport(pollInterval: .milliseconds(200), deadline: deadline)
            }
            #expect(timed.error?.kind == .deadlineExceeded)
            #expect(timed.elapsed < deadline * 6)
        }
    }
}
