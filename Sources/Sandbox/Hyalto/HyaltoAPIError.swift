import Foundation
import HTTPTypes

/// An error in the sandbox's Hyalto envelope, `{"status":401,"error":"Unauthorized","message":"..."}`
/// (Hyalto documents no error body: this shape is the sandbox's choice).
struct HyaltoAPIError: VendorError {
    let status: HTTPResponse.Status
    let message: String
    var extraHeaders: HTTPFields = [:]

    var body: Data {
        struct Body: Encodable {
            let status: Int
            let error: String
            let message: String
        }
        return (try? OrderedJSONEncoder.encode(Body(status: status.code, error: status.reasonPhrase, message: message)))
            ?? Data()
    }

    static func unauthorized(_ message: String) -> HyaltoAPIError {
        HyaltoAPIError(status: .unauthorized, message: message)
    }

    static func badRequest(_ message: String) -> HyaltoAPIError {
        HyaltoAPIError(status: .badRequest, message: message)
    }
    static func notFound(_ message: String) -> HyaltoAPIError { HyaltoAPIError(status: .notFound, message: message) }
}
