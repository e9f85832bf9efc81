import Foundation
import SandboxTesting
import Testing
import UsageClients

@Suite("MasonClient aggregate usage against the sandbox")
struct MasonAggregateClientTests {
    @Test func accountUsage_august_isOneRecordOfTheMonth() async throws {
        try await TestSandbox.run { sandbox in
            let rows = try await MasonClient.make(sandbox).accountUsage(month: .masonAugust(day: 17)).masonCollect()
            #expect(rows.count == 1)
            let usage = try #require(rows.first?.usage)
            #expect(usage.total > 0 && usage.total == usage.upload + usage.download)
            #expect(usage.unit == "bytes")
            #expect(usage.date?.hasPrefix("2020-08-01T00:00:00") == true)
        }
    }

    @Test func accountUsage_acceptsTheVendorsDateSpelling() async throws {
        try await TestSandbox.run { sandbox in
            let mason = MasonClient.make(sandbox)
            let spelled = try await mason.accountUsage(month: "2020-08-01T0:00:00-00:00").masonCollect()
            let typed = try await mason.accountUsage(month: Date.masonAugust()).masonCollect()
            #expect(spelled == typed)
        }
    }

    @Test func accountUsage_byMarker_groupsUnderMarkerValues() async throws {
        try await TestSandbox.run { sandbox in
            let rows = try await MasonClient.make(sandbox).accountUsage(month: .masonAugust(), marker: .deviceType)
                .masonCollect()
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0.marker?.marker == .deviceType && $0.sim == nil })
        }
    }

    @Test func simUsages_limit7_walksToTheSameRowsAsLimit1000() async throws {
        try await TestSandbox.run { sandbox in
            let mason = MasonClient.make(sandbox)
            let paged = try await mason.simUsages(month: .masonAugust(), limit: 7).masonCollect()
            let whole = try await mason.simUsages(month: .masonAugust(), limit: 1000).masonCollect()
            #expect(paged.count > 7)
            #expect(paged == whole)
        }
    }

    @Test(arguments: MasonOrderColumn.allCases)
    func simUsages_ascending_sortsByTheColumn(column: MasonOrderColumn) async throws {
        try await TestSandbox.run { sandbox in
            let rows = try await MasonClient.make(sandbox)
                .simUsages(month: .masonAugust(), orderBy: .ascending, orderByColumn: column, limit: 5).masonCollect()
            let values = rows.map { $0.usage.value(of: column) }
            #expect(values == values.sorted())
            #expect(rows.allSatisfy { $0.sim != nil })
        }
    }

    @Test func simUsage_answersOnlyThatSIM() async throws {
        try await TestSandbox.run { sandbox in
            let mason = MasonClient.make(sandbox)
            let rows = try await mason.simUsage(iccid: "iccid1", month: .masonAugust(), marker: .carrier).masonCollect()
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0.sim?.iccid == "iccid1" })
        }
    }
}
