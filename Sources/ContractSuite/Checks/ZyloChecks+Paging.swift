extension ZyloChecks {
    /// One walk of `/v1/subscriptions` from the first page to `""`.
    struct Walk {
        var ids: [String] = []
        var pages = 0
        var lastPageSize = 0
        /// Whether the walk reached an empty `nextPageToken` (within 500 pages).
        var ended = false
    }

    static func paginatesToEnd(_ c: CheckContext) async throws {
        let size = 25
        guard let walk = try await walk(c, pageSize: size, observing: true) else { return }
        let seen = walk.ids
        c.expect(walk.ended, "the walk ends on an empty nextPageToken within 500 pages")
        c.expect(Set(seen).count == seen.count, "no subscription appears twice across pages")
        c.observe("walk paging last-token", walk.ended ? "empty string" : "never empty")
        c.observe("walk paging repeats", Set(seen).count == seen.count ? "none" : "some")
        // A walk that ends on a full page may have lost its next token: one page big enough for everything seen
        // and one more must not hold more.
        if walk.lastPageSize == size {
            let probe = try await c.get("/v1/subscriptions?pageSize=\(seen.count + 1)")
            let held = ids(probe).count
            c.expect(
                held <= seen.count || probe.status != 200,
                "page \(walk.pages) was full (\(size)) with an empty nextPageToken, but a page of \(seen.count + 1) "
                    + "holds \(held) subscriptions: the next-page token was missing")
        }
        // The same listing at the documented default page size must hold the same subscriptions.
        if let other = try await Self.walk(c, pageSize: nil, observing: false) {
            c.expect(
                Set(other.ids) == Set(seen),
                "walking at the default page size finds \(other.ids.count) subscriptions, at \(size) \(seen.count)")
        }
        var viaClient: [String] = []
        for try await subscription in try c.zyloClient().subscriptions(pageSize: size) {
            viaClient.append(subscription.id)
        }
        c.expect(viaClient == seen, "the client walks the same \(seen.count) ids, got \(viaClient.count)")
    }

    /// Follows `nextPageToken` from the first page (at `pageSize`, or the default when `nil`) to `""`, checking
    /// each page: a string token, at most `pageSize` items, full unless last, never its own token again. `nil`
    /// when a page fails.
    static func walk(_ c: CheckContext, pageSize: Int?, observing: Bool) async throws -> Walk? {
        let size = pageSize ?? 50
        var walk = Walk()
        var token: String?
        repeat {
            var query = [pageSize.map { "pageSize=\($0)" }, token.map { "pageToken=\($0)" }].compactMap { $0 }
                .joined(separator: "&")
            query = query.isEmpty ? "" : "?" + query
            let response = try await c.get("/v1/subscriptions\(query)")
            guard c.expectStatus(response, 200, "page \(walk.pages + 1)") else { return nil }
            walk.pages += 1
            if observing && walk.pages == 1 { c.observe(response, as: "page", headers: ["zylo-request-id"]) }
            let page = ids(response)
            guard let next = response.json?["nextPageToken"]?.string else {
                c.fail("page \(walk.pages) has no string nextPageToken: \(response.snippet)")
                return nil
            }
            c.expect(page.count <= size, "page \(walk.pages) holds at most \(size), got \(page.count)")
            if !next.isEmpty { c.expect(page.count == size, "page \(walk.pages) is not the last, so it is full") }
            c.expect(next != token, "page \(walk.pages) does not hand back its own token")
            walk.ids += page
            walk.lastPageSize = page.count
            token = next.isEmpty ? nil : next
        } while token != nil && walk.pages < 500
        walk.ended = token == nil
        return walk
    }
}
