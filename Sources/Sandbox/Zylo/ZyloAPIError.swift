import Foundation
import HTTPTypes

/// An error in Zylo's envelope, `{"statusCode":401,"message":"Unauthorized"}`.
struct ZyloAPIError: VendorError {
    let status: HTTPResponse.Status
    let message: String
    var extraHeaders: HTTPFields = [:]

    var body: Data {
        struct Body: Encodable {
            let statusCode: Int
            let message: String
        }
        return (try? OrderedJSONEncoder.encode(Body(statusCode: status.code, message: message))) ?? Data()
    }

    /// Missing, malformed or unknown credentials: exactly the seed's example body.
    static let unauthorized = ZyloAPIError(status: .unauthorized, message: "Unauthorized")

    static func badRequest(_ message: String) -> ZyloAPIError { ZyloAPIError(status: .badRequest, message: message) }
    static func notFound(_ message: String) -> ZyloAPIError { ZyloAPIError(status: .notFound, message: message) }
    static func forbidden(_ message: String) -> ZyloAPIError { ZyloAPIError(status: .forbidden, message: message) }
}
