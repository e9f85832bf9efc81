import Foundation
import UsageJSON

extension CheckContext {
    /// The `Authorization` header the vendor's data routes take with this check's credential; for Hyalto and
    /// Usage Engine the session's token (``tokenAnswer()``).
    public func authorization() async throws -> [(name: String, value: String)] {
        switch endpoint.credential {
        case .zylo(let id, let secret): return [(name: "Authorization", value: "Bearer \(id):\(secret)")]
        case .mason(let key, _): return [(name: "Authorization", value: "basic \(key)")]
        case .hyalto, .usageEngine: return [(name: "Authorization", value: "Bearer \(try await accessToken())")]
        }
    }

    /// A token from the vendor's token endpoint, shared by the session's checks for the token's lifetime.
    public func accessToken() async throws -> String {
        let response = try await tokenAnswer()
        guard response.status == 200, let token = response.json?[tokenField]?.string else {
            throw ContractFailure("token request answered \(response.status): \(response.snippet)")
        }
        return token
    }

    /// The vendor's answer to this credential's documented token request: asked once per session and credential,
    /// and a successful answer reused until shortly before the token expires (`expiresIn`/`expires_in`, one hour
    /// when absent). A failed answer is returned as it came and not kept.
    public func tokenAnswer() async throws -> RawResponse {
        let key = "\(endpoint.vendor.rawValue)|\(endpoint.baseURL.absoluteString)|\(credentialKey)"
        if let kept = tokens.answer(for: key) { return kept }
        let response = try await requestToken()
        if response.status == 200, response.json?[tokenField]?.string != nil {
            let lifetime = response.json?[endpoint.vendor == .hyalto ? "expiresIn" : "expires_in"]?.number
            tokens.keep(response, lifetime: lifetime ?? 3_600, for: key)
        }
        return response
    }

    private var tokenField: String { endpoint.vendor == .hyalto ? "accessToken" : "access_token" }

    /// The vendor's documented token request with this check's credential (Hyalto: JSON; Usage Engine: a form),
    /// optionally with a wrong secret; a 429 is retried after its `Retry-After`.
    public func requestToken(wrongSecret: Bool = false) async throws -> RawResponse {
        switch endpoint.credential {
        case .hyalto(let accessKey, let secretKey):
            let body = try JSONValue.body([
                "accessKey": .string(accessKey), "secretKey": .string(wrongSecret ? secretKey + "x" : secretKey),
            ])
            return try await sendToken(body, contentType: "application/json")
        case .usageEngine(let clientID, let clientSecret, let audience):
            let form = Self.form([
                ("grant_type", "client_credentials"), ("client_id", clientID),
                ("client_secret", wrongSecret ? clientSecret + "x" : clientSecret), ("audience", audience),
            ])
            return try await sendToken(form, contentType: "application/x-www-form-urlencoded")
        case .zylo, .mason:
            throw ContractFailure("\(endpoint.vendor.rawValue) has no token endpoint")
        }
    }

    /// `body` to the vendor's token endpoint, waiting out a 429 as its `Retry-After` asks (on a sandbox, by moving
    /// the virtual clock), at most ``rateLimitAttempts`` times in all.
    public func sendToken(_ body: Data, contentType: String) async throws -> RawResponse {
        let path =
            endpoint.vendor == .hyalto ? "/accountManagement/auth/token" : "/authentication/v1/oauth/token"
        var attempts = 1
        var response = try await http.send(
            "POST", path, headers: [(name: "Content-Type", value: contentType)], body: body)
        while response.status == 429 && attempts < Self.rateLimitAttempts {
            try await letTimePass(seconds: Self.retryAfter(response))
            response = try await http.send(
                "POST", path, headers: [(name: "Content-Type", value: contentType)], body: body)
            attempts += 1
        }
        return response
    }

    /// How many times a token request is sent before a 429 stands.
    static let rateLimitAttempts = 6

    /// The seconds a 429 asks to wait: `Retry-After` in seconds or as an HTTP date, else one second; never more
    /// than 60, so a bad hint cannot stall a run.
    static func retryAfter(_ response: RawResponse) -> Double {
        guard let value = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces) else { return 1 }
        if let seconds = Double(value) { return min(max(seconds, 0), 60) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return 1 }
        return min(max(date.timeIntervalSinceNow, 0), 60)
    }

    /// The credential's public part (key, client or token id), naming it in the session's token store.
    var credentialKey: String {
        switch endpoint.credential {
        case .hyalto(let accessKey, _): accessKey
        case .usageEngine(let clientID, _, let audience): "\(clientID)|\(audience)"
        case .zylo(let id, _): id
        case .mason(let key, _): key
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
