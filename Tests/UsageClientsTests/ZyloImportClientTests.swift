import Foundation
import SandboxTesting
import Testing
import UsageClients

@Suite("ZyloClient import jobs")
struct ZyloImportClientTests {
    @Test func runImport_validRows_completesAndShowsUpInTheNextExport() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let rows = [
                ZyloImportRow.make(), .make(firstName: "Grace", lastName: "Hopper, \"Amazing\"", isPaidUser: false),
            ]
            let subscription = try await zylo.firstSubscriptionID()
            let result = try await zylo.runImport(subscriptionID: subscription, rows: rows)
            #expect(result.job.status == .complete && result.errors.isEmpty && result.succeeded)
            let exported = try await zylo.runExport(subscriptionID: subscription)
            let grace = try #require(exported.first { $0.firstName == "Grace" })
            #expect(grace.lastName == "Hopper, \"Amazing\"" && grace.licenseNames == ["Pro", "Admin"])
            #expect(grace.isPaidUser == false)
        }
    }

    @Test func runImport_badRows_returnsAnErrorPerRejectedRow() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let rows: [ZyloImportRow] = [
                .make(), .make(lastActivityDate: "yesterday"), .make(), .make(daysActiveOfLast30: 45),
            ]
            let result = try await zylo.runImport(subscriptionID: try await zylo.firstSubscriptionID(), rows: rows)
            #expect(result.job.status == .completeWithErrors)
            #expect(result.errors.map(\.rowNumber) == [3, 5])
            #expect(result.errors.allSatisfy { !$0.message.isEmpty && $0.lastName == "Lovelace" })
        }
    }

    @Test func runImport_csvFile_importsItsRows() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let csv =
                "firstName,lastName,lastActivityDate,daysActiveOfLast30,licenseNames,isPaidUser\n"
                + "Alan,Turing,2023-12-01,3,\"Pro,Viewer\",false\n"
            let result = try await zylo.runImport(
                subscriptionID: try await zylo.firstSubscriptionID(), csv: Data(csv.utf8))
            #expect(result.succeeded)
        }
    }

    @Test func importJob_isOpenUntilUploadedAndListed() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let subscription = try await zylo.firstSubscriptionID()
            let created = try await zylo.createImportJob(subscriptionID: subscription)
            #expect(created.status == .open)
            #expect(created.subscriptionId == subscription)
            #expect(try await zylo.importJob(subscriptionID: subscription, id: created.id).status == .open)
            #expect(try await zylo.importJobs(subscriptionID: subscription).zyloCollect().map(\.id) == [created.id])
        }
    }

    @Test func uploadImportFile_startsProcessingTheJob() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            let subscription = try await zylo.firstSubscriptionID()
            let created = try await zylo.createImportJob(subscriptionID: subscription)
            let csv = Data(
                ("firstName,lastName,lastActivityDate,daysActiveOfLast30,licenseNames,isPaidUser\r\n"
                    + "Ada,Lovelace,2023-12-20,12,Pro,true\r\n").utf8)
            let uploaded = try await zylo.uploadImportFile(subscriptionID: subscription, jobID: created.id, csv: csv)
            #expect(uploaded.id == created.id)
            #expect(uploaded.status != .open)
        }
    }

    @Test func createUsageConnectImport_acceptsTheFile() async throws {
        try await TestSandbox.run { sandbox in
            let csv =
                "firstName,lastName,lastActivityDate,daysActiveOfLast30,licenseNames,isPaidUser\n"
                + "Ada,Lovelace,2023-12-20,12,Pro,true\n"
            let connection = "5d530427-6ca5-44dd-86eb-e0fa33c8e649"
            let job = try await ZyloClient.make(sandbox).createUsageConnectImport(
                connectionID: connection, csv: Data(csv.utf8))
            #expect(!job.id.isEmpty)
            #expect(job.name?.contains(connection) == true)
        }
    }
}
