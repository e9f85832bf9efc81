import Foundation
import Sandbox
import SandboxTesting
import Testing
import UsageClients

/// The shipped Mason, Hyalto and Usage Engine scenarios, each driven through the vendor's client.
@Suite("Mason, Hyalto and Usage Engine scenarios")
struct VendorScenarioTests {
    static let covered = [
        "mason-missing-scope", "mason-bad-date", "mason-unknown-fleet", "mason-empty-usage", "mason-small-pages",
        "hyalto-bad-keys", "hyalto-token-expires", "hyalto-bad-dates", "hyalto-unknown-account",
        "hyalto-empty-accounts", "usage-engine-invalid-client", "usage-engine-token-rate-limited",
        "usage-engine-missing-scope", "usage-engine-meter-not-found", "usage-engine-bad-request",
        "usage-engine-empty-meters", "usage-engine-meter-full",
    ]

    @Test(arguments: [
        ("mason-missing-scope", 403, "permission_error"), ("mason-bad-date", 400, "invalid_request_error"),
        ("mason-unknown-fleet", 404, "not_found_error"),
    ])
    func masonError_reachesTheAppInMasonsEnvelope(scenario: String, status: Int, type: String) async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario(scenario)
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await MasonClient.make(sandbox).accountUsage(month: .masonAugust()).masonCollect()
            }
            #expect(error.kind == .http(status: status))
            #expect(error.errorBody?["type"] == type)
            #expect(error.errorBody?["message"]?.isEmpty == false)
        }
    }

    @Test func masonEmptyUsage_isAnEmptySequence() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("mason-empty-usage")
            #expect(try await MasonClient.make(sandbox).simUsages(month: .masonAugust()).masonCollect().isEmpty)
        }
    }

    @Test func masonSmallPages_reachTheSameSIMsInPagesOfTwo() async throws {
        try await TestSandbox.run { sandbox in
            let mason = MasonClient.make(sandbox)
            let all = try await mason.simUsages(month: .masonAugust(), limit: 50).masonCollect().map { $0.sim?.iccid }
            try await sandbox.activateScenario("mason-small-pages")
            sandbox.sandbox.journal.clear()
            #expect(
                try await mason.simUsages(month: .masonAugust(), limit: 50).masonCollect().map { $0.sim?.iccid } == all)
            #expect(sandbox.journal().count == (all.count + 1) / 2)
        }
    }

    @Test func hyaltoBadKeys_failsTheTokenExchangeWith401() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("hyalto-bad-keys")
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await HyaltoClient.make(sandbox).accounts()
            }
            #expect(error.kind == .http(status: 401))
            #expect(error.errorBody?["message"] == "accessKey or secretKey is invalid")
        }
    }

    @Test func hyaltoTokenExpires_isReplacedTransparently() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("hyalto-token-expires")
            let transport = PathCountingTransport()
            let hyalto = HyaltoClient.make(sandbox, transport: transport)
            _ = try await hyalto.accounts()
            _ = try await hyalto.services(accountID: HyaltoDemo.customerID)
            #expect(transport.count(HyaltoClient.tokenPath) == 2)
            #expect(sandbox.answered(by: "hyalto-token-expires").map(\.status) == [401])
        }
    }

    @Test(arguments: [("hyalto-bad-dates", 400, "filter[from]"), ("hyalto-unknown-account", 404, "account")])
    func hyaltoError_reachesTheApp(scenario: String, status: Int, word: String) async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario(scenario)
            let hyalto = HyaltoClient.make(sandbox)
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await hyalto.services(accountID: HyaltoDemo.customerID)
                _ = try await hyalto.usageReport(
                    serviceID: HyaltoDemo.vdcID, from: Date.hyalto("2018-07-13T12:00:00Z"),
                    to: Date.hyalto("2018-07-14T12:00:00Z"))
            }
            #expect(error.kind == .http(status: status))
            #expect(error.errorBody?["message"]?.contains(word) == true)
        }
    }

    @Test func hyaltoEmptyAccounts_isAnEmptyList() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("hyalto-empty-accounts")
            #expect(try await HyaltoClient.make(sandbox).accounts().isEmpty)
        }
    }

    @Test func usageEngineInvalidClient_isTheOAuthError() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("usage-engine-invalid-client")
            let error = try await #require(throws: UsageClientError.self) {
                _ = try await UsageEngineClient.make(sandbox).meters()
            }
            #expect(error.kind == .http(status: 401))
            #expect(error.errorBody?["error"] == "invalid_client")
        }
    }

    @Test func usageEngineTokenRateLimited_isRetriedAfterRetryAfter() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("usage-engine-token-rate-limited")
            let waits = RecordedWaits()
            _ = try await UsageEngineClient.make(sandbox, options: waits.options(sandbox)).meters()
            #expect(waits.all == [.seconds(1)])
            #expect(sandbox.answered(by: "usage-engine-token-rate-limited").map(\.status) == [429])
        }
    }

    @Test(arguments: [
        ("usage-engine-missing-scope", 403, "forbidden"), ("usage-engine-meter-not-found", 404, "not_found"),
        ("usage-engine-bad-request", 400, "bad_request"),
    ])
    func usageEngineError_reachesTheAppInTheMeteringEnvelope(scenario: String, status: Int, code: String)
        async throws
    {
        try await TestSandbox.run { sandbox in
            let client = UsageEngineClient.make(sandbox)
            let type = try await client.makeMeterType()
            let meter = try await client.createMeter(
                UsageEngineNewMeter(userID: "u-1", meterKey: "k1", meterTypeID: type.id))
            try await sandbox.activateScenario(scenario)
            let error = try await #require(throws: UsageClientError.self) {
                switch scenario {
                case "usage-engine-meter-not-found": _ = try await client.meter(id: meter.id)
                case "usage-engine-bad-request":
                    _ = try await client.createMeter(
                        UsageEngineNewMeter(userID: "u-1", meterKey: "k2", meterTypeID: type.id))
                default: _ = try await client.meters()
                }
            }
            #expect(error.kind == .http(status: status))
            #expect(error.errorBody?["error"] == code)
            #expect(sandbox.answered(by: scenario).map(\.status) == [status])
        }
    }

    @Test func usageEngineMeterFull_readsAtCapacityWithItsThresholdReached() async throws {
        try await TestSandbox.run { sandbox in
            let engine = UsageEngineClient.make(sandbox)
            let type = try await engine.makeMeterType()
            let meter = try await engine.createMeter(
                UsageEngineNewMeter(
                    userID: "101", meterKey: "printer-7", meterTypeID: type.id, capacity: 500,
                    thresholds: [UsageEngineThreshold(name: "full", capacityPercentage: 100)]))
            try await sandbox.activateScenario("usage-engine-meter-full")
            let full = try await engine.meter(id: meter.id)
            #expect(full.value == 500 && full.thresholds.first?.reachedAt != nil)
        }
    }

    @Test func usageEngineEmptyMeters_isAnEmptyList() async throws {
        try await TestSandbox.run { sandbox in
            try await sandbox.activateScenario("usage-engine-empty-meters")
            #expect(try await UsageEngineClient.make(sandbox).meters().isEmpty)
        }
    }
}

/// Every shipped scenario has a test above that activates it and drives a real client through it.
@Test func everyShippedScenario_hasAClientTest() throws {
    let tested = Set(
        GenericScenarioTests.covered + FaultScenarioTests.covered + ZyloScenarioTests.covered
            + VendorScenarioTests.covered)
    let shipped = Set(try ScenarioLibrary.builtIn().map(\.name))
    #expect(shipped.subtracting(tested).sorted() == [])
    #expect(tested.subtracting(shipped).sorted() == [])
}
