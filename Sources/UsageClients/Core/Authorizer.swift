/// How a client authorises its requests: fixed headers (Zylo, Mason) or a cached token that is replaced once when
/// the server refuses it (Hyalto, Usage Engine).
struct Authorizer: Sendable {
    /// The headers for a request, and the credential they carry; `rejected` is the credential the server just
    /// answered 401 to, which must not be sent again.
    let headers:
        @Sendable (_ rejected: String?) async throws -> (headers: [(name: String, value: String)], credential: String)
    /// Whether a 401 is worth one more attempt with a fresh credential.
    let refreshesOn401: Bool

    /// The same headers on every request.
    static func fixed(_ headers: [(name: String, value: String)]) -> Authorizer {
        Authorizer(headers: { _ in (headers, "") }, refreshesOn401: false)
    }

    /// A bearer-style token from `cache`, formatted into headers by `format`.
    static func token(
        _ cache: TokenCache, format: @escaping @Sendable (String) -> [(name: String, value: String)]
    ) -> Authorizer {
        Authorizer(
            headers: { rejected in
                let token = try await cache.token(replacing: rejected)
                return (format(token), token)
            }, refreshesOn401: true)
    }
}
