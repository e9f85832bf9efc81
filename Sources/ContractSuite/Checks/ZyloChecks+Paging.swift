extension ZyloChecks {
    static func paginatesToEnd(_ c: CheckContext) async throws {
        let size = 25
        var token: String?
        var seen: [String] = []
        var pages = 0
        repeat {
            let query = token.map { "&pageToken=\($0)" } ?? ""
            let response = try await c.get("/v1/subscriptions?pageSize=\(size)\(query)")
            guard c.expectStatus(response, 200, "page \(pages + 1)") else { return }
            pages += 1
            if pages == 1 { c.observe(response, as: "page", headers: ["zylo-request-id"]) }
            let page = ids(response)
            guard let next = response.json?["nextPageToken"]?.string else {
                c.fail("page \(pages) has no string nextPageToken: \(response.snippet)")
                return
            }
            c.expect(page.count <= size, "page \(pages) holds at most \(size), got \(page.count)")
            if !next.isEmpty { c.expect(page.count == size, "page \(pages) is not the last, so it is full") }
            c.expect(next != token, "page \(pages) does not hand back its own token")
            seen += page
            token = next.isEmpty ? nil : next
        } while token != nil && pages < 500
        c.expect(token == nil, "the walk ends on an empty nextPageToken within 500 pages")
        c.expect(Set(seen).count == seen.count, "no subscription appears twice across pages")
        c.observe("walk paging last-token", token == nil ? "empty string" : "never empty")
        c.observe("walk paging repeats", Set(seen).count == seen.count ? "none" : "some")
        var viaClient: [String] = []
        for try await subscription in try c.zyloClient().subscriptions(pageSize: size) {
            viaClient.append(subscription.id)
        }
        c.expect(viaClient == seen, "the client walks the same \(seen.count) ids, got \(viaClient.count)")
    }
}
