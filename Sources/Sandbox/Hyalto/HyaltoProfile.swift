import Foundation
import HTTPTypes

/// Hyalto's envelope for shared failures.
struct HyaltoProfile: VendorProfile {
    var vendor: Vendor { .hyalto }

    func error(for failure: SandboxFailure) -> any VendorError {
        switch failure {
        case .notEmulated(let method, let path):
            var error = HyaltoAPIError.notFound("\(method) \(path) is not emulated by the sandbox")
            error.extraHeaders[.sandboxNotEmulated] = "true"
            return error
        case .badRequest(let message):
            return HyaltoAPIError.badRequest(message)
        case .payloadTooLarge(let limit):
            return HyaltoAPIError(status: .contentTooLarge, message: "request body exceeds \(limit) bytes")
        case .internalError:
            return HyaltoAPIError(status: .internalServerError, message: "internal error")
        }
    }

    func responseHeaders(requestID: String) -> HTTPFields { [:] }
}

extension HyaltoProfile {
    func scenarioError(status: HTTPResponse.Status, message: String?, path: String) -> any VendorError {
        HyaltoAPIError(status: status, message: message ?? status.reasonPhrase)
    }

    /// The same words the real expiry check uses, so a client cannot tell a scenario from the clock.
    func credentialRejected(revoked: Bool, path: String) -> any VendorError {
        if path.hasSuffix("/auth/token") { return HyaltoAPIError.unauthorized("accessKey or secretKey is invalid") }
        return HyaltoAPIError.unauthorized(
            revoked ? "access token has been revoked" : "access token has expired: request a new one")
    }
}
