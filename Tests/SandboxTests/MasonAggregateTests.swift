import HummingbirdTesting
import Testing

@testable import Sandbox

@Suite("Mason aggregate usage")
struct MasonAggregateTests {
    static let august = "date=2020-08-01T0:00:00-00:00"

    static func usage(_ row: [String: Any]) -> (total: Int, upload: Int, download: Int) {
        let usage = row["usage"] as? [String: Any] ?? [:]
        return (usage["total"] as? Int ?? -1, usage["upload"] as? Int ?? -1, usage["download"] as? Int ?? -1)
    }

    /// Every row of a SIM-level aggregate, walking `nextPage` to the end.
    static func walkForward(_ h: Harness, _ query: String) async throws -> (rows: [[String: Any]], pages: [String]) {
        var rows: [[String: Any]] = []
        var pages: [String] = []
        var after = ""
        repeat {
            let page = try await h.mason("aggregate/usage/sim?\(query)\(after.isEmpty ? "" : "&after=\(after)")").json()
            rows += page["data"] as? [[String: Any]] ?? []
            after = page["nextPage"] as? String ?? ""
            pages.append(page["prevPage"] as? String ?? "?")
        } while !after.isEmpty && pages.count < 100
        return (rows, pages)
    }

    @Test func accountUsage_isOneMonthlyRecordEqualToTheSumOfItsSIMs() async throws {
        try await Harness.run { h in
            let page = try await h.mason("aggregate/usage?\(Self.august)").json()
            let rows = page["data"] as? [[String: Any]] ?? []
            #expect(rows.count == 1 && rows[0]["marker"] == nil && rows[0]["sim"] == nil)
            #expect(page["nextPage"] as? String == "" && page["prevPage"] as? String == "")
            let account = Self.usage(rows[0])
            #expect(account.total == account.upload + account.download && account.total > 0)
            #expect((rows[0]["usage"] as? [String: Any])?["date"] as? String == "2020-08-01T00:00:00Z")
            #expect((rows[0]["usage"] as? [String: Any])?["unit"] as? String == "bytes")
            let sims = try await Self.walkForward(h, "\(Self.august)&limit=1000").rows
            #expect(sims.map { Self.usage($0).total }.reduce(0, +) == account.total)
        }
    }

    @Test func accountUsageByMarker_leavesOutSIMsWithoutThatMarker() async throws {
        try await Harness.run { h in
            let account = Self.usage(try await h.masonData("aggregate/usage?\(Self.august)")[0]).total
            let groups = try await h.masonData("aggregate/usage?\(Self.august)&marker=device-type")
            let values = Set(groups.compactMap { ($0["marker"] as? [String: Any])?["value"] as? String })
            #expect(values.isSuperset(of: ["D450", "G450"]))
            #expect(groups.allSatisfy { ($0["marker"] as? [String: Any])?["key"] as? String == "device-type" })
            let sims = try await h.masonData("aggregate/usage/sim?\(Self.august)&marker=device-type&limit=1000")
            let unmarked = sims.filter { $0["marker"] == nil }
            #expect(!unmarked.isEmpty)
            let grouped = groups.map { Self.usage($0).total }.reduce(0, +)
            #expect(grouped + unmarked.map { Self.usage($0).total }.reduce(0, +) == account)
        }
    }

    @Test func simUsageByMarker_listsASIMOncePerMarkerValue() async throws {
        try await Harness.run { h in
            let rows = try await h.masonData("aggregate/usage/sim/iccid1?\(Self.august)&marker=device-type")
            let values = rows.compactMap { ($0["marker"] as? [String: Any])?["value"] as? String }
            #expect(values.sorted() == ["D450", "G450"])
            #expect(rows.allSatisfy { ($0["sim"] as? [String: Any])?["iccid"] as? String == "iccid1" })
            let plain = try await h.masonData("aggregate/usage/sim/iccid1?\(Self.august)")
            #expect(plain.count == 1 && Self.usage(plain[0]).total == rows.map { Self.usage($0).total }.reduce(0, +))
        }
    }

    @Test(arguments: [
        ("", "total", true), ("&orderBy=asc", "total", false), ("&orderByColumn=upload", "upload", true),
        ("&orderBy=asc&orderByColumn=download", "download", false),
    ])
    func ordering_followsOrderByAndOrderByColumn(query: String, column: String, descending: Bool) async throws {
        try await Harness.run { h in
            let rows = try await h.masonData("aggregate/usage/sim?\(Self.august)\(query)&limit=1000")
            let values = rows.map { ($0["usage"] as? [String: Any])?[column] as? Int ?? 0 }
            #expect(values.count > 10)
            #expect(values == (descending ? values.sorted(by: >) : values.sorted()))
        }
    }

    @Test func paging_walksForwardAndBackWithoutGapsOrRepeats() async throws {
        try await Harness.run { h in
            let all = try await h.masonData("aggregate/usage/sim?\(Self.august)&limit=1000")
            let key = { (row: [String: Any]) in ((row["sim"] as? [String: Any])?["iccid"] as? String ?? "") }
            let forward = try await Self.walkForward(h, "\(Self.august)&limit=7")
            #expect(forward.rows.map(key) == all.map(key))
            #expect(forward.pages.first == "")
            var backward: [[String: Any]] = []
            var before = try await h.mason(
                "aggregate/usage/sim?\(Self.august)&limit=7&after=\(forward.pages.last ?? "")"
            ).json()
            backward = before["data"] as? [[String: Any]] ?? []
            var previous = before["prevPage"] as? String ?? ""
            while !previous.isEmpty && backward.count < 1_000 {
                before = try await h.mason("aggregate/usage/sim?\(Self.august)&limit=7&before=\(previous)").json()
                backward = (before["data"] as? [[String: Any]] ?? []) + backward
                previous = before["prevPage"] as? String ?? ""
            }
            #expect(backward.map(key).suffix(all.count) == all.map(key)[...])
        }
    }

    @Test(
        arguments: [
            ("aggregate/usage", "date"), ("aggregate/usage?date=August", "date"),
            ("aggregate/usage?\(august)&orderBy=up", "orderBy"),
            ("aggregate/usage?\(august)&orderByColumn=bytes", "orderByColumn"),
            ("aggregate/usage?\(august)&marker=colour", "marker"), ("aggregate/usage/sim?\(august)&limit=0", "limit"),
            ("aggregate/usage/sim?\(august)&limit=5000", "limit"),
            ("aggregate/usage/sim?\(august)&after=garbage", "after"),
            ("aggregate/usage/sim?\(august)&after=a&before=b", "after"),
        ])
    func badParameters_are400NamingTheParameter(path: String, parameter: String) async throws {
        try await Harness.run { h in
            let response = try await h.mason(path)
            #expect(response.status == .badRequest)
            #expect(try response.json()["type"] as? String == "invalid_request_error")
            #expect((try response.json()["message"] as? String)?.contains(parameter) == true)
        }
    }

    @Test func pageKeyOfAnotherQuery_is400() async throws {
        try await Harness.run { h in
            let next =
                try await h.mason("aggregate/usage/sim?\(Self.august)&limit=2").json()["nextPage"] as? String ?? ""
            let response = try await h.mason("aggregate/usage/sim?date=2020-09-01T00:00:00Z&limit=2&after=\(next)")
            #expect(response.status == .badRequest)
        }
    }

    @Test func unknownFleetOrSIM_is404_andTheSecondFleetHasItsOwnSIMs() async throws {
        try await Harness.run { h in
            let fleet = try await h.request(
                .get, "/mason/beta/nowhere/data/aggregate/usage?\(Self.august)", token: nil,
                headers: [.authorization: Harness.masonKey])
            #expect(fleet.status == .notFound)
            #expect(try fleet.json()["type"] as? String == "not_found_error")
            #expect(try await h.mason("aggregate/usage/sim/89000000?\(Self.august)").status == .notFound)
            let warehouse =
                try await h.request(
                    .get, "/mason/beta/warehouse/data/aggregate/usage/sim?\(Self.august)&limit=1000", token: nil,
                    headers: [.authorization: Harness.masonKey]
                ).json()["data"] as? [[String: Any]] ?? []
            let iccids = Set(warehouse.compactMap { ($0["sim"] as? [String: Any])?["iccid"] as? String })
            #expect(!iccids.isEmpty && !iccids.contains("iccid1"))
        }
    }
}

extension MasonAggregateTests {
    @Test(arguments: MasonMarker.allCases)
    func everyMarkerKey_groupsTheAccountIntoValuesThatFitTheAccountTotal(marker: MasonMarker) async throws {
        try await Harness.run { h in
            let account = Self.usage(try await h.masonData("aggregate/usage?\(Self.august)")[0]).total
            let groups = try await h.masonData("aggregate/usage?\(Self.august)&marker=\(marker.rawValue)&limit=1000")
            let values = groups.compactMap { ($0["marker"] as? [String: Any])?["value"] as? String }
            #expect(!values.isEmpty && Set(values).count == values.count)
            #expect(groups.map { Self.usage($0).total }.reduce(0, +) <= account)
            if marker == .mncMcc { #expect(values.allSatisfy { $0.split(separator: "-").count == 2 }) }
        }
    }

    @Test func generatedData_isTheSameForTheSameSeed() async throws {
        let first = try await Sandbox.open(.testDefaults())
        let second = try await Sandbox.open(.testDefaults())
        let query = try MasonQuery.aggregate(
            { ["date": "2020-08-01T00:00:00Z", "limit": "1000"][$0] }, settings: MasonSettings(), lenient: true)
        let a = try await first.mason.aggregate(fleet: "default", level: .sims(iccid: nil), query: query)
        let b = try await second.mason.aggregate(fleet: "default", level: .sims(iccid: nil), query: query)
        #expect(!a.data.isEmpty)
        #expect(a.data.map(\.usage.total) == b.data.map(\.usage.total))
    }
}
