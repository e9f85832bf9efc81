import Foundation

extension MasonChecks {
    static func ordering(_ c: CheckContext) async throws {
        let plain = try await c.get(path(c, "/aggregate/usage/sim?date=\(month)&limit=50"))
        guard c.expectStatus(plain, 200, "SIM aggregates") else { return }
        let totals = rows(plain).compactMap { $0["usage"]?["total"]?.number }
        guard totals.count > 1 else { throw ContractSkip("fewer than two SIMs with usage in \(month) to order") }
        c.expect(totals == totals.sorted(by: >), "by total descending by default: \(totals.prefix(6))")
        let asc = try await c.get(
            path(c, "/aggregate/usage/sim?date=\(month)&limit=50&orderBy=asc&orderByColumn=download"))
        guard c.expectStatus(asc, 200, "orderBy=asc&orderByColumn=download") else { return }
        let downloads = rows(asc).compactMap { $0["usage"]?["download"]?.number }
        c.expect(downloads == downloads.sorted(), "by download ascending when asked: \(downloads.prefix(6))")
        c.observe("ordering default", totals == totals.sorted(by: >) ? "total desc" : "other")
        c.observe("ordering asc-download", downloads == downloads.sorted() ? "download asc" : "other")
    }

    static func totals(_ c: CheckContext) async throws {
        let response = try await c.get(path(c, "/aggregate/usage/sim?date=\(month)&limit=50"))
        c.observe(response, as: "sims")
        guard c.expectStatus(response, 200, "SIM aggregates") else { return }
        guard !rows(response).isEmpty else { throw ContractSkip("the fleet has no SIM usage in \(month)") }
        for row in rows(response) {
            let usage = row["usage"]
            guard let total = usage?["total"]?.number, let up = usage?["upload"]?.number,
                let down = usage?["download"]?.number
            else { return c.fail("a row lacks total/upload/download numbers: \(row)") }
            c.expect(total == up + down, "total \(total) = upload \(up) + download \(down)")
            c.expect(usage?["unit"]?.string == "bytes", "unit is bytes")
        }
    }

    static func markers(_ c: CheckContext) async throws {
        let response = try await c.get(path(c, "/aggregate/usage?date=\(month)&marker=device-type"))
        c.observe(response, as: "by-device-type")
        guard c.expectStatus(response, 200, "marker=device-type") else { return }
        let keys = Set(rows(response).compactMap { $0["marker"]?["key"]?.string })
        guard !rows(response).isEmpty else { throw ContractSkip("the fleet has no SIM in a Mason device in \(month)") }
        c.expect(keys == ["device-type"], "every row's marker.key is device-type, got \(keys)")
    }

    static func seriesRange(_ c: CheckContext) async throws {
        let response = try await c.get(path(c, "/series/usage?start=2020-08-01T00:00:00Z&end=2020-08-05T00:00:00Z"))
        c.observe(response, as: "series")
        guard c.expectStatus(response, 200, "the seed's account series") else { return }
        let days = rows(response)
        guard !days.isEmpty else { throw ContractSkip("the fleet has no usage in the seed's days of August 2020") }
        for day in days {
            c.expect(day.keys == ["day", "download", "total", "unit", "upload"], "row keys: \(day.keys)")
            let date = day["day"]?.string ?? ""
            c.expect(date >= "2020-08-01" && date < "2020-08-05", "day \(date) is in [start, end)")
        }
    }
}
