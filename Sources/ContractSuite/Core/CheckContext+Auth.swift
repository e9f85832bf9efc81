import Foundation

extension CheckContext {
    /// The `Authorization` header the vendor's data routes take with this check's credential; for Hyalto and
    /// Usage Engine a token is fetched once per check.
    public func authorization() async throws -> [(name: String, value: String)] {
        switch endpoint.credential {
        case .zylo(let id, let secret): return [(name: "Authorization", value: "Bearer \(id):\(secret)")]
        case .mason(let key, _): return [(name: "Authorization", value: "basic \(key)")]
        case .hyalto, .usageEngine: return [(name: "Authorization", value: "Bearer \(try await accessToken())")]
        }
    }

    /// A token from the vendor's token endpoint, cached for the check.
    public func accessToken() async throws -> String {
        if let token = state.withLock({ $0.token }) { return token }
        let response = try await requestToken()
        let field = endpoint.vendor == .hyalto ? "accessToken" : "access_token"
        guard response.status == 200, let token = response.json?[field]?.string else {
            throw ContractFailure("token request answered \(response.status): \(response.snippet)")
        }
        state.withLock { $0.token = token }
        return token
    }

    /// The vendor's documented token request with this check's credential (Hyalto: JSON; Usage Engine: a form),
    /// optionally with a wrong secret.
    public func requestToken(wrongSecret: Bool = false) async throws -> RawResponse {
        switch endpoint.credential {
        case .hyalto(let accessKey, let secretKey):
            let body = try JSONValueLiteral.encode([
                "accessKey": .string(accessKey), "secretKey": .string(wrongSecret ? secretKey + "x" : secretKey),
            ])
            return try await http.send(
                "POST", "/accountManagement/auth/token", headers: [(name: "Content-Type", value: "application/json")],
                body: body)
        case .usageEngine(let clientID, let clientSecret, let audience):
            let form = Self.form([
                ("grant_type", "client_credentials"), ("client_id", clientID),
                ("client_secret", wrongSecret ? clientSecret + "x" : clientSecret), ("audience", audience),
            ])
            return try await http.send(
                "POST", "/authentication/v1/oauth/token",
                headers: [(name: "Content-Type", value: "application/x-www-form-urlencoded")], body: form)
        case .zylo, .mason:
            throw ContractFailure("\(endpoint.vendor.rawValue) has no token endpoint")
        }
    }

    /// `GET path` with this check's authorization.
    public func get(_ path: String) async throws -> RawResponse {
        try await http.send("GET", path, headers: try await authorization())
    }

    /// `fields` as an `application/x-www-form-urlencoded` body.
    static func form(_ fields: [(String, String)]) -> Data {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let pairs = fields.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }
        return Data(pairs.joined(separator: "&").utf8)
    }
}
