import Foundation
import Testing
import UsageClients

/// What Hyalto's client sends and how leniently it reads answers, against scripted responses: the live vendor
/// documents little, so the client must not depend on the sandbox's choices.
struct HyaltoWireToleranceTests {
    static let base = URL(string: "https://hyalto.test") ?? URL(fileURLWithPath: "/")

    static func client(_ steps: [ScriptedTransport.Step], style: HyaltoClient.AuthorizationStyle = .bearer)
        -> (HyaltoClient, ScriptedTransport)
    {
        let transport = ScriptedTransport([.respond(200, body: #"{"accessToken":"jwt-1"}"#)] + steps)
        let options = ClientOptions(transport: transport, sleep: { _ in })
        return (
            HyaltoClient(baseURL: base, accessKey: "1.a", secretKey: "s", authorizationStyle: style, options: options),
            transport
        )
    }

    @Test func token_isAJSONKeyPair_andAMinimalAnswerIsEnough() async throws {
        let (hyalto, transport) = Self.client([.respond(200, body: "[]")], style: .bare)
        #expect(try await hyalto.accounts().isEmpty)
        let token = try #require(transport.requests.first)
        #expect(token.method == "POST" && token.url.path == "/accountManagement/auth/token")
        let body = try JSONSerialization.jsonObject(with: token.body ?? Data()) as? [String: String]
        #expect(body == ["accessKey": "1.a", "secretKey": "s"])
        #expect(transport.requests.last?.headers.first { $0.name == "Authorization" }?.value == "jwt-1")
    }

    @Test func accounts_acceptStringIDsNullsUnknownFieldsAndOddDates() async throws {
        let json = #"[{"id":"16401","companyName":null,"x":{}},{"id":7,"createdAt":"2021-01-01 00:00:00","type":3}]"#
        let (hyalto, _) = Self.client([.respond(200, body: json)])
        let accounts = try await hyalto.accounts()
        #expect(accounts.map(\.id) == [16401, 7] && accounts[0].companyName == nil && accounts[1].type == nil)
        #expect(accounts[1].createdAt == Date(timeIntervalSince1970: 1_609_459_200))
    }

    @Test func usageQueries_useTheDocumentedDateFormsInUTC() async throws {
        let (hyalto, transport) = Self.client([
            .respond(200, body: #"{"usage":[]}"#), .respond(200, body: #"{"services":[]}"#),
        ])
        let from = Date(timeIntervalSince1970: 1_531_483_200)  // 2018-07-13 12:00:00 UTC
        let report = try await hyalto.usageReport(serviceID: 5, from: from, to: from + 3_600)
        _ = try await hyalto.rawUsage(accountID: 4, serviceID: 5, start: from, end: from + 60)
        #expect(report.usage.isEmpty && report.serviceID == nil)
        let sent = transport.requests.dropFirst().map { URLComponents(url: $0.url, resolvingAgainstBaseURL: false) }
        #expect(sent.map { $0?.path } == ["/reports/usage/service/5", "/solutions/usage/account/4/raw"])
        #expect(
            sent.first??.queryItems?.map { "\($0.name)=\($0.value ?? "")" } == [
                "filter[from]=2018-07-13 12:00:00", "filter[to]=2018-07-13 13:00:00",
            ])
        #expect(
            sent.last??.queryItems?.map { "\($0.name)=\($0.value ?? "")" } == [
                "filter[Services_id]=5", "filter[startTime]=2018-07-13T12:00:00", "filter[endTime]=2018-07-13T12:01:00",
            ])
    }
}
