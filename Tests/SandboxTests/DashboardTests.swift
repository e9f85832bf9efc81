import Foundation
import HTTPTypes
import SandboxDashboard
import Synchronization
import Testing

@testable import Sandbox

/// The QA dashboard's files and the admin endpoints added for it (`rates`, `stats`, journal credentials, scenario
/// problems by field); the page itself is driven in headless Chromium by `scripts/dashboard-test.py`.
@Suite("Dashboard")
struct DashboardTests {
    @Test(arguments: ["/__admin/ui", "/__admin/ui/", "/__admin/ui/app.js", "/__admin/ui/app.css"])
    func dashboardFiles_areServedWithoutTheToken_underAStrictPolicy(path: String) async throws {
        try await Harness.run(configure: { $0.adminToken = "let-me-in" }) { (h: Harness) async throws in
            let response = try await h.get(path, token: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.contentSecurityPolicy] == AdminAPI.dashboardPolicy)
            #expect(AdminAPI.dashboardPolicy.contains("script-src 'self';"))
            #expect(!AdminAPI.dashboardPolicy.contains("unsafe"))
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            #expect(
                response.headers[.contentType]?.hasPrefix(path.hasSuffix(".js") ? "text/javascript" : "text/") == true)
        }
    }

    @Test func dashboardPage_loadsOnlyItsOwnFiles_andDataStillNeedsTheToken() async throws {
        try await Harness.run(configure: { $0.adminToken = "let-me-in" }) { (h: Harness) async throws in
            let page = try await h.get("/__admin/ui", token: nil).text
            #expect(page.contains(#"<script src="/__admin/ui/app.js" defer></script>"#))
            #expect(!page.contains("<script>") && !page.contains(#"src="http"#) && !page.contains(#"href="http"#))
            #expect(try await h.get("/__admin/requests", token: nil).status == .unauthorized)
            #expect(try await h.get("/__admin/rates", token: nil).status == .unauthorized)
            #expect(try await h.get("/__admin/stats", token: "let-me-in").status == .ok)
            #expect(try await h.get("/__admin/ui/../requests", token: nil).status == .unauthorized)
            #expect(try await h.get("/__admin/ui/nope.js", token: nil).status == .notFound)
        }
    }

    @Test func dashboardScript_neverParsesDataAsHTML() throws {
        let script = try #require(SandboxDashboard.file(named: "app.js"))
        let text = String(decoding: script.data, as: UTF8.self)
        for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
            #expect(!text.contains(sink), "app.js uses \(sink)")
        }
    }

    @Test func rates_countEachVendorsRequestsByStatusClass() async throws {
        try await Harness.run { h in
            #expect(try await h.get("/zylo/v1/subscriptions").status == .ok)
            #expect(try await h.get("/zylo/v1/subscriptions", token: "wrong:token").status == .unauthorized)
            #expect(try await h.get("/zylo/v1/subscriptions", token: "wrong:token").status == .unauthorized)
            let rates = try await h.get("/__admin/rates?seconds=60", token: nil).json()
            let series = try #require(rates["series"] as? [[String: Any]])
            func total(_ statusClass: String) -> Int {
                let match = series.first {
                    $0["vendor"] as? String == "zylo" && $0["statusClass"] as? String == statusClass
                }
                return (match?["counts"] as? [Int])?.reduce(0, +) ?? 0
            }
            #expect(total("2xx") == 1 && total("4xx") == 2)
            #expect((series.first?["counts"] as? [Int])?.count == 60)
        }
    }

    @Test(arguments: ["0", "601", "-1", "abc", "1.5", ""])
    func rates_refuseABadWindow_namingSeconds(seconds: String) async throws {
        try await Harness.run { h in
            let response = try await h.get("/__admin/rates?seconds=\(seconds)", token: nil)
            #expect(response.status == .badRequest && response.text.contains("seconds"))
        }
    }

    @Test func rates_areForgottenOnReset_andStayBounded() async throws {
        try await Harness.run { h in
            _ = try await h.get("/mason/v1/nothing-here")
            #expect(h.sandbox.rates.count == 1)
            #expect(try await h.post("/__admin/reset", token: nil).status == .ok)
            #expect(h.sandbox.rates.count == 0)
            let series = try await h.get("/__admin/rates", token: nil).json()["series"] as? [Any]
            #expect(series?.isEmpty == true)
        }
        let clock = Seconds()
        let rates = RequestRates(now: { clock.value.withLock { $0 } })
        for second in 0..<2_000 {
            clock.value.withLock { $0 = second }
            rates.record(vendor: .zylo, status: 200)
        }
        #expect(rates.count == RequestRates.window)
        #expect(rates.series(seconds: 10).series.first?.counts == Array(repeating: 1, count: 10))
    }

    @Test func stats_reportUptimeStoreJournalAndMemory() async throws {
        try await Harness.run { h in
            _ = try await h.get("/zylo/v1/subscriptions")
            let stats = try await h.get("/__admin/stats", token: nil).json()
            #expect((stats["uptimeSeconds"] as? Double ?? -1) >= 0)
            #expect(stats["emulatedVendors"] as? [String] == ["hyalto", "usage-engine", "zylo", "mason"])
            let store = try #require(stats["store"] as? [String: Any])
            #expect(store["kind"] as? String == "memory" && (store["bytes"] as? Int ?? 0) > 0)
            #expect((stats["journal"] as? [String: Any])?["entries"] as? Int == 1)
            let memory = try #require(stats["memory"] as? [[String: Any]])
            #expect(memory.contains { $0["name"] as? String == "RequestRates" })
        }
    }

    @Test func journal_namesTheCredentialOfEachRequest_withoutItsSecret() async throws {
        try await Harness.run { h in
            let body = #"{"vendor":"zylo","tokenId":"qa-alice","tokenSecret":"alice-secret","label":"Alice"}"#
            let alice = try await h.post("/__admin/credentials", token: nil, json: body).json()
            _ = try await h.get("/zylo/v1/subscriptions", token: "qa-alice:alice-secret")
            _ = try await h.get("/zylo/v1/subscriptions", token: "nobody:nothing")
            let page = try await h.get("/__admin/requests", token: nil)
            let entries = try #require(page.json()["requests"] as? [[String: Any]])
            #expect(entries.first?["credential"] == nil)
            #expect(entries.last?["credential"] as? String == alice["id"] as? String)
            #expect(entries.last?["credentialLabel"] as? String == "Alice")
            #expect(!page.text.contains("alice-secret"))
        }
    }

    /// `credential=` (an id or a key) pages through one credential's requests, found across the whole journal.
    @Test func journal_filtersByCredential() async throws {
        try await Harness.run { h in
            let body = #"{"vendor":"zylo","tokenId":"qa-alice","tokenSecret":"alice-secret"}"#
            let alice = try #require(try await h.post("/__admin/credentials", token: nil, json: body).json()["id"])
            for round in 0..<3 {
                _ = try await h.get("/zylo/v1/subscriptions?pageSize=\(round + 1)", token: "qa-alice:alice-secret")
                for _ in 0..<10 { _ = try await h.get("/zylo/v1/subscriptions") }
            }
            func queries(_ query: String) async throws -> [String] {
                let page = try await h.get("/__admin/requests?\(query)", token: nil).json()
                return (page["requests"] as? [[String: Any]] ?? []).compactMap { $0["query"] as? String }
            }
            #expect(try await queries("credential=\(alice)&limit=2") == ["pageSize=3", "pageSize=2"])
            #expect(try await queries("credential=qa-alice") == ["pageSize=3", "pageSize=2", "pageSize=1"])
            #expect(try await queries("credential=qa-alice&vendor=mason").isEmpty)
            let unknown = try await h.get("/__admin/requests?credential=nobody", token: nil)
            #expect(unknown.status == .badRequest && unknown.text.contains("credential"))
        }
    }

    @Test func scenarioUpload_refusal_namesEachBrokenField() async throws {
        try await Harness.run { h in
            let document = #"{"name":"broken","rules":[{"name":"r","respond":{"status":"teapot"}}]}"#
            let response = try await h.post("/__admin/scenarios", token: nil, json: document)
            #expect(response.status == .badRequest)
            let error = try #require(response.json()["error"] as? [String: Any])
            let problems = try #require(error["problems"] as? [[String: Any]])
            #expect(problems.contains { $0["field"] as? String == "rules[0].respond.status" })
            #expect((error["message"] as? String)?.contains("rules[0].respond.status") == true)
        }
    }
}

/// A settable wall clock for ``RequestRates``.
private final class Seconds: Sendable {
    let value = Mutex(0)
}
