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
