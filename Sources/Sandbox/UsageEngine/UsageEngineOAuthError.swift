import Foundation
import HTTPTypes

/// A token-endpoint error in RFC 6749's shape, `{"error":"invalid_client","error_description":"..."}`, sent with
/// `Cache-Control: no-store`.
///
/// Sandbox choice: the vendor documents the token endpoint's statuses but not its error bodies; its tokens are
/// Auth0-issued, and Auth0 answers in this shape.
struct UsageEngineOAuthError: VendorError {
    let status: HTTPResponse.Status
    let error: String
    let description: String
    var extraHeaders: HTTPFields = [.cacheControl: "no-store"]

    var body: Data {
        struct Body: Encodable {
            let error: String
            let errorDescription: String

            enum CodingKeys: String, CodingKey {
                case error
                case errorDescription = "error_description"
            }
        }
        return (try? OrderedJSONEncoder.encode(Body(error: error, errorDescription: description))) ?? Data()
    }

    /// A missing, repeated or malformed parameter, or a body that is neither JSON nor a form.
    static func invalidRequest(_ description: String) -> UsageEngineOAuthError {
        UsageEngineOAuthError(status: .badRequest, error: "invalid_request", description: description)
    }

    /// A `grant_type` other than `client_credentials`.
    static func unsupportedGrantType(_ grantType: String) -> UsageEngineOAuthError {
        UsageEngineOAuthError(
            status: .badRequest, error: "unsupported_grant_type",
            description: "grant_type '\(grantType)' is not supported: use client_credentials")
    }

    /// An unknown `client_id` or a wrong `client_secret`; one answer for both, so ids cannot be probed.
    static func invalidClient(basicAuth: Bool) -> UsageEngineOAuthError {
        var error = UsageEngineOAuthError(
            status: .unauthorized, error: "invalid_client", description: "client_id or client_secret is invalid")
        if basicAuth { error.extraHeaders[.wwwAuthenticate] = #"Basic realm="usage-engine""# }
        return error
    }

    /// An `audience` other than the one the Application Access was made for.
    static func invalidAudience(_ audience: String) -> UsageEngineOAuthError {
        UsageEngineOAuthError(
            status: .badRequest, error: "invalid_grant",
            description: "audience '\(audience)' is not the API this client may access")
    }

    /// The client's token bucket is empty; `Retry-After` is the whole seconds until it holds a token again.
    static func tooManyRequests(retryAfter seconds: Int) -> UsageEngineOAuthError {
        var error = UsageEngineOAuthError(
            status: .tooManyRequests, error: "too_many_requests",
            description: "too many token requests for this client: retry after \(seconds) s")
        error.extraHeaders[.retryAfter] = String(seconds)
        return error
    }
}
