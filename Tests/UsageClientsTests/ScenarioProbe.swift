import Foundation
import Sandbox
import SandboxTesting
import Synchronization
import UsageClients

/// One representative call per vendor, made by the real client, for the scenario tests.
enum ScenarioProbe: String, CaseIterable, Sendable, CustomStringConvertible {
    case zylo, mason, hyalto, usageEngine

    var description: String { rawValue }

    var vendor: Vendor {
        switch self {
        case .zylo: .zylo
        case .mason: .mason
        case .hyalto: .hyalto
        case .usageEngine: .usageEngine
        }
    }

    /// Makes the call with `options`; returns how many items it read.
    @discardableResult
    func call(_ sandbox: TestSandbox, options: ClientOptions) async throws -> Int {
        switch self {
        case .zylo:
            let client = ZyloClient(
                baseURL: sandbox.url(vendor: .zylo), tokenID: DemoCredentials.zyloTokenID,
                tokenSecret: DemoCredentials.zyloTokenSecret, options: options)
            return try await client.subscriptions(pageSize: 5).scenarioCollect(limit: 5).count
        case .mason:
            let client = MasonClient(
                baseURL: sandbox.url(vendor: .mason), apiKey: DemoCredentials.masonAPIKey, options: options)
            return try await client.accountUsage(month: .masonAugust()).scenarioCollect(limit: 5).count
        case .hyalto:
            let client = HyaltoClient(
                baseURL: sandbox.url(vendor: .hyalto), accessKey: DemoCredentials.hyaltoAccessKey,
                secretKey: DemoCredentials.hyaltoSecretKey, options: options)
            return try await client.accounts().count
        case .usageEngine:
            let client = UsageEngineClient(
                baseURL: sandbox.url(vendor: .usageEngine), clientID: DemoCredentials.usageEngineClientID,
                clientSecret: DemoCredentials.usageEngineClientSecret, audience: DemoCredentials.usageEngineAudience,
                options: options)
            return try await client.meterTypes().count
        }
    }
}

/// Client options for scenario tests: waits advance the sandbox's virtual clock and are recorded.
final class RecordedWaits: Sendable {
    private let waits = Mutex<[Duration]>([])

    var all: [Duration] { waits.withLock { $0 } }

    private func record(_ duration: Duration) {
        waits.withLock { $0.append(duration) }
    }

    func options(
        _ sandbox: TestSandbox, attempts: Int = 4, timeout: Duration = .seconds(10)
    ) -> ClientOptions {
        ClientOptions(
            requestTimeout: timeout, retry: RetryPolicy(maxAttempts: attempts, baseDelay: .milliseconds(1))
        ) { [self] duration in
            record(duration)
            sandbox.advanceClock(
                by: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        }
    }
}

extension AsyncSequence where Self: Sendable, Element: Sendable {
    /// At most `limit` elements, in order.
    func scenarioCollect(limit: Int) async throws -> [Element] {
        var all: [Element] = []
        for try await element in self {
            all.append(element)
            if all.count == limit { break }
        }
        return all
    }
}

extension TestSandbox {
    /// The journal's entries the scenario `name` answered, oldest first.
    func answered(by name: String) -> [RequestJournal.Entry] {
        journal().reversed().filter { $0.matchedScenario?.hasPrefix(name + "/") == true }
    }
}
