import Foundation

/// Hyalto checks: the API-key-for-JWT exchange (seed `000`, the decoded seed token) and the public 2018 script's
/// routes (`vendors.md` 1.2).
enum HyaltoChecks {
    static let all: [ContractCheck] = [
        ContractCheck(
            "hyalto.token.answers-seed-shape", .hyalto, .seed,
            #"the token answer is exactly {tokenType:"Bearer", accessToken, scope:"all", expiresIn:3600}"#,
            body: tokenShape),
        ContractCheck(
            "hyalto.token.jwt-claims-match-seed", .hyalto, .seed,
            "the JWT is HS256 with the seed token's claims, and exp - iat = expiresIn", body: tokenClaims),
        ContractCheck(
            "hyalto.token.rejects-wrong-secret", .hyalto, .sandboxChoice,
            "a wrong secret key is 401 {status, error, message}", body: rejectsWrongSecret),
        ContractCheck(
            "hyalto.accounts.lists-customers", .hyalto, .publicMaterial,
            "accounts is a top-level array of {id, companyName, …}; the client reads the same ids", body: accounts),
        ContractCheck(
            "hyalto.accounts.accepts-bare-token", .hyalto, .publicMaterial,
            "Authorization: <jwt> without Bearer works, as the public script sends it", body: bareToken),
        ContractCheck(
            "hyalto.routes.trailing-slash-is-same-route", .hyalto, .publicMaterial,
            "the script's trailing-slash token and accounts URLs answer as without", body: trailingSlash),
        ContractCheck(
            "hyalto.accounts.rejects-missing-token", .hyalto, .sandboxChoice,
            "accounts without a token is 401 {status, error, message}", body: rejectsMissingToken),
        ContractCheck(
            "hyalto.services.lists-purchased-services", .hyalto, .publicMaterial,
            "services of a customer is a top-level array of {id, name, metaData.type}", body: services),
        ContractCheck(
            "hyalto.usage.report-for-a-service", .hyalto, .seed,
            "the seed's usage route answers 200 JSON for a service and a window", body: usageReport),
        ContractCheck(
            "hyalto.raw-usage.changes-shape", .hyalto, .publicMaterial,
            "the script's raw route answers services[].properties.ram|compute.changes[] of {timestamp, value, unit_size}",
            body: rawUsage),
    ]

    static func tokenShape(_ c: CheckContext) async throws {
        let response = try await c.tokenAnswer()
        c.observe(response, as: "token")
        guard c.expectStatus(response, 200, "the token request"), let json = response.json else { return }
        c.expect(json.keys == ["accessToken", "expiresIn", "scope", "tokenType"], "keys: \(json.keys)")
        c.expect(json["tokenType"]?.string == "Bearer", "tokenType is Bearer")
        c.expect(json["scope"]?.string == "all", "scope is all")
        c.expect(json["expiresIn"]?.number == 3600, "expiresIn is 3600")
        c.observe(
            "token lifetime expiresIn",
            json["expiresIn"].map { $0.number.map { String(format: "%.0f", $0) } ?? $0.typeName } ?? "absent")
    }

    static func tokenClaims(_ c: CheckContext) async throws {
        let response = try await c.tokenAnswer()
        guard c.expectStatus(response, 200, "the token request"), let token = response.json?["accessToken"]?.string,
            let jwt = JWTParts(token)
        else { return c.fail("accessToken is not a JWT: \(response.snippet)") }
        TokenClaims.observe(c, jwt)
        c.expect(jwt.header["alg"]?.string == "HS256", "alg is HS256")
        for name in [
            "jti", "iat", "exp", "iss", "scope", "serviceProviderId", "accountId", "companyName", "apiKeyId", "apex",
            "access",
        ] {
            c.expect(jwt.claims[name] != nil, "the claims have \(name)")
        }
        let lifetime = (jwt.claims["exp"]?.number ?? 0) - (jwt.claims["iat"]?.number ?? 0)
        c.expect(lifetime == response.json?["expiresIn"]?.number, "exp - iat (\(lifetime)) equals expiresIn")
        c.observe("token lifetime exp-minus-iat", String(format: "%.0f", lifetime))
        c.expect(jwt.claims["scope"]?.string == "all", "the scope claim is all")
    }

    static func rejectsWrongSecret(_ c: CheckContext) async throws {
        let response = try await c.requestToken(wrongSecret: true)
        c.observe(response, as: "wrong-secret")
        c.expectStatus(response, 401, "a wrong secret key")
        c.expect(response.json?.keys == ["error", "message", "status"], "body {status, error, message}")
    }

    static func rejectsMissingToken(_ c: CheckContext) async throws {
        let response = try await c.http.send("GET", "/accountManagement/accounts")
        c.observe(response, as: "no-token")
        c.expectStatus(response, 401, "accounts without a token")
        c.expect(response.json?["status"]?.number == 401, "body status 401")
    }

    static func bareToken(_ c: CheckContext) async throws {
        let token = try await c.accessToken()
        let response = try await c.http.send(
            "GET", "/accountManagement/accounts", headers: [(name: "Authorization", value: token)])
        c.observe(response, as: "bare-token")
        c.expectStatus(response, 200, "accounts with a bare JWT")
    }

    static func trailingSlash(_ c: CheckContext) async throws {
        let token = try await c.accessToken()
        let accounts = try await c.http.send(
            "GET", "/accountManagement/accounts/", headers: [(name: "Authorization", value: "Bearer \(token)")])
        c.observe(accounts, as: "accounts-slash")
        c.expectStatus(accounts, 200, "GET /accountManagement/accounts/")
        c.expect(accounts.json?.array != nil, "a top-level array")
    }

    /// The ids of the key's customer accounts, read raw.
    static func accountIDs(_ c: CheckContext) async throws -> [Int] {
        let response = try await c.get("/accountManagement/accounts")
        return response.json?.array?.compactMap { $0["id"]?.number.map { Int($0) } } ?? []
    }
}
