import Foundation
import HTTPTypes

/// An error of the sandbox's own admin API: `{"error":{"status":400,"message":"..."}}`, with `problems`
/// (`[{"field","message"}]`) when the refusal names fields of a document, as a scenario upload's does.
struct AdminError: VendorError {
    let status: HTTPResponse.Status
    let message: String
    var extraHeaders: HTTPFields = [:]
    var problems: [Problem]? = nil

    /// One broken field of a document: its path (`rules[0].respond.status`, empty for the whole body) and why.
    struct Problem: Encodable, Sendable {
        let field: String
        let message: String
    }

    var body: Data {
        struct Body: Encodable {
            struct Detail: Encodable {
                let status: Int
                let message: String
                let problems: [Problem]?
            }
            let error: Detail
        }
        let detail = Body.Detail(status: status.code, message: message, problems: problems)
        return (try? OrderedJSONEncoder.encode(Body(error: detail))) ?? Data()
    }

    static func badRequest(_ message: String) -> AdminError { AdminError(status: .badRequest, message: message) }
    static func notFound(_ message: String) -> AdminError { AdminError(status: .notFound, message: message) }
    static func conflict(_ message: String) -> AdminError { AdminError(status: .conflict, message: message) }
}

/// Renders shared failures for `/__admin` and for paths outside every vendor prefix.
struct AdminErrorEnvelope: ErrorEnvelope {
    func error(for failure: SandboxFailure) -> any VendorError {
        switch failure {
        case .notEmulated(let method, let path):
            var error = AdminError(status: .notFound, message: "\(method) \(path) is not emulated by the sandbox")
            error.extraHeaders[.sandboxNotEmulated] = "true"
            return error
        case .badRequest(let message):
            return AdminError.badRequest(message)
        case .payloadTooLarge(let limit):
            return AdminError(status: .contentTooLarge, message: "request body exceeds \(limit) bytes")
        case .internalError:
            return AdminError(status: .internalServerError, message: "internal sandbox error")
        }
    }
}
