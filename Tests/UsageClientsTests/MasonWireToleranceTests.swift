import Foundation
import Testing

@testable import UsageClients

@Suite("MasonClient tolerates the live vendor's documented variations")
struct MasonWireToleranceTests {
    static func client(_ steps: [ScriptedTransport.Step]) -> (MasonClient, ScriptedTransport) {
        let transport = ScriptedTransport(steps)
        let options = ClientOptions(transport: transport, sleep: { _ in })
        return (MasonClient(baseURL: RequestExecutor.testBase, apiKey: "k3y", options: options), transport)
    }

    static let row =
        #"{"sim":{"iccid":"iccid1"},"usage":{"total":3,"unit":"bytes","upload":1,"date":"2020-08-01T00:00:00Z","download":2}}"#

    @Test(arguments: [#""nextPage":"","prevPage":"","#, #""nextPage":null,"#, ""])
    func lastPageSignal_emptyNullOrMissing_endsTheListing(keys: String) async throws {
        let (mason, transport) = Self.client([.respond(200, body: "{\(keys)\"data\":[\(Self.row)]}")])
        let rows = try await mason.simUsages(month: "2020-08-01T00:00:00Z").masonCollect()
        #expect(rows.map(\.usage.total) == [3])
        #expect(transport.requests.count == 1)
    }

    @Test func aggregate_sendsTheRawKeyAndAnRFC3339Date_andFollowsAfter() async throws {
        let (mason, transport) = Self.client([
            .respond(200, body: #"{"nextPage":"K1","data":[\#(Self.row)]}"#), .respond(200, body: #"{"data":[]}"#),
        ])
        _ = try await mason.accountUsage(month: Date(timeIntervalSince1970: 1_596_240_000), marker: .mncMcc)
            .masonCollect()
        let first = try #require(transport.requests.first)
        #expect(first.headers.first { $0.name == "Authorization" }?.value == "basic k3y")
        #expect(first.url.query == "date=2020-08-01T00%3A00%3A00Z&marker=mnc-mcc")
        #expect(transport.requests.last?.url.query?.hasSuffix("&after=K1") == true)
    }

    @Test func series_readsDayRowsAndTheSIMPath() async throws {
        let body = #"{"data":[{"day":"2020-08-01T00:00:00Z","download":2,"total":3,"upload":1}]}"#
        let (mason, transport) = Self.client([.respond(200, body: body)])
        let start = Date(timeIntervalSince1970: 1_596_240_000)
        let days = try await mason.simSeries(iccid: "iccid1", start: start, end: start.addingTimeInterval(86_400))
        #expect(days.map(\.unit) == ["bytes"] && days.first?.day == "2020-08-01T00:00:00Z")
        #expect(transport.requests.first?.url.path == "/beta/default/data/series/usage/sim/iccid1")
    }
}
