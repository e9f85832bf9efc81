import Foundation
import Sandbox
import SandboxTesting
import Testing
import UsageClients

/// A 200 answer without the documented list is an error, never an empty or short result (issue 21, class 1).
@Suite("No silently short results")
struct ShortResultScenarioTests {
    static let gateway = PostedScenario.Respond(status: 200, body: ["message": "upstream is being upgraded"])

    @Test(arguments: ScenarioProbe.allCases)
    func firstPageWithoutItsList_isADecodingError_notAnEmptyAccount(probe: ScenarioProbe) async throws {
        try await TestSandbox.run { sandbox in
            try await PostedScenario(
                name: "gateway-message",
                rules: [
                    .init(name: "gateway", vendor: probe.scenarioVendor, path: probe.dataPath, respond: Self.gateway)
                ]
            ).activate(on: sandbox)
            let error = try await #require(throws: UsageClientError.self) {
                try await probe.call(sandbox, options: RecordedWaits().options(sandbox))
            }
            #expect(error.kind == .decoding)
            #expect(sandbox.answered(by: "gateway-message").map(\.status) == [200])
        }
    }

    @Test func zyloSecondPageWithoutItsList_failsTheListing_notAListingOf50() async throws {
        try await TestSandbox.run { sandbox in
            let zylo = ZyloClient.make(sandbox)
            #expect(try await zylo.subscriptions().zyloCollect().count == 120)
            try await PostedScenario(
                name: "zylo-gateway-page-2",
                rules: [
                    .init(
                        name: "gateway", vendor: "zylo", path: "/v1/subscriptions", calls: .nth(2),
                        respond: Self.gateway)
                ]
            ).activate(on: sandbox)
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await zylo.subscriptions().zyloCollect()
            }
            #expect(error.kind == .decoding && error.operation == "GET /v1/subscriptions")
        }
    }

    @Test func masonSecondPageWithoutData_failsTheListing_notAShortOne() async throws {
        try await TestSandbox.run { sandbox in
            let mason = MasonClient.make(sandbox)
            let all = try await mason.simUsages(month: .masonAugust(), limit: 2).masonCollect()
            #expect(all.count > 2)
            try await PostedScenario(
                name: "mason-gateway-page-2",
                rules: [
                    .init(
                        name: "gateway", vendor: "mason", path: "/beta/default/data/aggregate/usage/sim",
                        calls: .nth(2),
                        respond: Self.gateway)
                ]
            ).activate(on: sandbox)
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await mason.simUsages(month: .masonAugust(), limit: 2).masonCollect()
            }
            #expect(error.kind == .decoding)
        }
    }

    @Test func masonSeriesWithoutData_isADecodingError_notAnEmptySeries() async throws {
        try await TestSandbox.run { sandbox in
            try await PostedScenario(
                name: "mason-gateway-series",
                rules: [
                    .init(
                        name: "gateway", vendor: "mason", path: "/beta/default/data/series/usage", respond: Self.gateway
                    )
                ]
            ).activate(on: sandbox)
            let error = try await #require(throws: UsageClientError.self) {
                let start = Date.masonAugust()
                _ = try await MasonClient.make(sandbox).accountSeries(start: start, end: .masonAugust(day: 8))
            }
            #expect(error.kind == .decoding)
        }
    }

    @Test(arguments: ["/reports/usage/service/*", "/solutions/usage/account/*/raw"])
    func hyaltoUsageWithoutItsList_isADecodingError_notNoUsage(path: String) async throws {
        try await TestSandbox.run { sandbox in
            try await PostedScenario(
                name: "hyalto-gateway-usage",
                rules: [.init(name: "gateway", vendor: "hyalto", path: path, respond: Self.gateway)]
            ).activate(on: sandbox)
            let hyalto = HyaltoClient.make(sandbox)
            let (from, to) = (try Date.hyalto("2018-07-13T12:00:00Z"), try Date.hyalto("2018-07-14T12:00:00Z"))
            let error = try await #require(throws: UsageClientError.self) {
                if path.hasPrefix("/reports") {
                    _ = try await hyalto.usageReport(serviceID: HyaltoDemo.vdcID, from: from, to: to)
                } else {
                    _ = try await hyalto.rawUsage(accountID: HyaltoDemo.customerID, start: from, end: to)
                }
            }
            #expect(error.kind == .decoding)
        }
    }

    @Test func usageEngineMetersWithoutTheirList_isADecodingError() async throws {
        try await TestSandbox.run { sandbox in
            try await PostedScenario(
                name: "usage-engine-gateway-meters",
                rules: [
                    .init(
                        name: "gateway", vendor: "usage-engine", path: "/usage-metering/v1/meters",
                        respond: Self.gateway)
                ]
            ).activate(on: sandbox)
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await UsageEngineClient.make(sandbox).meters()
            }
            #expect(error.kind == .decoding)
        }
    }

    @Test func exportFileWithoutAHeaderRow_isADecodingError_notAnExportWithoutRows() async throws {
        try await TestSandbox.run { sandbox in
            try await PostedScenario(
                name: "zylo-blank-export",
                rules: [
                    .init(
                        name: "blank", vendor: "zylo", path: "/__sandbox/downloads/*",
                        respond: .init(status: 200, bodyText: "\r\n"))
                ]
            ).activate(on: sandbox)
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await ZyloClient.make(sandbox).runExport()
            }
            #expect(error.kind == .decoding && error.message.contains("empty"))
        }
    }

    @Test func exportFileWithOnlyItsHeaderRow_isAnExportWithoutRows() async throws {
        try await TestSandbox.run { sandbox in
            try await PostedScenario(
                name: "zylo-header-only-export",
                rules: [
                    .init(
                        name: "header", vendor: "zylo", path: "/__sandbox/downloads/*",
                        respond: .init(status: 200, bodyText: "firstName,lastName,subscriptionId\r\n"))
                ]
            ).activate(on: sandbox)
            #expect(try await ZyloClient.make(sandbox).runExport().isEmpty)
        }
    }
}
