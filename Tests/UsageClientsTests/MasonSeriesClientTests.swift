import Foundation
import SandboxTesting
import Testing
import UsageClients

@Suite("MasonClient time series against the sandbox")
struct MasonSeriesClientTests {
    @Test func accountSeries_answersDaysFromStartUpToEnd() async throws {
        try await TestSandbox.run { sandbox in
            let days = try await MasonClient.make(sandbox).accountSeries(
                start: .masonAugust(), end: .masonAugust(day: 5))
            #expect(!days.isEmpty && days.count <= 4)
            #expect(days.allSatisfy { $0.day >= "2020-08-01" && $0.day < "2020-08-05" })
            #expect(days.allSatisfy { $0.total == $0.upload + $0.download && $0.unit == "bytes" })
        }
    }

    @Test func simSeries_isPartOfTheAccountSeries() async throws {
        try await TestSandbox.run { sandbox in
            let mason = MasonClient.make(sandbox)
            let sim = try await mason.simSeries(iccid: "iccid1", start: .masonAugust(), end: .masonAugust(day: 8))
            let account = try await mason.accountSeries(start: .masonAugust(), end: .masonAugust(day: 8))
            #expect(!sim.isEmpty)
            #expect(sim.reduce(0) { $0 + $1.total } <= account.reduce(0) { $0 + $1.total })
        }
    }

    @Test func accountSeries_filteredByMarkerValue_isNoMoreThanTheWhole() async throws {
        try await TestSandbox.run { sandbox in
            let mason = MasonClient.make(sandbox)
            let value = try #require(
                try await mason.accountUsage(month: .masonAugust(), marker: .deviceType).masonCollect().first?.marker?
                    .value)
            let marked = try await mason.accountSeries(
                start: .masonAugust(), end: .masonAugust(day: 8), marker: .deviceType, markerValue: value)
            let whole = try await mason.accountSeries(start: .masonAugust(), end: .masonAugust(day: 8))
            #expect(marked.reduce(0) { $0 + $1.total } <= whole.reduce(0) { $0 + $1.total })
        }
    }
}
