import Foundation

/// A client for Hyalto's usage API: customers, their purchased services, usage reports and raw allocation changes.
///
/// It exchanges the API key pair for a JWT on first use, reuses it until a minute before it expires, and fetches a
/// new one once when Hyalto refuses it; concurrent callers share one token request.
///
/// ```swift
/// let hyalto = HyaltoClient(accessKey: accessKey, secretKey: secretKey)
/// for account in try await hyalto.accounts() {
///     let services = try await hyalto.services(accountID: account.id)
///     print(account.companyName ?? "?", services.map(\.name))
/// }
/// ```
public struct HyaltoClient: Sendable, CustomStringConvertible, CustomReflectable {
    /// Hyalto's production API root, `https://api.hyalto.com`.
    public static let liveBaseURL = URL(string: "https://api.hyalto.com") ?? URL(fileURLWithPath: "/")

    /// How the token travels in `Authorization`.
    public enum AuthorizationStyle: Sendable {
        /// `Authorization: Bearer <jwt>`, as the token's `tokenType` suggests.
        case bearer
        /// `Authorization: <jwt>`, as the only public Hyalto client (a 2018 script) sends it.
        case bare
    }

    let executor: RequestExecutor

    /// A client for the API at `baseURL` (the sandbox's `…/hyalto` in tests) with an API key pair.
    ///
    /// - Parameters:
    ///   - accessKey: the key's public part, such as `190.1fae4315-…`.
    ///   - secretKey: the secret shown once when the key was made; it never appears in errors or descriptions.
    ///   - authorizationStyle: `.bearer` unless your Hyalto host wants the bare JWT.
    public init(
        baseURL: URL = HyaltoClient.liveBaseURL, accessKey: String, secretKey: String,
        authorizationStyle: AuthorizationStyle = .bearer, options: ClientOptions = ClientOptions()
    ) {
        let tokenExecutor = RequestExecutor(
            vendor: "hyalto", baseURL: baseURL, options: options, authorizer: .fixed([]))
        let request = HyaltoTokenRequest(accessKey: accessKey, secretKey: secretKey)
        let cache = TokenCache(refreshMargin: .seconds(60)) {
            // A token request changes nothing on the server, so it may be retried like a GET.
            let token = try await tokenExecutor.json(
                HyaltoToken.self, "POST", "/accountManagement/auth/token",
                headers: [(name: "Content-Type", value: "application/json")],
                body: try RequestExecutor.jsonBody(request), authorized: false, idempotent: true)
            return (token.accessToken, .seconds(token.expiresIn ?? HyaltoToken.documentedLifetime))
        }
        let authorizer = Authorizer.token(cache) { token in
            [(name: "Authorization", value: authorizationStyle == .bearer ? "Bearer \(token)" : token)]
        }
        executor = RequestExecutor(vendor: "hyalto", baseURL: baseURL, options: options, authorizer: authorizer)
    }

    /// The API root this client calls; the credentials stay out of it.
    public var description: String { "HyaltoClient(\(executor.baseURL.absoluteString))" }

    /// Only the API root: `dump(client)` must not reach the cached token.
    public var customMirror: Mirror { Mirror(self, children: ["baseURL": executor.baseURL]) }

    /// The customer accounts of the key's service provider ("Retrieve List of Customers").
    ///
    /// ```swift
    /// let customers = try await hyalto.accounts()
    /// print(customers.map(\.id))   // [16401, 16402, …]
    /// ```
    public func accounts() async throws -> [HyaltoAccount] {
        try await executor.json([HyaltoAccount].self, "GET", "/accountManagement/accounts")
    }

    /// The services one customer purchased ("Retrieve List of Purchased Services").
    ///
    /// ```swift
    /// let services = try await hyalto.services(accountID: 16401)
    /// let vdcs = services.filter { $0.type == "allocationVDC" }
    /// ```
    public func services(accountID: Int) async throws -> [HyaltoService] {
        try await executor.json([HyaltoService].self, "GET", "/serviceOfferings/accounts/\(accountID)/services/")
    }
}
