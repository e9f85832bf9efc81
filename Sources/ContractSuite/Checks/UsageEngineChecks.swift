import Foundation
import UsageJSON

/// Usage Engine checks: the OAuth2 token endpoint (seed `001`, the vendor's Redoc page and guides) and the
/// metering routes of the vendor's public example streams (`vendors.md` addendum).
enum UsageEngineChecks {
    static let all: [ContractCheck] = [
        ContractCheck(
            "usage-engine.token.client-credentials-form", .usageEngine, .publicMaterial,
            "a form client_credentials request with audience answers {access_token, scope, expires_in:3600, token_type:Bearer}",
            body: formToken),
        ContractCheck(
            "usage-engine.token.json-body", .usageEngine, .publicMaterial,
            "the Redoc JSON body is accepted too", body: jsonToken),
        ContractCheck(
            "usage-engine.token.jwt-claims", .usageEngine, .publicMaterial,
            "the token is an RS256 JWT with kid; sub <client_id>@clients, azp, aud, gty, exp = iat + expires_in",
            body: tokenClaims),
        ContractCheck(
            "usage-engine.token.rejects-wrong-secret", .usageEngine, .sandboxChoice,
            "a wrong client_secret is 401 invalid_client with Cache-Control: no-store", body: rejectsWrongSecret),
        ContractCheck(
            "usage-engine.token.rejects-missing-audience", .usageEngine, .sandboxChoice,
            "a token request without audience is 400 invalid_request naming audience", body: rejectsMissingAudience),
        ContractCheck(
            "usage-engine.metering.rejects-missing-token", .usageEngine, .publicMaterial,
            "metering without a token is 401 (the Redoc error table)", body: rejectsMissingToken),
        ContractCheck(
            "usage-engine.meter-types.lists-in-wrapper", .usageEngine, .publicMaterial,
            #"GET /usage-metering/v1/meter-types answers {"meterTypes":[…]}"#, body: listsMeterTypes),
        ContractCheck(
            "usage-engine.meter-types.create-filter-delete", .usageEngine, .publicMaterial, writes: true,
            "of two new meter types ?name= finds exactly the one named; both can be deleted", body: meterTypeLifecycle),
        ContractCheck(
            "usage-engine.meters.create-find-by-key-delete", .usageEngine, .publicMaterial, writes: true,
            "a created meter is found by ?meterKey= and deleted by id", body: meterLifecycle),
        ContractCheck(
            "usage-engine.meters.vendor-shape", .usageEngine, .publicMaterial, writes: true,
            "a meter carries the fields of the vendor's exported meters (value, period, capacity, thresholds, "
                + "breakdowns, carry fields, time zone), times in UTC with Z",
            body: meterShape),
        ContractCheck(
            "usage-engine.meters.share-a-meter-key", .usageEngine, .publicMaterial, writes: true,
            "meters of several customers share one meterKey and type, as the vendor's printing example stream does",
            body: metersShareAKey),
        ContractCheck(
            "usage-engine.meter-types.rejects-malformed-json", .usageEngine, .publicMaterial,
            "a meter type whose JSON does not parse is 400 (the Redoc error table), and nothing is created",
            body: rejectsMalformedJSON),
        ContractCheck(
            "usage-engine.meters.delete-unknown-id-is-404", .usageEngine, .publicMaterial,
            "DELETE of a meter id that was never issued is 404 (the Redoc error table)", body: deleteUnknownMeter),
        ContractCheck(
            "usage-engine.meter-types.unknown-id-is-404", .usageEngine, .sandboxChoice,
            #"an unknown meter type is 404 {"error":"not_found","message":…}"#, body: unknownMeterType),
    ]

    static func formToken(_ c: CheckContext) async throws {
        let response = try await c.tokenAnswer()
        c.observe(response, as: "token")
        guard c.expectStatus(response, 200, "the form token request"), let json = response.json else { return }
        c.expect(json.keys == ["access_token", "expires_in", "scope", "token_type"], "keys: \(json.keys)")
        c.expect(json["token_type"]?.string == "Bearer", "token_type is Bearer")
        c.expect(json["expires_in"]?.number == 3600, "expires_in is 3600 (one hour)")
        c.observe(
            "token lifetime expires_in",
            json["expires_in"].map { $0.number.map { String(format: "%.0f", $0) } ?? $0.typeName } ?? "absent")
        c.expect(json["scope"]?.string?.contains("read:meter_types") == true, "scope holds read:meter_types")
    }

    static func jsonToken(_ c: CheckContext) async throws {
        guard case .usageEngine(let id, let secret, let audience) = c.endpoint.credential else { return }
        let body = try JSONValue.body([
            "grant_type": .string("client_credentials"), "client_id": .string(id), "client_secret": .string(secret),
            "audience": .string(audience),
        ])
        let response = try await c.sendToken(body, contentType: "application/json")
        c.observe(response, as: "json-token")
        c.expectStatus(response, 200, "the JSON token request")
        c.expect(response.json?["access_token"]?.string != nil, "the answer has access_token")
    }

    static func tokenClaims(_ c: CheckContext) async throws {
        guard case .usageEngine(let id, _, let audience) = c.endpoint.credential else { return }
        let response = try await c.tokenAnswer()
        guard c.expectStatus(response, 200, "the token request"), let token = response.json?["access_token"]?.string,
            let jwt = JWTParts(token)
        else { return c.fail("access_token is not a JWT: \(response.snippet)") }
        TokenClaims.observe(c, jwt)
        c.expect(jwt.header["alg"]?.string == "RS256", "alg is RS256")
        c.expect(jwt.header["kid"]?.string != nil, "the header has kid")
        c.expect(jwt.claims["sub"]?.string == "\(id)@clients", "sub is <client_id>@clients")
        c.expect(jwt.claims["azp"]?.string == id, "azp is the client id")
        c.expect(jwt.claims["gty"]?.string == "client-credentials", "gty is client-credentials")
        c.expect(jwt.claims["aud"]?.string == audience, "aud is the audience")
        let lifetime = (jwt.claims["exp"]?.number ?? 0) - (jwt.claims["iat"]?.number ?? 0)
        c.expect(lifetime == response.json?["expires_in"]?.number, "exp - iat (\(lifetime)) equals expires_in")
        c.observe("token lifetime exp-minus-iat", String(format: "%.0f", lifetime))
    }

    static func rejectsWrongSecret(_ c: CheckContext) async throws {
        let response = try await c.requestToken(wrongSecret: true)
        c.observe(response, as: "wrong-secret", headers: ["Cache-Control"])
        c.expectStatus(response, 401, "a wrong client_secret")
        c.expect(response.json?["error"]?.string == "invalid_client", "error is invalid_client")
        c.expect(response.header("Cache-Control") == "no-store", "Cache-Control: no-store")
    }

    static func rejectsMissingAudience(_ c: CheckContext) async throws {
        guard case .usageEngine(let id, let secret, _) = c.endpoint.credential else { return }
        let form = CheckContext.form([
            ("grant_type", "client_credentials"), ("client_id", id), ("client_secret", secret),
        ])
        let response = try await c.sendToken(form, contentType: "application/x-www-form-urlencoded")
        c.observe(response, as: "no-audience")
        c.expectStatus(response, 400, "no audience")
        c.expect(response.json?["error"]?.string == "invalid_request", "error is invalid_request")
        c.expect(
            response.json?["error_description"]?.string?.contains("audience") == true, "the description names audience")
    }
}
