import Foundation
import HTTPTypes

/// An error of the metering API in the sandbox's envelope, `{"error":"not_found","message":"..."}`.
///
/// Sandbox choice: Usage Engine publishes its status codes (400, 401, 404, 405, 409, 413, 429, 500, 503) but not
/// its error body, so every metering error uses this one shape. The token endpoint answers in RFC 6749's shape
/// instead (``UsageEngineOAuthError``).
struct UsageEngineAPIError: VendorError {
    let status: HTTPResponse.Status
    let error: String
    let message: String
    var extraHeaders: HTTPFields = [:]

    var body: Data {
        struct Body: Encodable {
            let error: String
            let message: String
        }
        return (try? OrderedJSONEncoder.encode(Body(error: error, message: message))) ?? Data()
    }

    /// No `Authorization: Bearer` header: a bare `WWW-Authenticate: Bearer` challenge (RFC 6750 section 3.1).
    static let missingToken = UsageEngineAPIError(
        status: .unauthorized, error: "unauthorized",
        message: "an Authorization: Bearer <access token> header is required",
        extraHeaders: [.wwwAuthenticate: "Bearer"])

    /// A malformed, tampered, unsigned, foreign, expired or orphaned token.
    static func invalidToken(_ message: String) -> UsageEngineAPIError {
        UsageEngineAPIError(
            status: .unauthorized, error: "unauthorized", message: message,
            extraHeaders: [.wwwAuthenticate: #"Bearer error="invalid_token""#])
    }

    /// A valid token without the scope the operation needs.
    static func insufficientScope(_ scope: String) -> UsageEngineAPIError {
        UsageEngineAPIError(
            status: .forbidden, error: "forbidden", message: "the access token lacks the scope \(scope)",
            extraHeaders: [.wwwAuthenticate: #"Bearer error="insufficient_scope", scope="\#(scope)""#])
    }

    static func badRequest(_ message: String) -> UsageEngineAPIError {
        UsageEngineAPIError(status: .badRequest, error: "bad_request", message: message)
    }

    static func notFound(_ message: String) -> UsageEngineAPIError {
        UsageEngineAPIError(status: .notFound, error: "not_found", message: message)
    }

    static func conflict(_ message: String) -> UsageEngineAPIError {
        UsageEngineAPIError(status: .conflict, error: "conflict", message: message)
    }
}
