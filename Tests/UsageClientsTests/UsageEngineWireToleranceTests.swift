import Foundation
import Testing
import UsageClients

/// What Usage Engine's client sends and how leniently it reads answers, against scripted responses: the vendor's
/// metering shapes are known only from examples, so the client must not depend on the sandbox's choices.
struct UsageEngineWireToleranceTests {
    static let base = URL(string: "https://engine.test") ?? URL(fileURLWithPath: "/")

    static func client(_ steps: [ScriptedTransport.Step]) -> (UsageEngineClient, ScriptedTransport) {
        let transport = ScriptedTransport([.respond(200, body: #"{"access_token":"jwt-1"}"#)] + steps)
        let options = ClientOptions(transport: transport, sleep: { _ in })
        return (UsageEngineClient(baseURL: base, clientID: "c", clientSecret: "s&=", options: options), transport)
    }

    @Test func meterTypes_toleratePartialAndMistypedFields() async throws {
        let json = #"""
            {"meterTypes":[{"id":"t1","name":"Print","aggregation":"sum","resetSchedule":{"day":1,"hour":"0"},
            "activeFrom":"2023-07-26T09:00:15.690+00:00","numberOfMeters":"many","new":[1]}]}
            """#
        let (engine, transport) = Self.client([.respond(200, body: json)])
        let type = try #require(try await engine.meterTypes(name: "Print").first)
        #expect(type.aggregation == nil && type.numberOfMeters == nil && type.unit == nil)
        #expect(type.resetSchedule == UsageEngineMeterResetSchedule(day: "1", hour: "0"))
        #expect(type.activeFrom == Date(timeIntervalSince1970: 1_690_362_015.690))
        #expect(transport.requests.last?.url.query == "name=Print")
    }

    @Test func createBodies_useTheWireNamesAndLeaveOutUnsetFields() async throws {
        let (engine, transport) = Self.client([
            .respond(201, body: #"{"id":"t1","name":"Print"}"#), .respond(201, body: #"{"id":"m1"}"#),
        ])
        var type = UsageEngineNewMeterType(name: "Print", aggregation: .sum)
        type.activeFrom = Date(timeIntervalSince1970: 1_704_067_200)
        _ = try await engine.createMeterType(type)
        let meter = try await engine.createMeter(UsageEngineNewMeter(userID: "101", meterKey: "k", meterTypeID: "t1"))
        #expect(meter.customFields.isEmpty && meter.userID == nil)
        let bodies = transport.requests.dropFirst().map { String(decoding: $0.body ?? Data(), as: UTF8.self) }
        #expect(bodies.first?.contains(#""activeFrom":"2024-01-01T00:00:00.000Z""#) == true)
        #expect(bodies.first?.contains("unit") == false)
        let meterBody = try JSONSerialization.jsonObject(with: Data((bodies.last ?? "").utf8)) as? [String: String]
        #expect(meterBody == ["userId": "101", "meterKey": "k", "meterTypeId": "t1"])
    }

    @Test func tokenRequest_formEncodesEveryCredential() async throws {
        let (engine, transport) = Self.client([.respond(204)])
        try await engine.deleteMeter(id: "a/b")
        let token = String(decoding: transport.requests.first?.body ?? Data(), as: UTF8.self)
        #expect(token.contains("client_id=c&client_secret=s%26%3D&audience=https%3A%2F%2Fapi.digitalroute.io%2F"))
        #expect(transport.requests.last?.url.path(percentEncoded: true) == "/usage-metering/v1/meters/a%2Fb")
    }
}
