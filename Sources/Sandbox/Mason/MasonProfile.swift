import Foundation
import HTTPTypes

/// Mason's envelope for shared failures. Mason documents no request-id header, so none is added.
struct MasonProfile: VendorProfile {
    var vendor: Vendor { .mason }

    func error(for failure: SandboxFailure) -> any VendorError {
        switch failure {
        case .notEmulated(let method, let path):
            var error = MasonAPIError.notFound("\(method) \(path) is not a Mason usage endpoint")
            error.extraHeaders[.sandboxNotEmulated] = "true"
            return error
        case .badRequest(let message):
            return MasonAPIError.badRequest(message)
        case .payloadTooLarge(let limit):
            return MasonAPIError(
                status: .contentTooLarge, type: "invalid_request_error", message: "request body exceeds \(limit) bytes")
        case .internalError:
            return MasonAPIError(status: .internalServerError, type: "api_error", message: "internal error")
        }
    }

    func responseHeaders(requestID: String) -> HTTPFields { [:] }
}

extension MasonProfile {
    func scenarioError(status: HTTPResponse.Status, message: String?, path: String) -> any VendorError {
        switch status.code {
        case 400: MasonAPIError.badRequest(message ?? "invalid request")
        case 401:
            message.map { MasonAPIError(status: .unauthorized, type: "authentication_error", message: $0) }
                ?? MasonAPIError.invalidKey
        case 403: MasonAPIError.forbidden(message ?? "API key does not have the required scope connect:read")
        case 404: MasonAPIError.notFound(message ?? "resource not found")
        case 429: MasonAPIError(status: status, type: "rate_limit_error", message: message ?? "too many requests")
        default:
            MasonAPIError(
                status: status, type: status.code >= 500 ? "api_error" : "invalid_request_error",
                message: message ?? status.reasonPhrase.lowercased())
        }
    }

    func credentialRejected(revoked: Bool, path: String) -> any VendorError {
        MasonAPIError(
            status: .unauthorized, type: "authentication_error",
            message: revoked ? "API key has been revoked" : "API key has expired")
    }
}
