import Foundation
import HTTPTypes

/// Zylo's envelope for shared failures, and the `zylo-request-id` header on every response.
struct ZyloProfile: VendorProfile {
    var vendor: Vendor { .zylo }

    func error(for failure: SandboxFailure) -> any VendorError {
        switch failure {
        case .notEmulated:
            var error = ZyloAPIError(status: .notFound, message: "Not Found")
            error.extraHeaders[.sandboxNotEmulated] = "true"
            return error
        case .badRequest(let message):
            return ZyloAPIError.badRequest(message)
        case .payloadTooLarge(let limit):
            return ZyloAPIError(status: .contentTooLarge, message: "Payload Too Large: the body exceeds \(limit) bytes")
        case .internalError:
            return ZyloAPIError(status: .internalServerError, message: "Internal Server Error")
        }
    }

    func responseHeaders(requestID: String) -> HTTPFields {
        [.zyloRequestID: requestID]
    }
}

extension HTTPField.Name {
    /// The request id Zylo puts on every response.
    // swift-format-ignore: NeverForceUnwrap
    // A literal, valid header name: the initializer fails only for illegal characters.
    static let zyloRequestID = HTTPField.Name("zylo-request-id")!
}

extension ZyloProfile {
    func scenarioError(status: HTTPResponse.Status, message: String?, path: String) -> any VendorError {
        ZyloAPIError(status: status, message: message ?? status.reasonPhrase)
    }

    /// Zylo answers every credential problem alike.
    func credentialRejected(revoked: Bool, path: String) -> any VendorError { ZyloAPIError.unauthorized }
}
