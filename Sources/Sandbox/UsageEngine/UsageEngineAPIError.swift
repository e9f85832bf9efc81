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

/// Usage Engine's envelope for shared failures. The vendor documents no request-id header, so none is added.
struct UsageEngineProfile: VendorProfile {
    var vendor: Vendor { .usageEngine }

    func error(for failure: SandboxFailure) -> any VendorError {
        switch failure {
        case .notEmulated(let method, let path):
            var error = UsageEngineAPIError.notFound("\(method) \(path) is not a Usage Engine endpoint")
            error.extraHeaders[.sandboxNotEmulated] = "true"
            return error
        case .badRequest(let message):
            return UsageEngineAPIError.badRequest(message)
        case .payloadTooLarge(let limit):
            return UsageEngineAPIError(
                status: .contentTooLarge, error: "payload_too_large",
                message: "Request body too large: it exceeds \(limit) bytes")
        case .internalError:
            return UsageEngineAPIError(
                status: .internalServerError, error: "internal_error", message: "Unexpected internal error")
        }
    }

    func responseHeaders(requestID: String) -> HTTPFields { [:] }
}

extension UsageEngineProfile {
    /// The token endpoint answers in RFC 6749's shape, every other path in the metering envelope.
    func scenarioError(status: HTTPResponse.Status, message: String?, path: String) -> any VendorError {
        if path.hasSuffix("/oauth/token") {
            let code =
                switch status.code {
                case 400: "invalid_request"
                case 401: "invalid_client"
                case 429: "too_many_requests"
                case 503: "temporarily_unavailable"
                default: status.code >= 500 ? "server_error" : "invalid_request"
                }
            var error = UsageEngineOAuthError(
                status: status, error: code, description: message ?? status.reasonPhrase)
            if status.code == 401 { error.extraHeaders[.wwwAuthenticate] = #"Basic realm="usage-engine""# }
            return error
        }
        let code =
            switch status.code {
            case 400: "bad_request"
            case 401: "unauthorized"
            case 403: "forbidden"
            case 404: "not_found"
            case 405: "method_not_allowed"
            case 409: "conflict"
            case 413: "payload_too_large"
            case 429: "too_many_requests"
            case 503: "service_unavailable"
            default: status.code >= 500 ? "internal_error" : "bad_request"
            }
        var error = UsageEngineAPIError(status: status, error: code, message: message ?? status.reasonPhrase)
        if status.code == 401 { error.extraHeaders[.wwwAuthenticate] = #"Bearer error="invalid_token""# }
        return error
    }

    func credentialRejected(revoked: Bool, path: String) -> any VendorError {
        if path.hasSuffix("/oauth/token") { return UsageEngineOAuthError.invalidClient(basicAuth: false) }
        return UsageEngineAPIError.invalidToken(
            revoked ? "the access token has been revoked" : "the access token has expired: request a new one")
    }
}
