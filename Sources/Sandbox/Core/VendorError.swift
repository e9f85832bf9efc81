import Foundation
import HTTPTypes
import Hummingbird

/// An error that renders itself as one exact vendor response: status, headers and body bytes.
///
/// Handlers only `throw`; ``VendorErrorMiddleware`` turns the error into the response in one place.
public protocol VendorError: Error, Sendable {
    /// The HTTP status.
    var status: HTTPResponse.Status { get }
    /// The exact body bytes.
    var body: Data { get }
    /// Headers beyond `Content-Type`, such as `X-Sandbox-Not-Emulated`.
    var extraHeaders: HTTPFields { get }
    /// The body's media type.
    var contentType: String { get }
}

extension VendorError {
    public var extraHeaders: HTTPFields { [:] }
    public var contentType: String { "application/json; charset=utf-8" }

    /// The response this error renders as.
    func response() -> Response {
        var headers = extraHeaders
        headers[.contentType] = contentType
        headers[.contentLength] = String(body.count)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// Renders shared failures in one error envelope.
public protocol ErrorEnvelope: Sendable {
    /// The envelope's rendering of a shared failure.
    func error(for failure: SandboxFailure) -> any VendorError
}

/// How one vendor renders shared failures and decorates every response.
public protocol VendorProfile: ErrorEnvelope {
    /// The vendor described.
    var vendor: Vendor { get }
    /// Headers the vendor puts on every response, errors included (Zylo's `zylo-request-id`).
    func responseHeaders(requestID: String) -> HTTPFields
    /// The vendor's own error for `status`, as a QA scenario answers it; `message` replaces the default text.
    func scenarioError(status: HTTPResponse.Status, message: String?, path: String) -> any VendorError
    /// The vendor's answer to a token or key that a scenario expired (`revoked == false`) or revoked.
    func credentialRejected(revoked: Bool, path: String) -> any VendorError
}

extension HTTPField.Name {
    /// Marks a 404 that means "the sandbox does not emulate this", not "the resource does not exist".
    // swift-format-ignore: NeverForceUnwrap
    // A literal, valid header name: the initializer fails only for illegal characters.
    public static let sandboxNotEmulated = HTTPField.Name("X-Sandbox-Not-Emulated")!
}
