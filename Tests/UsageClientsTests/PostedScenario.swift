import Foundation
import Sandbox
import SandboxTesting
import UsageClients

/// A scenario written in a test and posted through the sandbox's admin API, as QA would post one.
struct PostedScenario: Sendable {
    /// Which of a rule's matching calls it answers.
    enum Calls: Sendable {
        case every, first(Int), nth(Int)

        var json: Any {
            switch self {
            case .every: "every"
            case .first(let count): ["first": count]
            case .nth(let number): ["nth": number]
            }
        }
    }

    /// What a rule answers: a status with a JSON `body` or a `bodyText`, headers, and a delay before the answer
    /// (the vendor answers after the delay when there is no status).
    struct Respond: Sendable {
        var status: Int?
        var body: [String: String]?
        var bodyText: String?
        var headers: [String: String] = [:]
        var delayMs = 0

        var json: [String: Any] {
            var respond: [String: Any] = [:]
            if let status { respond["status"] = status }
            if let body { respond["body"] = body }
            if let bodyText { respond["bodyText"] = bodyText }
            if !headers.isEmpty { respond["headers"] = headers }
            if delayMs > 0 { respond["delayMs"] = delayMs }
            return respond
        }
    }

    /// One rule: `method path` of `vendor` (`path` below the vendor prefix), answered with `respond` or changed by
    /// the job effect `job`.
    struct Rule: Sendable {
        let name: String
        let vendor: String
        var method = "GET"
        let path: String
        var calls = Calls.every
        var respond: Respond?
        var job: String?

        var json: [String: Any] {
            var rule: [String: Any] = [
                "name": name, "match": ["vendor": vendor, "method": method, "path": path], "calls": calls.json,
            ]
            if let respond { rule["respond"] = respond.json }
            if let job { rule["effects"] = ["job": job] }
            return rule
        }
    }

    let name: String
    let rules: [Rule]

    /// Holds every Zylo export job `IN_PROGRESS`, whatever the clock says.
    static let zyloExportsNeverFinish = PostedScenario(
        name: "zylo-exports-never-finish",
        rules: [.init(name: "hold", vendor: "zylo", path: "/v1/subscriptions/*/exportJobs/*", job: "hold")])

    /// Posts the scenario to `sandbox` (`POST /__admin/scenarios`) and activates it for every credential.
    func activate(on sandbox: TestSandbox) async throws {
        let document: [String: Any] = [
            "name": name, "description": "posted by a UsageClients test", "rules": rules.map(\.json),
        ]
        try await Self.post(try JSONSerialization.data(withJSONObject: document), to: "/__admin/scenarios", sandbox)
        try await Self.post(Data(), to: "/__admin/scenarios/\(name)/activate", sandbox)
    }

    private static func post(_ body: Data, to path: String, _ sandbox: TestSandbox) async throws {
        let request = HTTPRequestData(
            method: "POST", url: sandbox.url(path), headers: [(name: "Content-Type", value: "application/json")],
            body: body)
        let response = try await AsyncHTTPClientTransport().send(request, timeout: .seconds(10))
        guard response.status == 201 else {
            throw PostedScenarioFailure.refused(path, response.status, String(decoding: response.body, as: UTF8.self))
        }
    }
}

enum PostedScenarioFailure: Error {
    case refused(String, Int, String)
}

extension ScenarioProbe {
    /// The path (below the vendor prefix) of the data call ``call(_:options:)`` makes.
    var dataPath: String {
        switch self {
        case .zylo: "/v1/subscriptions"
        case .mason: "/beta/default/data/aggregate/usage"
        case .hyalto: "/accountManagement/accounts"
        case .usageEngine: "/usage-metering/v1/meter-types"
        }
    }

    /// The token path (below the vendor prefix), for the vendors whose clients fetch one.
    var tokenPath: String? {
        switch self {
        case .zylo, .mason: nil
        case .hyalto: HyaltoClient.tokenPath
        case .usageEngine: UsageEngineClient.tokenPath
        }
    }

    /// The vendor's name in scenario documents.
    var scenarioVendor: String { vendor.rawValue }
}
