import Foundation

/// A client for DigitalRoute Usage Engine's metering API: meter types and meters.
///
/// It fetches an OAuth2 client-credentials token on first use (credentials in the form body, with the
/// environment's `audience`), reuses it until a minute before it expires, and fetches a new one once when Usage
/// Engine refuses it; there is no refresh token, and concurrent callers share one token request.
///
/// ```swift
/// let engine = UsageEngineClient(clientID: clientID, clientSecret: clientSecret)
/// let type = try await engine.createMeterType(UsageEngineNewMeterType(name: "Pay-Per-Print", unit: "page"))
/// let meter = try await engine.createMeter(UsageEngineNewMeter(userID: "101", meterKey: "printer-7", meterTypeID: type.id))
/// print(try await engine.meters(meterTypeID: type.id).map(\.id))
/// ```
public struct UsageEngineClient: Sendable, CustomStringConvertible, CustomReflectable {
    /// Usage Engine's production (EU) API root, `https://api.digitalroute.io`.
    public static let liveBaseURL = URL(string: "https://api.digitalroute.io") ?? URL(fileURLWithPath: "/")
    /// The production environment's token audience, `https://api.digitalroute.io/`.
    public static let liveAudience = "https://api.digitalroute.io/"

    let executor: RequestExecutor

    /// A client for the API at `baseURL` (the sandbox's `…/usage-engine` in tests) with an Application Access.
    ///
    /// - Parameters:
    ///   - clientID: the Application Access's client id.
    ///   - clientSecret: its secret, shown once at creation; it never appears in errors or descriptions.
    ///   - audience: the environment's base URL as the token endpoint expects it (`https://api.us.digitalroute.io/`
    ///     for the US environment).
    public init(
        baseURL: URL = UsageEngineClient.liveBaseURL, clientID: String, clientSecret: String,
        audience: String = UsageEngineClient.liveAudience, options: ClientOptions = ClientOptions()
    ) {
        let tokenExecutor = RequestExecutor(
            vendor: "usage-engine", baseURL: baseURL, options: options, authorizer: .fixed([]))
        let form = [
            ("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", clientSecret),
            ("audience", audience),
        ]
        let body = Data(
            form.map { "\(RequestExecutor.encode($0.0))=\(RequestExecutor.encode($0.1))" }.joined(separator: "&").utf8)
        let cache = TokenCache(refreshMargin: .seconds(60)) {
            // A token request changes nothing on the server, so it may be retried like a GET.
            let token = try await tokenExecutor.json(
                UsageEngineToken.self, "POST", "/authentication/v1/oauth/token",
                headers: [
                    (name: "Content-Type", value: "application/x-www-form-urlencoded"),
                    (name: "Accept", value: "application/json"),
                ],
                body: body, authorized: false, idempotent: true)
            return (token.accessToken, .seconds(token.expiresIn ?? UsageEngineToken.documentedLifetime))
        }
        let authorizer = Authorizer.token(cache) { [(name: "Authorization", value: "Bearer \($0)")] }
        executor = RequestExecutor(vendor: "usage-engine", baseURL: baseURL, options: options, authorizer: authorizer)
    }

    /// The API root this client calls; the credentials stay out of it.
    public var description: String { "UsageEngineClient(\(executor.baseURL.absoluteString))" }

    /// Only the API root: `dump(client)` must not reach the cached token.
    public var customMirror: Mirror { Mirror(self, children: ["baseURL": executor.baseURL]) }

    /// `id` made safe for a URL path segment.
    static func segment(_ id: String) -> String { RequestExecutor.encode(id) }

    /// A JSON request body's headers.
    static let jsonHeaders = [(name: "Content-Type", value: "application/json")]
}
