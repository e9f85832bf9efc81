import Foundation
import HTTPTypes

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
