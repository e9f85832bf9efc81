import Foundation
import HTTPTypes
import Testing

@testable import Sandbox

@Suite("Admin API")
struct AdminAPITests {
    @Test func health_andCredentials_listTheDemoCredential() async throws {
        try await Harness.run { h in
            #expect(try await h.get("/__admin/health", token: nil).json()["status"] as? String == "ok")
            let list = try await h.get("/__admin/credentials", token: nil).json()["credentials"] as? [[String: Any]]
            let zylo = try #require(list?.first { $0["vendor"] as? String == "zylo" })
            let mason = try #require(list?.first { $0["vendor"] as? String == "mason" })
            #expect(mason["apiKey"] as? String == DemoCredentials.masonAPIKey)
            #expect(mason["scopes"] as? [String] == ["connect:read"])
            #expect(zylo["vendor"] as? String == "zylo")
            #expect(zylo["tokenId"] as? String == DemoCredentials.zyloTokenID)
            #expect(zylo["tokenSecret"] as? String == DemoCredentials.zyloTokenSecret)
        }
    }

    @Test func health_reportsTheVersionAndTheCommitBuilt() async throws {
        try await Harness.run { h in
            let health = try await h.get("/__admin/health", token: nil).json()
            #expect(health["version"] as? String == SandboxVersion.version)
            let commit = try #require(health["commit"] as? String)
            #expect(commit == "unknown" || (commit.count == 40 && commit.allSatisfy(\.isHexDigit)))
        }
    }

    @Test func mintCredential_explicitValuesWork_duplicatesConflict_badVendorsAre400() async throws {
        try await Harness.run { h in
            let body = #"{"vendor":"zylo","tokenId":"ci-token","tokenSecret":"ci-secret"}"#
            #expect(try await h.post("/__admin/credentials", token: nil, json: body).status == .created)
            #expect(try await h.get("/zylo/v1/subscriptions", token: "ci-token:ci-secret").status == .ok)
            #expect(try await h.post("/__admin/credentials", token: nil, json: body).status == .conflict)
            let unknown = try await h.post("/__admin/credentials", token: nil, json: #"{"vendor":"acme"}"#)
            #expect(unknown.status == .badRequest && unknown.text.contains("vendor"))
            let malformed = try await h.post("/__admin/credentials", token: nil, json: #"{"vendor":"#)
            #expect(malformed.status == .badRequest)
            let missing = try await h.post("/__admin/credentials", token: nil, json: #"{}"#)
            #expect(missing.status == .badRequest && missing.text.contains("vendor is required"))
        }
    }

    @Test func clock_advancesSetsFreezesAndRejectsAmbiguousBodies() async throws {
        try await Harness.run { h in
            let advanced = try await h.post("/__admin/clock", token: nil, json: #"{"advance":3600}"#).json()
            #expect(advanced["now"] as? String == "2024-01-01T01:00:00.000Z")
            let set = try await h.post("/__admin/clock", token: nil, json: #"{"set":"2030-05-01T00:00:00Z"}"#).json()
            #expect(set["now"] as? String == "2030-05-01T00:00:00.000Z")
            #expect(
                try await h.post("/__admin/clock", token: nil, json: #"{"real":true}"#).json()["mode"] as? String
                    == "real")
            #expect(
                try await h.post("/__admin/clock", token: nil, json: #"{"freeze":true}"#).json()["mode"] as? String
                    == "frozen")
            for bad in [#"{}"#, #"{"advance":1,"freeze":true}"#, #"{"set":"yesterday"}"#, #"{"advance":-5}"#] {
                #expect(try await h.post("/__admin/clock", token: nil, json: bad).status == .badRequest)
            }
        }
    }

    @Test func requestJournal_isNewestFirstWithSecretsRedacted() async throws {
        try await Harness.run { h in
            _ = try await h.get("/zylo/v1/subscriptions?pageSize=2")
            _ = try await h.get("/zylo/v1/subscriptions/nope")
            let response = try await h.get("/__admin/requests?limit=5", token: nil)
            #expect(!response.text.contains(DemoCredentials.zyloTokenSecret))
            let entries = try response.json()["requests"] as? [[String: Any]] ?? []
            #expect(entries.count == 2)
            #expect(entries.first?["status"] as? Int == 404)
            let headers = entries.first?["requestHeaders"] as? [String: String]
            #expect(headers?["authorization"] == "Bearer \(DemoCredentials.zyloTokenID):***")
        }
    }

    @Test func requestJournal_isBoundedInSize() async throws {
        try await Harness.run(configure: { $0.journalCapacity = 3 }) { h in
            for _ in 0..<5 { _ = try await h.get("/zylo/v1/subscriptions?pageSize=1") }
            let entries = try await h.get("/__admin/requests", token: nil).json()["requests"] as? [Any]
            #expect(entries?.count == 3)
        }
    }

    @Test func jobs_canBeInspectedAndForcedToComplete() async throws {
        try await Harness.run { h in
            let id = try await h.post("/zylo/v1/subscriptions/-/exportJobs").json()["id"] as? String ?? ""
            let listed = try await h.get("/__admin/jobs", token: nil).json()["jobs"] as? [[String: Any]]
            #expect(listed?.first?["id"] as? String == id)
            let forced = try await h.post("/__admin/jobs/\(id)", token: nil, json: #"{"status":"COMPLETE"}"#).json()
            #expect(forced["status"] as? String == "COMPLETE")
            #expect(try await h.get("/zylo/v1/subscriptions/-/exportJobs/\(id)").json()["downloadUri"] is String)
            #expect(
                try await h.post("/__admin/jobs/\(id)", token: nil, json: #"{"status":"LOST"}"#).status == .badRequest)
            #expect(try await h.get("/__admin/jobs/nope", token: nil).status == .notFound)
        }
    }

    @Test func reset_wipesJobsAndMintedCredentials_butKeepsTheDemoOnes() async throws {
        try await Harness.run { h in
            let minted = try await h.mintZyloToken()
            let id = try await h.post("/zylo/v1/subscriptions/-/exportJobs").json()["id"] as? String ?? ""
            #expect(try await h.post("/__admin/reset", token: nil).status == .ok)
            #expect(try await h.get("/zylo/v1/subscriptions/-/exportJobs/\(id)").status == .notFound)
            #expect(try await h.get("/zylo/v1/subscriptions", token: minted).status == .unauthorized)
            #expect(try await h.get("/zylo/v1/subscriptions").status == .ok)
        }
    }

    @Test func adminToken_protectsTheAdminAPIOnly() async throws {
        try await Harness.run(configure: { $0.adminToken = "let-me-in" }) { (h: Harness) async throws in
            #expect(try await h.get("/__admin/health", token: nil).status == .unauthorized)
            #expect(try await h.get("/__admin/health", token: "let-me-in").status == .ok)
            #expect(try await h.get("/zylo/v1/subscriptions").status == .ok)
        }
    }
}
