import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import UsageJSON

@testable import Sandbox

/// Hostile and broken requests: each gets the vendor's own error status and envelope, never a 500.
struct BadInputTests {
    /// One bad request and the statuses the vendor's rules allow for it.
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let method: HTTPRequest.Method
        let path: String
        var auth: Auth = .valid
        var contentType: String?
        var body: [UInt8]?
        let statuses: Set<Int>

        enum Auth: Sendable { case none, valid }

        var description: String { name }
        var vendor: Vendor? { Vendor(path: path) }
    }

    static let invalidUTF8: [UInt8] = [0x7B, 0x22, 0x61, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]
    static let deepJSON = Array(String(repeating: "[", count: 5_000).utf8)
    static let sql = "x'%20OR%201=1;--%20DROP%20TABLE%20credential"
    static let traversal = "..%2F..%2F..%2Fetc%2Fpasswd"

    static let cases: [Case] = [
        Case(name: "zylo traversal id", method: .get, path: "/zylo/v1/subscriptions/\(traversal)", statuses: [404]),
        Case(name: "zylo sql id", method: .get, path: "/zylo/v1/subscriptions/\(sql)", statuses: [404]),
        Case(
            name: "zylo absurd pageSize", method: .get, path: "/zylo/v1/subscriptions?pageSize=99999999999999999999999",
            statuses: [400]),
        Case(
            name: "zylo sql pageToken", method: .get, path: "/zylo/v1/subscriptions?pageToken=\(sql)", statuses: [400]),
        Case(
            name: "zylo export of sql id", method: .post, path: "/zylo/v1/subscriptions/\(sql)/exportJobs",
            statuses: [404]),
        Case(
            name: "zylo truncated multipart", method: .post,
            path: "/zylo/v1/usageconnect/00000000-0000-4000-8000-000000000001/import",
            contentType: "multipart/form-data; boundary=abc", body: Array("--abc\r\nContent-Disposition: form-da".utf8),
            statuses: [400]),
        Case(
            name: "zylo invalid UTF-8 CSV", method: .post,
            path: "/zylo/v1/usageconnect/00000000-0000-4000-8000-000000000001/import",
            contentType: "text/csv", body: invalidUTF8, statuses: [400]),
        Case(
            name: "mason absurd date", method: .get,
            path: "/mason/beta/default/data/aggregate/usage?date=9999-99-99T99:99:99Z", statuses: [400]),
        Case(
            name: "mason year 0", method: .get,
            path: "/mason/beta/default/data/aggregate/usage?date=0000-01-01T00:00:00Z", statuses: [200, 400]),
        Case(
            name: "mason absurd limit", method: .get,
            path: "/mason/beta/default/data/aggregate/usage/sim?date=2020-08-01T00:00:00Z&limit=1e309", statuses: [400]),
        Case(
            name: "mason traversal fleet", method: .get,
            path: "/mason/beta/\(traversal)/data/aggregate/usage?date=2020-08-01T00:00:00Z", statuses: [404]),
        Case(
            name: "mason sql iccid", method: .get,
            path: "/mason/beta/default/data/aggregate/usage/sim/\(sql)?date=2020-08-01T00:00:00Z", statuses: [404]),
        Case(
            name: "mason forged page key", method: .get,
            path: "/mason/beta/default/data/aggregate/usage/sim?date=2020-08-01T00:00:00Z&after=\(sql)", statuses: [400]
        ),
        Case(
            name: "hyalto truncated JSON", method: .post, path: "/hyalto/accountManagement/auth/token", auth: .none,
            contentType: "application/json", body: Array(#"{"accessKey": "190."#.utf8), statuses: [400]),
        Case(
            name: "hyalto invalid UTF-8", method: .post, path: "/hyalto/accountManagement/auth/token", auth: .none,
            contentType: "application/json", body: invalidUTF8, statuses: [400]),
        Case(
            name: "hyalto deep JSON", method: .post, path: "/hyalto/accountManagement/auth/token", auth: .none,
            contentType: "application/json", body: deepJSON, statuses: [400]),
        Case(
            name: "hyalto form body", method: .post, path: "/hyalto/accountManagement/auth/token", auth: .none,
            contentType: "application/x-www-form-urlencoded", body: Array("accessKey=a&secretKey=b".utf8),
            statuses: [400]),
        Case(
            name: "usage-engine truncated JSON token", method: .post,
            path: "/usage-engine/authentication/v1/oauth/token",
            auth: .none, contentType: "application/json", body: Array(#"{"grant_type": "client_"#.utf8), statuses: [400]
        ),
        Case(
            name: "usage-engine wrong content type", method: .post, path: "/usage-engine/authentication/v1/oauth/token",
            auth: .none, contentType: "image/png", body: [0x89, 0x50, 0x4E, 0x47], statuses: [400]),
        Case(
            name: "usage-engine deep JSON token", method: .post, path: "/usage-engine/authentication/v1/oauth/token",
            auth: .none, contentType: "application/json", body: deepJSON, statuses: [400]),
        Case(
            name: "usage-engine traversal meter", method: .get,
            path: "/usage-engine/usage-metering/v1/meters/\(traversal)", auth: .none, statuses: [401]),
        Case(name: "unknown vendor path", method: .get, path: "/zylo/v1/\(traversal)", statuses: [404]),
    ]

    @Test(arguments: cases)
    func badRequest_getsTheVendorsErrorNeverA500(_ bad: Case) async throws {
        try await Harness.run { (h: Harness) async throws in
            var headers: HTTPFields = [:]
            if let contentType = bad.contentType { headers[.contentType] = contentType }
            if bad.auth == .valid {
                switch bad.vendor {
                case .zylo: headers[.authorization] = "Bearer \(Harness.demoToken)"
                case .mason: headers[.authorization] = "basic \(DemoCredentials.masonAPIKey)"
                default: break
                }
            }
            let response = try await h.request(
                bad.method, bad.path, token: nil, headers: headers, body: bad.body.map { ByteBuffer(bytes: $0) })
            #expect(
                bad.statuses.contains(Int(response.status.code)), "\(bad.name): \(response.status) \(response.text)")
            let body = try #require(JSONValue.parse(Data(response.body.readableBytesView)), "\(response.text)")
            let envelopeKey: String =
                switch bad.vendor {
                case .zylo: "statusCode"
                case .mason: "type"
                case .hyalto: "status"
                case .usageEngine: "error"
                case nil: "error"
                }
            if response.status.code >= 400 {
                #expect(body.value(at: envelopeKey) != nil, "\(bad.name): \(response.text)")
            }
        }
    }

    @Test func everyAnswer_staysOutOfThe5xxRange_forGarbageOnEveryRoute() async throws {
        let paths = [
            "/zylo/v1/subscriptions/%00", "/zylo/v1/subscriptions/-/importJob/%ZZ", "/mason/beta/%FF/data/series/usage",
            "/hyalto/reports/usage/service/%2e%2e", "/usage-engine/usage-metering/v1/meter-types/%00%01",
            "/__admin/jobs/%00", "/__admin/scenarios/%2e%2e/activate",
        ]
        try await Harness.run { (h: Harness) async throws in
            for path in paths {
                for method in [HTTPRequest.Method.get, .post, .put, .delete] {
                    let response = try await h.request(method, path, body: ByteBuffer(bytes: Self.invalidUTF8))
                    #expect(response.status.code < 500, "\(method) \(path): \(response.status) \(response.text)")
                }
            }
        }
    }
}
