import Foundation
import HTTPTypes

/// An error in Mason's envelope, `{"type":"authentication_error","message":"..."}`.
struct MasonAPIError: VendorError {
    let status: HTTPResponse.Status
    let type: String
    let message: String
    var extraHeaders: HTTPFields = [:]

    var body: Data {
        struct Body: Encodable {
            let type: String
            let message: String
        }
        return (try? OrderedJSONEncoder.encode(Body(type: type, message: message))) ?? Data()
    }

    /// No `Authorization` header, or not the `basic <key>` form: the vendor's documented example.
    static let missingToken = MasonAPIError(
        status: .unauthorized, type: "authentication_error", message: "Required authorization token not found")
    static let invalidKey = MasonAPIError(
        status: .unauthorized, type: "authentication_error", message: "No valid API key provided")

    static func forbidden(_ message: String) -> MasonAPIError {
        MasonAPIError(status: .forbidden, type: "permission_error", message: message)
    }

    static func badRequest(_ message: String) -> MasonAPIError {
        MasonAPIError(status: .badRequest, type: "invalid_request_error", message: message)
    }

    static func notFound(_ message: String) -> MasonAPIError {
        MasonAPIError(status: .notFound, type: "not_found_error", message: message)
    }
}

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
