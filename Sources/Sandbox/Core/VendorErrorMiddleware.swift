import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

/// Turns every error thrown under a vendor prefix into that vendor's own error response: the one place where
/// errors become bodies.
struct VendorErrorMiddleware: RouterMiddleware {
    typealias Context = SandboxContext

    let profiles: [Vendor: any VendorProfile]

    func handle(
        _ request: Request, context: SandboxContext, next: (Request, SandboxContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any VendorError {
            return error.response()
        } catch is CancellationError {
            // The server is shutting down under this request: there is nobody to answer.
            throw CancellationError()
        } catch {
            let failure = Self.failure(for: error, request: request, limit: context.maxBodyBytes)
            if case .internalError(let detail) = failure {
                context.logger.error("unexpected error", metadata: ["error": "\(detail)"])
            }
            let envelope: any ErrorEnvelope = context.vendor.flatMap { profiles[$0] } ?? AdminErrorEnvelope()
            return envelope.error(for: failure).response()
        }
    }

    /// The shared failure an arbitrary error stands for.
    static func failure(for error: any Error, request: Request, limit: Int) -> SandboxFailure {
        switch error {
        case let failure as SandboxFailure:
            return failure
        case let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed:
            return .notEmulated(method: request.method.rawValue, path: request.uri.path)
        case let error as HTTPError where error.status == .contentTooLarge:
            return .payloadTooLarge(limit: limit)
        case let error as HTTPError where (400..<500).contains(error.status.code):
            return .badRequest(error.body ?? error.status.reasonPhrase)
        case let error as DecodingError:
            return .badRequest(error.sandboxDescription)
        case let error as HTTPParserError:
            // Usually a client that hung up before sending the body it announced.
            return .badRequest("the request could not be read: \(error)")
        default:
            return .internalError(String(describing: error))
        }
    }
}
