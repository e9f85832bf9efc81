import Foundation
import UsageJSON

extension MasonChecks {
    /// One walk of the month's SIM aggregates with `limit` and `after`.
    struct Walk {
        var rows: [JSONValue] = []
        var pages = 0
        var lastPageSize = 0
        var ended = false
    }

    static func paginatesToEnd(_ c: CheckContext) async throws {
        let limit = 7
        guard let walk = try await walk(c, limit: limit) else { return }
        let iccids = walk.rows.compactMap { $0["sim"]?["iccid"]?.string }
        c.expect(walk.ended, "the walk ends within 1,000 pages")
        guard !iccids.isEmpty else { throw ContractSkip("the fleet has no SIM usage in \(month)") }
        c.expect(Set(iccids).count == iccids.count, "no SIM appears twice across pages")
        c.observe("walk paging repeats", Set(iccids).count == iccids.count ? "none" : "some")
        c.observe("walk paging multiple-pages", walk.pages > 1 ? "yes" : "no")
        if walk.lastPageSize == limit { try await expectNothingBeyond(c, seen: walk.rows.count, lastPage: walk.pages) }
        try await expectAccountTotal(c, rows: walk.rows)
        var viaClient: [String] = []
        for try await row in try c.masonClient().simUsages(month: month, limit: limit) {
            viaClient.append(row.sim?.iccid ?? "")
        }
        c.expect(viaClient == iccids, "the client walks the same \(iccids.count) SIMs, got \(viaClient.count)")
    }

    /// Follows `nextPage` with `after` (the platform's paging, public API docs) until it is absent or empty.
    static func walk(_ c: CheckContext, limit: Int) async throws -> Walk? {
        var walk = Walk()
        var after: String?
        repeat {
            let query = after.map { "&after=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0)" }
            let response = try await c.get(path(c, "/aggregate/usage/sim?date=\(month)&limit=\(limit)\(query ?? "")"))
            guard c.expectStatus(response, 200, "page \(walk.pages + 1)") else { return nil }
            walk.pages += 1
            if walk.pages == 1 {
                c.observe(response, as: "page")
                c.observe("page paging has-next-and-prev-keys", response.json?["prevPage"] != nil ? "yes" : "no")
            }
            let page = rows(response)
            c.expect(page.count <= limit, "page \(walk.pages) holds at most \(limit), got \(page.count)")
            walk.rows += page
            walk.lastPageSize = page.count
            let next = response.json?["nextPage"]
            after = next?.string.flatMap { $0.isEmpty ? nil : $0 }
            if after == nil { c.observe("walk paging last-next-page", next?.typeName ?? "absent") }
        } while after != nil && walk.pages < 1_000
        walk.ended = after == nil
        return walk
    }

    /// The walk ended on a full page without `nextPage`: one page with room for everything seen and one more
    /// must not hold more, or the next-page key was missing.
    static func expectNothingBeyond(_ c: CheckContext, seen: Int, lastPage: Int) async throws {
        let probe = try await c.get(path(c, "/aggregate/usage/sim?date=\(month)&limit=\(seen + 1)"))
        guard probe.status == 200 else { return }
        let held = rows(probe).count
        c.expect(
            held <= seen,
            "page \(lastPage) was full without nextPage, but a page with limit \(seen + 1) holds \(held) SIMs: "
                + "the next-page key was missing")
    }

    /// The SIMs' usages over all pages add up to the account's usage for the month (seed `003`: the account
    /// aggregate is "the amount of data the account used", the multi-SIM one "the total data used by each SIM").
    static func expectAccountTotal(_ c: CheckContext, rows: [JSONValue]) async throws {
        let account = try await c.get(path(c, "/aggregate/usage?date=\(month)"))
        guard c.expectStatus(account, 200, "the account aggregate"),
            let usage = MasonChecks.rows(account).first?["usage"]
        else { return c.fail("the account aggregate has no usage row: \(account.snippet)") }
        for column in ["total", "upload", "download"] {
            let paged = rows.compactMap { $0["usage"]?[column]?.number }.reduce(0, +)
            let whole = usage[column]?.number ?? -1
            c.expect(
                paged == whole,
                "the SIM pages add up to \(column) \(Int(paged)), the account aggregate says \(Int(whole))")
        }
    }
}
