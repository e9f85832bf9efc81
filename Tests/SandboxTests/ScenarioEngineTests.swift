import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import Sandbox

/// The scenario engine through the admin API and vendor routes: call windows, states, credentials, hit counts.
struct ScenarioEngineTests {
    static func add(_ h: Harness, _ rules: String, name: String = "qa") async throws {
        let document = #"{"name": "\#(name)", "description": "test", "rules": \#(rules)}"#
        let added = try await h.post("/__admin/scenarios", token: nil, json: document)
        #expect(added.status == .created, "\(added.text)")
    }

    static func statuses(_ h: Harness, _ count: Int, token: String = Harness.demoToken) async throws -> [Int] {
        var statuses: [Int] = []
        for _ in 0..<count {
            statuses.append(try await h.get("/zylo/v1/subscriptions?pageSize=1", token: token).status.code)
        }
        return statuses
    }

    @Test(arguments: [
        (#"{"nth": 2}"#, [200, 503, 200, 200]), (#"{"first": 2}"#, [503, 503, 200, 200]),
        (#"{"after": 2}"#, [200, 200, 503, 503]), (#""every""#, [503, 503, 503, 503]),
    ])
    func callWindow_firesOnTheCallsItNames(window: String, expected: [Int]) async throws {
        try await Harness.run { (h: Harness) async throws in
            try await Self.add(h, #"[{"name": "r", "calls": \#(window), "respond": {"status": 503}}]"#)
            _ = try await h.post("/__admin/scenarios/qa/activate", token: nil)
            #expect(try await Self.statuses(h, 4) == expected)
        }
    }

    @Test func states_chainRulesLikeWireMock() async throws {
        try await Harness.run { (h: Harness) async throws in
            try await Self.add(
                h,
                #"""
                [{"name": "fail", "whenState": "Started", "setState": "Failed", "respond": {"status": 500}},
                 {"name": "recover", "whenState": "Failed", "setState": "Recovered", "respond": {"status": 503}}]
                """#)
            _ = try await h.post("/__admin/scenarios/qa/activate", token: nil)
            #expect(try await Self.statuses(h, 3) == [500, 503, 200])
            let active = try await h.get("/__admin/scenarios/active", token: nil).json()
            let first = try #require((active["active"] as? [[String: Any]])?.first)
            #expect(first["state"] as? String == "Recovered")
            #expect((first["rules"] as? [[String: Any]])?.map { $0["hits"] as? Int } == [1, 1])
        }
    }

    @Test func credentialActivation_leavesOtherCredentialsAlone() async throws {
        try await Harness.run { (h: Harness) async throws in
            let other = try await h.mintZyloToken()
            _ = try await h.post(
                "/__admin/scenarios/bad-credentials/activate", token: nil,
                json: #"{"credential": "\#(DemoCredentials.zyloTokenID)"}"#)
            #expect(try await Self.statuses(h, 2) == [401, 401])
            #expect(try await Self.statuses(h, 2, token: other) == [200, 200])
            let stopped = try await h.post(
                "/__admin/scenarios/bad-credentials/deactivate", token: nil,
                json: #"{"credential": "\#(DemoCredentials.zyloTokenID)"}"#
            ).json()
            #expect(stopped["deactivated"] as? Int == 1)
            #expect(try await Self.statuses(h, 1) == [200])
        }
    }

    @Test func matching_readsQueryHeadersAndBody() async throws {
        try await Harness.run { (h: Harness) async throws in
            try await Self.add(
                h,
                #"""
                [{"name": "q", "match": {"vendor": "zylo", "query": {"pageSize": "7"}}, "respond": {"status": 418, "body": {"teapot": true}}},
                 {"name": "h", "match": {"headers": {"X-Test": "*"}}, "respond": {"status": 409}},
                 {"name": "b", "match": {"body": {"accessKey": "k-1"}}, "respond": {"status": 400, "message": "nope"}}]
                """#)
            _ = try await h.post("/__admin/scenarios/qa/activate", token: nil)
            let teapot = try await h.get("/zylo/v1/subscriptions?pageSize=7")
            #expect(teapot.status.code == 418 && teapot.text == #"{"teapot":true}"#)
            #expect(try await h.get("/zylo/v1/subscriptions?pageSize=8").status == .ok)
            let tagged = try await h.request(.get, "/zylo/v1/subscriptions", headers: [HTTPField.Name("X-Test")!: "1"])
            #expect(tagged.status == .conflict)
            let token = try await h.post(
                "/hyalto/accountManagement/auth/token", token: nil, json: #"{"accessKey": "k-1", "secretKey": "s"}"#)
            #expect(try token.json()["message"] as? String == "nope")
        }
    }

    @Test func journal_namesTheRuleThatAnswered() async throws {
        try await Harness.run { (h: Harness) async throws in
            _ = try await h.post("/__admin/scenarios/server-error-once/activate", token: nil)
            _ = try await Self.statuses(h, 2)
            let entries = h.sandbox.journal.recent(limit: 2)
            #expect(entries.map(\.matchedScenario) == [nil, "server-error-once/internal-error"])
            #expect(entries.map(\.status) == [200, 500])
        }
    }

    @Test func adminAPI_refusesABrokenDocumentAndAnUnknownScenario() async throws {
        try await Harness.run { (h: Harness) async throws in
            let broken = try await h.post(
                "/__admin/scenarios", token: nil, json: #"{"name": "x", "description": "d", "rules": [{"name": "r"}]}"#)
            #expect(broken.status == .badRequest)
            #expect(broken.text.contains("rules[0]"))
            let unknown = try await h.post("/__admin/scenarios/no-such-thing/activate", token: nil)
            #expect(unknown.status == .notFound)
            let badCredential = try await h.post(
                "/__admin/scenarios/bad-credentials/activate", token: nil, json: #"{"credential": "nobody"}"#)
            #expect(badCredential.status == .notFound)
        }
    }

    @Test func reset_restartsTheStartupScenariosAfresh() async throws {
        try await Harness.run(configure: { $0.activeScenarios = ["server-error-once"] }) { (h: Harness) async throws in
            #expect(try await Self.statuses(h, 2) == [500, 200])
            _ = try await h.post("/__admin/reset", token: nil)
            #expect(try await Self.statuses(h, 2) == [500, 200])
        }
    }

    @Test func listing_showsTheLibraryAndWhatIsActive() async throws {
        try await Harness.run { (h: Harness) async throws in
            _ = try await h.post("/__admin/scenarios/zylo-small-pages/activate", token: nil)
            let list = try await h.get("/__admin/scenarios", token: nil).json()
            let scenarios = try #require(list["scenarios"] as? [[String: Any]])
            let small = try #require(scenarios.first { $0["name"] as? String == "zylo-small-pages" })
            #expect(small["vendors"] as? [String] == ["zylo"])
            #expect((small["active"] as? [Any])?.count == 1)
            let shown = try await h.get("/__admin/scenarios/zylo-small-pages", token: nil).json()
            #expect((shown["document"] as? [String: Any])?["name"] as? String == "zylo-small-pages")
        }
    }
}
