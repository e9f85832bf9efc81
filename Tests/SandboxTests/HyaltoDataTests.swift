import Foundation
import Testing

@testable import Sandbox

@Suite("Hyalto accounts, services and usage")
struct HyaltoDataTests {
    /// The 2018 public PowerShell script's calls, unchanged: trailing slashes, the bare token, %3A in times.
    @Test func thePublicPowerShellScriptsFlow_works() async throws {
        try await Harness.run { h in
            let token = try await h.hyaltoToken()
            let users = try JSONSerialization.jsonObject(
                with: Data(
                    try await h.hyalto("accountManagement/accounts/", authorization: token).body.readableBytesView))
            let user = try #require((users as? [[String: Any]])?.first)
            #expect(user["companyName"] is String)
            let id = user["id"] as? Int ?? 0
            let services =
                try JSONSerialization.jsonObject(
                    with: Data(
                        try await h.hyalto("serviceOfferings/accounts/\(id)/services/", authorization: token).body
                            .readableBytesView))
                as? [[String: Any]] ?? []
            let vdc = try #require(
                services.first { ($0["metaData"] as? [String: Any])?["type"] as? String == "allocationVDC" })
            let raw = try await h.hyalto(
                "solutions/usage/account/\(id)/raw?filter[Services_id]=\(vdc["id"] as? Int ?? 0)"
                    + "&filter[startTime]=2018-07-03T14%3A00%3A00&filter[endTime]=2018-07-05T14%3A00%3A00",
                authorization: token
            ).json()
            let properties = ((raw["services"] as? [[String: Any]])?.first?["properties"] as? [String: Any]) ?? [:]
            for name in ["ram", "compute"] {
                let changes = (properties[name] as? [String: Any])?["changes"] as? [[String: Any]] ?? []
                #expect(!changes.isEmpty)
                #expect(
                    changes.allSatisfy {
                        $0["timestamp"] is String && $0["value"] is Double && $0["unit_size"] is String
                    })
            }
        }
    }

    @Test(arguments: [
        "filter[from]=2018-07-13 12:00:00&filter[to]=2018-07-14 12:00:00",
        "filter%5Bfrom%5D=2018-07-13+12:00:00&filter%5Bto%5D=2018-07-14%2012:00:00",
        "filter[from]=2018-07-13T12%3A00%3A00&filter[to]=2018-07-14T12%3A00%3A00",
    ])
    func usageReport_acceptsTheDocumentedDateFormsAndBrackets(query: String) async throws {
        try await Harness.run { h in
            let token = try await h.hyaltoToken()
            let report = try await h.hyalto(
                "reports/usage/service/1640101?\(query.replacingOccurrences(of: " ", with: "%20"))",
                authorization: token
            ).json()
            #expect(report["from"] as? String == "2018-07-13 12:00:00" && report["hours"] as? Double == 24)
            let lines = report["usage"] as? [[String: Any]] ?? []
            #expect(lines.map { $0["property"] as? String } == ["ram", "compute"])
            #expect(lines.allSatisfy { ($0["quantity"] as? Double ?? 0) == ($0["average"] as? Double ?? -1) * 24 })
            #expect(lines.allSatisfy { ($0["quantity"] as? Double ?? 0) > 0 })
        }
    }

    @Test func usageReport_coversTheLastYear() async throws {
        try await Harness.run { h in
            let token = try await h.hyaltoToken()
            let report = try await h.hyalto(
                "reports/usage/service/1640101?filter[from]=2023-06-01%2000:00:00&filter[to]=2023-07-01%2000:00:00",
                authorization: token
            ).json()
            #expect((report["usage"] as? [[String: Any]])?.first?["quantity"] as? Double ?? 0 > 0)
        }
    }

    @Test(arguments: [
        ("filter[to]=2018-07-14%2012:00:00", "filter[from]"),
        ("filter[from]=2018-07-13&filter[to]=yesterday", "filter[to]"),
        ("filter[from]=2018-07-14&filter[to]=2018-07-13", "before"),
        ("filter[from]=2018-02-30&filter[to]=2018-03-02", "filter[from]"),
    ])
    func usageReport_badDatesAre400NamingTheFilter(query: String, expected: String) async throws {
        try await Harness.run { h in
            let response = try await h.hyalto(
                "reports/usage/service/1640101?\(query)", authorization: try await h.hyaltoToken())
            #expect(response.status == .badRequest)
            #expect(response.text.contains(expected))
        }
    }

    @Test func anotherTenantsAccountsAndServices_are404() async throws {
        try await Harness.run { h in
            _ = try await h.post(
                "/__admin/credentials", token: nil,
                json:
                    #"{"vendor":"hyalto","accessKey":"7.other","secretKey":"s","accountId":"777","label":"Other Co."}"#)
            let token =
                try await h.post(
                    "/hyalto/accountManagement/auth/token", token: nil,
                    json: #"{"accessKey":"7.other","secretKey":"s"}"#
                ).json()["accessToken"] as? String ?? ""
            #expect(jwtParts(token).claims["companyName"] as? String == "Other Co.")
            #expect(
                try await h.hyalto("serviceOfferings/accounts/16401/services/", authorization: token).status
                    == .notFound)
            #expect(
                try await h.hyalto(
                    "reports/usage/service/1640101?filter[from]=2018-07-13&filter[to]=2018-07-14", authorization: token
                ).status == .notFound)
            let own = try await h.hyalto("serviceOfferings/accounts/77701/services/", authorization: token)
            #expect(own.status == .ok)
        }
    }

    @Test func unknownHyaltoPaths_areNotEmulated404s() async throws {
        try await Harness.run { h in
            let response = try await h.hyalto("accountManagement/users", authorization: try await h.hyaltoToken())
            #expect(response.status == .notFound && response.headers[.sandboxNotEmulated] == "true")
        }
    }
}
