import UsageJSON

/// Zylo API v1 checks: auth, subscriptions and paging (seed `002`, the qodex mirror of Zylo's docs).
enum ZyloChecks {
    static let all: [ContractCheck] =
        [
            ContractCheck(
                "zylo.auth.accepts-company-token", .zylo, .seed,
                "Bearer TOKENID:TOKENSECRET reads subscriptions; zylo-request-id is on the answer", body: acceptsToken),
            ContractCheck(
                "zylo.auth.rejects-missing-token", .zylo, .seed,
                #"no Authorization is 401 {"statusCode":401,"message":"Unauthorized"} with zylo-request-id"#,
                body: rejectsMissingToken),
            ContractCheck(
                "zylo.auth.rejects-wrong-secret", .zylo, .seed,
                "a wrong token secret is the same exact 401 body with zylo-request-id", body: rejectsWrongSecret),
            ContractCheck(
                "zylo.subscriptions.paginates-to-end", .zylo, .seed,
                #"nextPageToken is followed to "" with full pages and no repeats, a full last page hides no more, "#
                    + "the default page size walks the same set, and so does the client",
                body: paginatesToEnd),
            ContractCheck(
                "zylo.subscriptions.empty-page-token-is-first-page", .zylo, .publicMaterial,
                "an empty pageToken answers the first page", body: emptyTokenIsFirstPage),
            ContractCheck(
                "zylo.subscriptions.default-page-size-is-50", .zylo, .publicMaterial,
                "without pageSize a page holds 50 subscriptions unless it is the last", body: defaultPageSize),
            ContractCheck(
                "zylo.subscriptions.get-by-id-is-unwrapped", .zylo, .publicMaterial,
                "a subscription by id is the bare object the listing holds, with the sample's identity fields",
                body: getByID),
            ContractCheck(
                "zylo.import-job.rejects-malformed-upload", .zylo, .seed,
                "an upload with a syntax error is 400 with a message and zylo-request-id (writes nothing)",
                body: rejectsMalformedUpload),
            ContractCheck(
                "zylo.subscriptions.page-token-rejects-changed-page-size", .zylo, .sandboxChoice,
                "a page token with a different pageSize is a 400 in Zylo's envelope", body: pageTokenBound),
            ContractCheck(
                "zylo.subscriptions.unknown-id-is-404", .zylo, .sandboxChoice,
                #"an unknown subscription is 404 {"statusCode":404,"message":…} with zylo-request-id"#,
                body: unknownSubscription),
            ContractCheck(
                "zylo.license-aggregates.shape", .zylo, .sandboxChoice,
                "license aggregates answer subscriptionId, totalUsers and licenses", body: licenseAggregates),
        ] + ZyloJobChecks.all

    static let unauthorizedBody: JSONValue = .object(["statusCode": .number(401), "message": .string("Unauthorized")])

    static func acceptsToken(_ c: CheckContext) async throws {
        let response = try await c.get("/v1/subscriptions?pageSize=2")
        c.observe(response, as: "authorized", headers: ["zylo-request-id"])
        c.expectStatus(response, 200, "GET /v1/subscriptions with the token")
        c.expect(response.header("zylo-request-id") != nil, "the answer carries zylo-request-id")
    }

    static func rejectsMissingToken(_ c: CheckContext) async throws {
        let response = try await c.http.send("GET", "/v1/subscriptions")
        c.observe(response, as: "no-token", headers: ["zylo-request-id"])
        expectUnauthorized(c, response)
    }

    static func rejectsWrongSecret(_ c: CheckContext) async throws {
        guard case .zylo(let id, let secret) = c.endpoint.credential else { return }
        let response = try await c.http.send(
            "GET", "/v1/subscriptions", headers: [(name: "Authorization", value: "Bearer \(id):\(secret)x")])
        c.observe(response, as: "wrong-secret", headers: ["zylo-request-id"])
        expectUnauthorized(c, response)
    }

    static func expectUnauthorized(_ c: CheckContext, _ response: RawResponse) {
        c.expectStatus(response, 401, "request without valid credentials")
        c.expect(
            response.json == unauthorizedBody,
            #"body is exactly {"statusCode":401,"message":"Unauthorized"}"#
                + ", got \(response.snippet)")
        c.expect(response.header("zylo-request-id") != nil, "the 401 carries zylo-request-id")
    }

    static func emptyTokenIsFirstPage(_ c: CheckContext) async throws {
        let plain = try await c.get("/v1/subscriptions?pageSize=5")
        let empty = try await c.get("/v1/subscriptions?pageSize=5&pageToken=")
        c.observe(empty, as: "empty-token")
        guard c.expectStatus(empty, 200, "an empty pageToken"), c.expectStatus(plain, 200, "no pageToken") else {
            return
        }
        c.expect(ids(plain) == ids(empty), "the same subscriptions as the first page: \(ids(plain)) vs \(ids(empty))")
    }

    static func defaultPageSize(_ c: CheckContext) async throws {
        let response = try await c.get("/v1/subscriptions")
        guard c.expectStatus(response, 200, "GET /v1/subscriptions") else { return }
        let count = ids(response).count
        let last = response.json?["nextPageToken"]?.string == ""
        c.observe("default-page paging full-or-last", count == 50 || (last && count < 50) ? "yes" : "no")
        c.expect(last ? count <= 50 : count == 50, "a page that is not the last holds 50, got \(count)")
    }

    static func getByID(_ c: CheckContext) async throws {
        let list = try await c.get("/v1/subscriptions?pageSize=1")
        guard c.expectStatus(list, 200, "GET /v1/subscriptions"), let first = ids(list).first else {
            throw ContractSkip("the company has no subscriptions to read")
        }
        let one = try await c.get("/v1/subscriptions/\(first)")
        c.observe(one, as: "by-id", headers: ["zylo-request-id"])
        guard c.expectStatus(one, 200, "GET /v1/subscriptions/{id}"), let json = one.json else { return }
        c.expect(json["id"]?.string == first, "the object's id is \(first)")
        c.expect(json["name"]?.string?.hasPrefix("subscription/") == true, "name is subscription/<id>")
        c.expect(json["appId"]?.string?.hasPrefix("application/") == true, "appId is application/<id>")
        c.expect(json == list.json?["subscriptions"]?.array?.first, "the object equals the listing's item")
        let typed = try await c.zyloClient().subscription(id: first)
        c.expect(typed.id == first, "the client decodes the same subscription")
    }

    static func pageTokenBound(_ c: CheckContext) async throws {
        let first = try await c.get("/v1/subscriptions?pageSize=2")
        guard let token = first.json?["nextPageToken"]?.string, !token.isEmpty else {
            throw ContractSkip("only one page of subscriptions")
        }
        let changed = try await c.get("/v1/subscriptions?pageSize=3&pageToken=\(token)")
        c.observe(changed, as: "changed-page-size", headers: ["zylo-request-id"])
        c.expectStatus(changed, 400, "a page token with another pageSize")
        c.expect(changed.json?["statusCode"]?.number == 400, "the body has statusCode 400")
    }

    static func unknownSubscription(_ c: CheckContext) async throws {
        let response = try await c.get("/v1/subscriptions/00000000-0000-4000-8000-000000000000")
        c.observe(response, as: "unknown-id", headers: ["zylo-request-id"])
        c.expectStatus(response, 404, "an unknown subscription")
        c.expect(response.json?.keys == ["message", "statusCode"], "the body is {statusCode, message}")
        c.expect(response.header("zylo-request-id") != nil, "the 404 carries zylo-request-id")
    }

    static func licenseAggregates(_ c: CheckContext) async throws {
        let list = try await c.get("/v1/subscriptions?pageSize=1")
        guard let first = ids(list).first else { throw ContractSkip("the company has no subscriptions") }
        let response = try await c.get("/v1/subscriptions/\(first)/users/aggregates/licenses")
        c.observe(response, as: "aggregates")
        guard c.expectStatus(response, 200, "license aggregates") else { return }
        c.expect(response.json?.keys == ["licenses", "subscriptionId", "totalUsers"], "keys: \(response.snippet)")
        let typed = try await c.zyloClient().licenseAggregates(subscriptionID: first)
        c.expect(typed.subscriptionId == first, "the client decodes the aggregates of \(first)")
    }

    /// The subscription ids of a listing page, in order.
    static func ids(_ response: RawResponse) -> [String] {
        response.json?["subscriptions"]?.array?.compactMap { $0["id"]?.string } ?? []
    }
}
