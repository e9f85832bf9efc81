import Foundation
import HTTPTypes
import Testing

@testable import Sandbox

/// Meters as the vendor models them: the vendor's example stream, periods on the virtual clock, usage, thresholds
/// and resets.
@Suite("Usage Engine meter model")
struct UsageEngineMeterModelTests {
    /// DigitalRoute's public example stream `printing-as-a-service-with-metering`, call for call: the meter type
    /// "Pay-Per-Print", five meters with one `meterKey` for users 101 to 105, the list by key and type, the purge.
    @Test func vendorsPrintingExampleStream_runsUnchanged() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let type = """
                {"name":"Pay-Per-Print","description":"This product charges customers based on total number of prints \
                taken on a printer.","unit":"sheets","category":"Printing","aggregation":{"type":"sum"},\
                "resetSchedule":{"day":"1","hour":"0","minute":"0","month":"*","weekday":"*"},"timezone":"Etc/UTC",\
                "capacity":10000,"thresholds":[{"name":"EMAIL_MAINTENANCE","capacityPercentage":90,\
                "customFields":{"action":"EMAIL_MAINTENANCE"}},{"name":"DEACTIVATE_PRINTER","absoluteValue":10000,\
                "customFields":{"action":"DEACTIVATE_PRINTER"}}]}
                """
            #expect(try await h.ue(.post, "/meter-types", token: token, json: type).status == .created)
            let types = try await h.ue(.get, "/meter-types?name=Pay-Per-Print", token: token).json()
            let typeId = try #require((types["meterTypes"] as? [[String: Any]])?.first?["id"] as? String)
            let key = "dd11e0a0-1381-11ef-9a8f-cdc91c56d42c"
            for (user, model) in [
                ("101", "MPS-Plus"), ("102", "MPS-Super"), ("103", "MPS-Plus"), ("104", "MPS-Ultra"),
                ("105", "MPS-Super"),
            ] {
                let meter = """
                    {"userId":"\(user)","meterKey":"\(key)","meterTypeId":"\(typeId)","customFields":{"brand":"Acme",\
                    "type":"Ink","model":"\(model)","customer":"Guz Inc","department":"Research"}}
                    """
                let created = try await h.ue(.post, "/meters", token: token, json: meter)
                #expect(created.status == .created, "\(created.text)")
                #expect(try created.json()["capacity"] as? Double == 10_000)
            }
            let list = try await h.ue(.get, "/meters?meterKey=\(key)&meterTypeId=\(typeId)", token: token).json()
            let meters = try #require(list["meters"] as? [[String: Any]])
            #expect(meters.compactMap { $0["userId"] as? String } == ["101", "102", "103", "104", "105"])
            for meter in meters {
                let id = meter["id"] as? String ?? ""
                #expect(try await h.ue(.delete, "/meters/\(id)", token: token).status == .noContent)
            }
            let after = try await h.ue(.get, "/meters?meterKey=\(key)&meterTypeId=\(typeId)", token: token).json()
            #expect((after["meters"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test func usageCrossingThresholds_stampsEachOnceOnTheVirtualClock() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let id = try await Self.meter(h, token: token, extra: #","capacity":100"#)
            let start = try await Self.use(h, id, 40)
            #expect(Self.reached(start["thresholds"]) == [nil, nil])
            h.advanceClock(by: 60)
            let half = try await Self.use(h, id, 20, groups: #"{"Genres":"Comedy"}"#)
            #expect(half["value"] as? Double == 60)
            #expect(Self.reached(half["thresholds"]) == ["2024-01-01T00:01:00.000Z", nil])
            h.advanceClock(by: 60)
            let over = try await Self.use(h, id, 100, groups: #"{"Genres":"Comedy"}"#)
            #expect(Self.reached(over["thresholds"]) == ["2024-01-01T00:01:00.000Z", "2024-01-01T00:02:00.000Z"])
            let breakdown = (over["groupBreakdowns"] as? [[String: Any]])?.first
            #expect(breakdown?["name"] as? String == "Genres")
            let group = (breakdown?["groups"] as? [[String: Any]])?.first
            #expect(group?["key"] as? String == "Genres:Comedy" && group?["value"] as? Double == 120)
        }
    }

    @Test func passingPeriodEnd_startsANewPeriodAtZero() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let id = try await Self.meter(h, token: token, extra: #","capacity":100"#)
            _ = try await Self.use(h, id, 80, groups: #"{"Genres":"Drama"}"#)
            h.advanceClock(by: 40 * 86_400)
            let response = try await h.ue(.get, "/meters/\(id)", token: try await h.ueToken())
            let meter = try response.json()
            #expect(response.status == .ok, "\(response.text)")
            #expect(meter["value"] as? Double == 0)
            #expect(meter["periodStart"] as? String == "2024-02-01T00:00:00.000Z")
            #expect(meter["periodEnd"] as? String == "2024-03-01T00:00:00.000Z")
            #expect((meter["groupBreakdowns"] as? [Any])?.isEmpty == true)
            #expect(Self.reached(meter["thresholds"]) == [nil, nil])
        }
    }

    @Test func deleteOnResetMeter_isGoneAfterItsPeriod() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let id = try await Self.meter(h, token: token, extra: #","deleteOnReset":true,"capacity":100"#)
            h.advanceClock(by: 31 * 86_400)
            #expect(try await h.ue(.get, "/meters/\(id)", token: try await h.ueToken()).status == .notFound)
        }
    }

    @Test func meterInBerlin_endsItsPeriodAtBerlinMidnight() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let id = try await Self.meter(h, token: token, extra: #","timezone":"Europe/Berlin""#)
            let meter = try await h.ue(.get, "/meters/\(id)", token: token).json()
            #expect(meter["periodEnd"] as? String == "2024-01-31T23:00:00.000Z")
            #expect(meter["timezone"] as? String == "Europe/Berlin")
        }
    }

    @Test func meterFullScenario_fillsTheMeterToItsCapacity() async throws {
        try await Harness.run { (h: Harness) async throws in
            let token = try await h.ueToken()
            let id = try await Self.meter(h, token: token, extra: #","capacity":100"#)
            #expect(
                try await h.post("/__admin/scenarios/usage-engine-meter-full/activate", token: nil).status == .created)
            let meter = try await h.ue(.get, "/meters/\(id)", token: token).json()
            #expect(meter["value"] as? Double == 100)
            #expect(Self.reached(meter["thresholds"]) == ["2024-01-01T00:00:00.000Z", nil])
        }
    }

    @Test(arguments: [
        (#"{"amount":"x"}"#, 400), (#"{"amount":1e300}"#, 400), (#"{"groups":{"a":1}}"#, 400), ("{}", 200),
    ])
    func usageRoute_checksItsBody(body: String, status: Int) async throws {
        try await Harness.run { (h: Harness) async throws in
            let id = try await Self.meter(h, token: try await h.ueToken(), extra: "")
            let response = try await h.post("/__admin/usage-engine/meters/\(id)/usage", token: nil, json: body)
            #expect(response.status.code == status, "\(response.text)")
        }
    }

    // MARK: Helpers

    /// A meter of a new type with capacity-relative and absolute thresholds (50% and 150), monthly in UTC.
    static func meter(_ h: Harness, token: String, extra: String) async throws -> String {
        let type = try await h.ue(.post, "/meter-types", token: token, json: #"{"name":"Streaming","unit":"credits"}"#)
        let typeId = try type.json()["id"] as? String ?? ""
        let thresholds =
            extra.contains("capacity")
            ? #","thresholds":[{"name":"half","capacityPercentage":50,"customFields":{"n":1}},{"name":"over","absoluteValue":150}]"#
            : ""
        let body =
            #"{"userId":"gumby@cartoons.edu","meterKey":"k","meterTypeId":"\#(typeId)""# + extra + thresholds + "}"
        let created = try await h.ue(.post, "/meters", token: token, json: body)
        #expect(created.status == .created, "\(created.text)")
        return try created.json()["id"] as? String ?? ""
    }

    static func use(_ h: Harness, _ id: String, _ amount: Double, groups: String = "{}") async throws -> [String: Any] {
        try await h.post(
            "/__admin/usage-engine/meters/\(id)/usage", token: nil, json: #"{"amount":\#(amount),"groups":\#(groups)}"#
        )
        .json()
    }

    static func reached(_ thresholds: Any?) -> [String?] {
        (thresholds as? [[String: Any]] ?? []).map { $0["reachedAt"] as? String }
    }
}

/// The reset schedule read as cron, across daylight-saving changes.
@Suite("Usage Engine reset schedules")
struct UsageEngineScheduleTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin") ?? .gmt

    @Test(arguments: [
        // Monthly at Berlin midnight, across the March and October changes.
        ("1", "0", "0", "*", "*", "2025-03-01T00:30:00Z", "2025-03-31T22:00:00.000Z"),
        ("1", "0", "0", "*", "*", "2025-10-01T00:30:00Z", "2025-10-31T23:00:00.000Z"),
        ("1", "0", "0", "*", "*", "2025-11-10T14:16:12Z", "2025-11-30T23:00:00.000Z"),
        // Every fourth month: January, May, September.
        ("1", "0", "0", "*/4", "*", "2025-01-15T00:00:00Z", "2025-04-30T22:00:00.000Z"),
        // Mondays at 06:00 Berlin; lists and ranges; the last day of the month.
        ("*", "6", "0", "*", "1", "2024-01-01T05:00:00Z", "2024-01-08T05:00:00.000Z"),
        ("*", "6", "0", "*", "MON-FRI", "2024-01-05T06:00:00Z", "2024-01-08T05:00:00.000Z"),
        ("1,15", "0", "0", "*", "*", "2024-01-02T00:00:00Z", "2024-01-14T23:00:00.000Z"),
        ("L", "23", "59", "*", "*", "2024-02-10T00:00:00Z", "2024-02-29T22:59:00.000Z"),
        // A local time the March change skips (02:30 on 30 March 2025) moves forward by the gap.
        ("30", "2", "30", "3", "*", "2025-03-01T00:00:00Z", "2025-03-30T01:30:00.000Z"),
    ])
    func nextReset_isExactInBerlin(
        day: String, hour: String, minute: String, month: String, weekday: String, after: String, expected: String
    ) throws {
        let schedule = try UsageEngineSchedule(day: day, hour: hour, minute: minute, month: month, weekday: weekday)
        let next = schedule.next(after: try #require(SandboxTime.parse(after)), in: Self.berlin)
        #expect(next.map(SandboxTime.format) == expected)
    }

    @Test func previousReset_isTheLastAtOrBefore() throws {
        let schedule = try UsageEngineSchedule(day: "1", hour: "0", minute: "0", month: "*", weekday: "*")
        let now = try #require(SandboxTime.parse("2025-04-15T12:00:00Z"))
        #expect(
            schedule.previous(atOrBefore: now, in: Self.berlin).map(SandboxTime.format) == "2025-03-31T22:00:00.000Z")
    }

    @Test(arguments: ["32", "0", "*/0", "5-1", "x", "", "1/2/3"])
    func badDayField_isRefused(value: String) {
        #expect(throws: UsageEngineSchedule.Invalid.self) {
            try UsageEngineSchedule(day: value, hour: "0", minute: "0", month: "*", weekday: "*")
        }
    }

    @Test func impossibleSchedule_hasNoNextReset() throws {
        let schedule = try UsageEngineSchedule(day: "31", hour: "0", minute: "0", month: "2", weekday: "*")
        #expect(schedule.next(after: Date(timeIntervalSince1970: 0), in: Self.berlin) == nil)
    }
}

/// The last fidelity gaps of issue 15: HEAD, the OpenAPI `servers` entry, repeated query parameters.
@Suite("HTTP semantics shared by every vendor")
struct SharedHTTPSemanticsTests {
    @Test(arguments: [
        "/zylo/v1/subscriptions?pageSize=2", "/mason/beta/default/data/aggregate/usage?date=2020-08-01T00:00:00Z",
        "/zylo/openapi.json",
    ])
    func head_answersLikeGetWithoutTheBody(path: String) async throws {
        try await Harness.run { h in
            let key = "Bearer \(DemoCredentials.masonAPIKey)"
            let token: String? = path.hasPrefix("/mason") ? nil : Harness.demoToken
            let headers: HTTPFields =
                token == nil ? [.authorization: key.replacingOccurrences(of: "Bearer", with: "basic")] : [:]
            let get = try await h.request(.get, path, token: token, headers: headers)
            let head = try await h.request(.head, path, token: token, headers: headers)
            #expect(get.status == .ok && head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(head.headers[.contentType] == get.headers[.contentType])
        }
    }

    @Test func openAPIServers_nameTheAddressTheSandboxListensOn() async throws {
        let server = try SandboxProcess(arguments: ["--db", ":memory:"])
        defer { server.stop(signal: SIGKILL) }
        for vendor in ["zylo", "mason", "hyalto", "usage-engine"] {
            let document = try await server.send("GET", "/\(vendor)/openapi.json").json
            let servers = document["servers"] as? [[String: Any]]
            #expect(servers?.first?["url"] as? String == "http://127.0.0.1:\(server.port)/\(vendor)")
        }
    }

    @Test(arguments: [
        "/zylo/v1/subscriptions?pageSize=1&pageSize=2",
        "/mason/beta/default/data/aggregate/usage?date=2020-08-01T00:00:00Z&limit=1&limit=2",
        "/hyalto/accountManagement/accounts?x=1&x=2",
        "/usage-engine/usage-metering/v1/meters?meterKey=a&meterKey=b",
    ])
    func repeatedQueryParameter_isA400NamingIt(path: String) async throws {
        try await Harness.run { h in
            let response = try await h.request(.get, path, token: "anything")
            #expect(response.status == .badRequest, "\(response.text)")
            #expect(response.text.contains("given more than once"))
        }
    }
}
